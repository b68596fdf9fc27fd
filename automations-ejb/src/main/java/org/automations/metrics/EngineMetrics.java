package org.automations.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's counters and the tick's timer, in the registry of WildFly's Micrometer subsystem
 * (scraped at the management interface's /metrics). The engine calls these where the outcome is
 * known; nothing here touches the database.
 *
 * <p>Counts made inside a transaction reach the meters only when it commits: a step rolled back (its
 * transaction, or to its savepoint: {@link #mark}, {@link #rollBackTo}) was not executed, and it runs
 * again later, where it counts. So a counter says what the database says happened, once.
 */
@ApplicationScoped
public class EngineMetrics {

    /** The counts of one transaction, kept as its resource until it completes. */
    private static final String PENDING = EngineMetrics.class.getName() + ".pending";

    @Inject
    MeterRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Counters by name and tag values: the registry's own lookup builds an id per call. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private Timer tick;

    @PostConstruct
    void meters() {
        tick = registry.timer("automations.tick.duration");
    }

    /** A redeployment registers them again: the server's registry would hand these back instead. */
    @PreDestroy
    void unregister() {
        counters.values().forEach(registry::remove);
        registry.remove(tick);
    }

    /** A task finished without error (a node's code ran, a condition chose, a wait ended, a Join met...). */
    public void stepExecuted(String automationClass, String node) {
        count(counter("automations.steps.executed", automationClass, "node", node));
    }

    /** A step's error was recorded on its task (an attempt of a retried step counts). */
    public void stepFailed(String automationClass, String node) {
        count(counter("automations.steps.failed", automationClass, "node", node));
    }

    public void started(String automationClass) {
        count(counter("automations.started", automationClass, null, null));
    }

    /** Reached an End node. */
    public void finished(String automationClass) {
        count(counter("automations.finished", automationClass, null, null));
    }

    /** Stopped with status FAILED (no retry or onError left). */
    public void failed(String automationClass) {
        count(counter("automations.failed", automationClass, null, null));
    }

    /** A message reached a receiver or woke a task awaiting it. */
    public void delivered(String automationClass, String message) {
        count(counter("automations.messages.delivered", automationClass, "message", message));
    }

    /** One tick: its own thread's time (the workers' steps are counted by the step counters). */
    public void tickTook(Duration duration) {
        tick.record(duration);
    }

    /** Where the current transaction's counts stand (before a step with a savepoint). */
    public int mark() {
        Pending pending = pending(false);
        return pending == null ? 0 : pending.counters.size();
    }

    /** The step after {@code mark} was rolled back to its savepoint: its counts are dropped. */
    public void rollBackTo(int mark) {
        Pending pending = pending(false);
        if (pending != null && pending.counters.size() > mark) {
            pending.counters.subList(mark, pending.counters.size()).clear();
        }
    }

    /**
     * Through the registry's own methods, not {@code Counter.builder(...).register}: WildFly's registry of
     * a deployment adds its deployment tag and hands the meter to the server's registry only there.
     */
    private Counter counter(String name, String automationClass, String tag, String value) {
        List<String> key = tag == null ? List.of(name, automationClass) : List.of(name, automationClass, value);
        return counters.computeIfAbsent(key, k -> registry.counter(name,
                tag == null ? Tags.of("class", automationClass) : Tags.of("class", automationClass, tag, value)));
    }

    private void count(Counter counter) {
        if (transactions.getTransactionKey() == null) {
            counter.increment(); // no transaction: nothing can undo it
            return;
        }
        Pending pending = pending(true);
        if (pending != null) {
            pending.counters.add(counter);
        }
    }

    /** The current transaction's counts; with {@code open}, registered on first use (null when it cannot commit). */
    private Pending pending(boolean open) {
        if (transactions.getTransactionKey() == null) {
            return null;
        }
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null && open && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            pending = new Pending();
            transactions.putResource(PENDING, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        return pending;
    }

    /** Adds the counts to the meters once the transaction has committed; a rollback drops them. */
    private static final class Pending implements Synchronization {
        private final List<Counter> counters = new ArrayList<>();

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                counters.forEach(Counter::increment);
            }
        }
    }
}
