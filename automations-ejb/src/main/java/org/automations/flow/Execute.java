package org.automations.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.automations.model.AutomationTaskModel;

/**
 * Runs a callable, or the overridden {@link #method}, with the task being processed. The result is
 * stored as the task's JSON result; an exception stops the automation unless {@link #onError} names a
 * node to continue with.
 */
public class Execute extends Node {

    private final TaskMethod callable;
    private String onError;
    private boolean threaded;
    private Retry retry;
    private Duration timeout;

    /**
     * How a failing step is tried again: {@code times} more attempts, the first after {@code first},
     * each following one {@code factor} times later than the one before.
     */
    public record Retry(int times, Duration first, double factor) {

        /** The wait before retry number {@code attempt} (1 for the first retry). */
        public Duration delayBefore(int attempt) {
            double millis = first.toMillis() * Math.pow(factor, attempt - 1);
            return Duration.ofMillis((long) Math.min(millis, Long.MAX_VALUE / 2.0));
        }
    }

    /** A no-op step (also the manual's way to retire a node safely). */
    public Execute() {
        this.callable = null;
    }

    public Execute(TaskMethod method) {
        this.callable = requireNonNull(method, "Execute");
    }

    public Execute(TaskProcedure procedure) {
        requireNonNull(procedure, "Execute");
        this.callable = task -> {
            procedure.run(task);
            return null;
        };
    }

    /** Continue at that node when the step throws. */
    public Execute onError(String node) {
        if (onError != null) {
            addProblem("has two .onError() targets ('" + onError + "' and '" + node + "')");
        }
        onError = stripSelf(requireNonNull(node, "onError"));
        return this;
    }

    /** Runs the step on a container-managed thread; the automation moves on at once. */
    public Execute threaded() {
        threaded = true;
        return this;
    }

    /**
     * Tries a failing step again, up to {@code times} more times, after {@code first}, then each time
     * {@code factor} times longer (the automation waits in between at no cost). Every attempt stays in
     * the history with its error; {@code onError} applies only after the last one.
     */
    public Execute retry(int times, Duration first, double factor) {
        if (retry != null) {
            addProblem("has two .retry() policies");
        }
        if (times < 1) {
            addProblem(".retry(" + times + ", ...): times must be at least 1");
        }
        if (first == null || first.isZero() || first.isNegative()) {
            addProblem(".retry(..., " + first + ", ...): the first delay must be longer than zero");
        }
        if (!(factor >= 1)) {
            addProblem(".retry(..., " + factor + "): the factor must be at least 1");
        }
        retry = new Retry(times, first, factor);
        return this;
    }

    /**
     * The longest this step may run (default: MicroProfile Config {@code automations.step.timeout}).
     * A step still running then is recorded as failed and its transaction rolled back; Java cannot stop
     * its code, so the thread comes back only when that code returns.
     */
    public Execute timeout(Duration limit) {
        if (limit == null || limit.isZero() || limit.isNegative()) {
            addProblem(".timeout(" + limit + "): the limit must be longer than zero");
        } else if (limit.toMillis() % 1000 != 0) {
            addProblem(".timeout(" + limit + "): the limit must be whole seconds (the transaction timeout's unit)");
        }
        timeout = limit;
        return this;
    }

    /** The retry policy, or null. */
    public Retry getRetry() {
        return retry;
    }

    /** This step's own time limit, or null for the default. */
    public Duration getTimeout() {
        return timeout;
    }

    /** What the step does; subclasses override it to make reusable, named steps. */
    protected Object method(AutomationTaskModel task) throws Exception {
        return callable == null ? null : callable.run(task);
    }

    /** Called by the engine to run the step. */
    public final Object invoke(AutomationTaskModel task) throws Exception {
        return method(task);
    }

    public String getOnError() {
        return onError;
    }

    /** False for a plain {@code new Execute()}: no code of the application runs in its step. */
    public boolean runsCode() {
        return callable != null || getClass() != Execute.class;
    }

    public boolean isThreaded() {
        return threaded;
    }

    @Override
    protected void collectReferences(List<String> references) {
        super.collectReferences(references);
        if (onError != null) {
            references.add(onError);
        }
    }

    @Override
    protected void describeModifiers(List<String> parts) {
        super.describeModifiers(parts);
        if (onError != null) {
            parts.add("onError(" + onError + ")");
        }
        if (threaded) {
            parts.add("threaded");
        }
        if (retry != null) {
            parts.add("retry(" + retry.times() + ", " + retry.first() + ", " + retry.factor() + ")");
        }
        if (timeout != null) {
            parts.add("timeout(" + timeout + ")");
        }
    }

    @Override
    public Execute next(String node) {
        super.next(node);
        return this;
    }

    @Override
    public Execute asSoonAs(Condition condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public Execute asSoonAs(boolean condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public Execute afterWaitingUntil(Instant time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public Execute afterWaitingUntil(TimeFunction time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public Execute afterWaitingFor(Duration duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public Execute afterWaitingFor(DurationFunction duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public Execute skipIf(Condition condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public Execute skipIf(boolean condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public Execute skipAfter(Duration duration) {
        super.skipAfter(duration);
        return this;
    }

    @Override
    public Execute awaitMessage(String message) {
        super.awaitMessage(message);
        return this;
    }

    @Override
    public Execute description(String text) {
        super.description(text);
        return this;
    }
}
