package org.automations.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.automations.engine.RunningSteps;
import org.automations.engine.Workers;
import org.automations.health.publish.EngineChecks;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Alive unless every worker is held by a step whose code ran past its time limit and never came back:
 * the watchdog has failed those steps, but Java cannot stop their threads, so this server advances
 * nothing any more until it restarts. (Steps past their limit are counted on any thread, a request's
 * too: with all workers busy that is close enough, and it never kills a server whose workers are free.)
 * No database access: a database outage is readiness's business, a restart would not cure it.
 */
@ApplicationScoped
public class WorkersLiveness implements HealthCheck {

    static final String NAME = EngineChecks.WORKERS;

    @Inject
    Workers workers;

    @Inject
    RunningSteps running;

    @Override
    public HealthCheckResponse call() {
        int size = workers.size();
        int busy = workers.busy();
        long stuck = running.pastLimit(Instant.now());
        return HealthCheckResponse.named(NAME)
                .withData("workers", size)
                .withData("busy", busy)
                .withData("queued", workers.queued())
                .withData("stepsPastLimit", stuck)
                .status(busy < size || stuck < size)
                .build();
    }
}
