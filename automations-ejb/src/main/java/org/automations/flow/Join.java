package org.automations.flow;

import java.time.Duration;
import java.time.Instant;

/** Waits until every path of the matching {@link Split} has arrived. */
public class Join extends Node {

    public Join() {
    }

    @Override
    public Join next(String node) {
        super.next(node);
        return this;
    }

    @Override
    public Join asSoonAs(Condition condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public Join asSoonAs(boolean condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public Join afterWaitingUntil(Instant time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public Join afterWaitingUntil(TimeFunction time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public Join afterWaitingFor(Duration duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public Join afterWaitingFor(DurationFunction duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public Join skipIf(Condition condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public Join skipIf(boolean condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public Join skipAfter(Duration duration) {
        super.skipAfter(duration);
        return this;
    }

    @Override
    public Join awaitMessage(String message) {
        super.awaitMessage(message);
        return this;
    }

    @Override
    public Join description(String text) {
        super.description(text);
        return this;
    }
}
