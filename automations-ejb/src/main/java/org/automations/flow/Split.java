package org.automations.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Starts two or more paths that run independently; {@code .next(node)} once per path. */
public class Split extends Node {

    private final List<String> paths = new ArrayList<>();

    public Split() {
    }

    /** Adds a path starting at that node (may be called once per path). */
    @Override
    public Split next(String node) {
        paths.add(stripSelf(requireNonNull(node, "next")));
        return this;
    }

    public List<String> getPaths() {
        return Collections.unmodifiableList(paths);
    }

    @Override
    public String getNext() {
        return null;
    }

    @Override
    protected void collectReferences(List<String> references) {
        references.addAll(paths);
    }

    @Override
    protected void describeModifiers(List<String> parts) {
        super.describeModifiers(parts);
        parts.add("paths(" + String.join(", ", paths) + ")");
    }

    @Override
    public Split asSoonAs(Condition condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public Split asSoonAs(boolean condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public Split afterWaitingUntil(Instant time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public Split afterWaitingUntil(TimeFunction time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public Split afterWaitingFor(Duration duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public Split afterWaitingFor(DurationFunction duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public Split skipIf(Condition condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public Split skipIf(boolean condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public Split skipAfter(Duration duration) {
        super.skipAfter(duration);
        return this;
    }

    @Override
    public Split awaitMessage(String message) {
        super.awaitMessage(message);
        return this;
    }

    @Override
    public Split description(String text) {
        super.description(text);
        return this;
    }
}
