package org.automations.flow;

import java.time.Duration;
import java.time.Instant;

/** Finishes the automation. */
public class End extends Node {

    public End() {
    }

    @Override
    public End next(String node) {
        super.next(node);
        return this;
    }

    @Override
    public End asSoonAs(Condition condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public End asSoonAs(boolean condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public End afterWaitingUntil(Instant time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public End afterWaitingUntil(TimeFunction time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public End afterWaitingFor(Duration duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public End afterWaitingFor(DurationFunction duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public End skipIf(Condition condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public End skipIf(boolean condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public End skipAfter(Duration duration) {
        super.skipAfter(duration);
        return this;
    }

    @Override
    public End awaitMessage(String message) {
        super.awaitMessage(message);
        return this;
    }

    @Override
    public End description(String text) {
        super.description(text);
        return this;
    }
}
