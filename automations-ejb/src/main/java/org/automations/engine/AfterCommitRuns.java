package org.automations.engine;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs on the automations that a step or receiver created, messaged or asked to run, once its
 * transaction has committed: on container-managed threads, so the committing thread (often the
 * tick's worker) goes on at once. Their rows are due already, so a crash before this ran costs
 * nothing but time: the next tick starts them.
 */
@ApplicationScoped
public class AfterCommitRuns implements Consumer<Set<Long>> {

    @Inject
    StepEngine engine;

    @Resource
    ManagedExecutorService threads;

    @Override
    public void accept(Set<Long> automationIds) {
        for (long id : automationIds) {
            threads.submit(() -> engine.advance(id, EngineClock.now(), false));
        }
    }
}
