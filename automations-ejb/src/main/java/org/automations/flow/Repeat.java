package org.automations.flow;

import java.time.Duration;
import java.time.Instant;


import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Loops back to a start node (default: the first node) on a schedule. The interval counts from the
 * time the loop was first reached; {@link #at} fixes the time of day for daily or longer intervals.
 */
public class Repeat extends Node {

    private final String start;
    private Duration interval;
    private LocalTime at;

    public Repeat() {
        this.start = null;
    }

    public Repeat(String startNode) {
        this.start = stripSelf(requireNonNull(startNode, "Repeat"));
    }

    public Repeat everyNMinutes(int minutes) {
        return every(Duration.ofMinutes(positive(minutes, "everyNMinutes")));
    }

    public Repeat everyHour() {
        return everyHour(1);
    }

    public Repeat everyHour(int hours) {
        return every(Duration.ofHours(positive(hours, "everyHour")));
    }

    public Repeat everyNDays(int days) {
        return every(Duration.ofDays(positive(days, "everyNDays")));
    }

    public Repeat everyDay() {
        return everyNDays(1);
    }

    /** The time of day (in the configured time zone) for a daily or longer interval. */
    public Repeat at(int hour, int minute) {
        try {
            at = LocalTime.of(hour, minute);
        } catch (java.time.DateTimeException e) {
            addProblem("has an invalid .at(" + hour + ", " + minute + "): " + e.getMessage());
        }
        return this;
    }

    /** The explicit start node, or null for the first node. */
    public String getStart() {
        return start;
    }

    /** The loop interval, or null: then the loop restarts on the next tick. */
    public Duration getInterval() {
        return interval;
    }

    public LocalTime getAt() {
        return at;
    }

    @Override
    protected void collectReferences(List<String> references) {
        super.collectReferences(references);
        if (start != null) {
            references.add(start);
        }
    }

    @Override
    protected void describeModifiers(List<String> parts) {
        super.describeModifiers(parts);
        parts.add("start(" + (start == null ? "first node" : start) + ")");
        if (interval != null) {
            parts.add("every(" + interval + ")");
        }
        if (at != null) {
            parts.add("at(" + at + ")");
        }
    }

    private Repeat every(Duration duration) {
        if (interval != null) {
            addProblem("declares two intervals (" + interval + " and " + duration + ")");
        }
        interval = duration;
        return this;
    }

    private int positive(int value, String modifier) {
        if (value <= 0) {
            addProblem("has ." + modifier + "(" + value + "); the interval must be positive");
            return 1;
        }
        return value;
    }

    @Override
    public Repeat next(String node) {
        super.next(node);
        return this;
    }

    @Override
    public Repeat asSoonAs(Condition condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public Repeat asSoonAs(boolean condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public Repeat afterWaitingUntil(Instant time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public Repeat afterWaitingUntil(TimeFunction time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public Repeat afterWaitingFor(Duration duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public Repeat afterWaitingFor(DurationFunction duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public Repeat skipIf(Condition condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public Repeat skipIf(boolean condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public Repeat skipAfter(Duration duration) {
        super.skipAfter(duration);
        return this;
    }

    @Override
    public Repeat awaitMessage(String message) {
        super.awaitMessage(message);
        return this;
    }

    @Override
    public Repeat description(String text) {
        super.description(text);
        return this;
    }
}
