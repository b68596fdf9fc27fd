package org.automations.flow;

import java.time.Duration;
import java.time.Instant;


import java.util.ArrayList;
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
    public Execute description(String text) {
        super.description(text);
        return this;
    }
}
