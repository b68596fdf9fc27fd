package org.automations.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The engine's MicroProfile Config settings, with their defaults. */
@ApplicationScoped
public class EngineSettings {

    @Inject
    @ConfigProperty(name = "automations.tick.enabled", defaultValue = "true")
    boolean tickEnabled;

    /** Seconds between ticks (or an ISO-8601 duration such as PT10S). */
    @Inject
    @ConfigProperty(name = "automations.tick.interval", defaultValue = "10")
    String tickInterval;

    /** How often asSoonAs/skipIf conditions are re-checked, in seconds (or ISO-8601). */
    @Inject
    @ConfigProperty(name = "automations.condition.poll-interval", defaultValue = "10")
    String pollInterval;

    /** The time zone of Repeat.at(hour, minute). */
    @Inject
    @ConfigProperty(name = "automations.time-zone", defaultValue = "UTC")
    String timeZone;

    /** Automations claimed per query of the tick. */
    @Inject
    @ConfigProperty(name = "automations.tick.batch-size", defaultValue = "500")
    int tickBatchSize;

    /** Upper bound of steps one automation takes in one run (guards loops without waits). */
    @Inject
    @ConfigProperty(name = "automations.run.max-steps", defaultValue = "10000")
    int maxStepsPerRun;

    /** Steps of one automation committed together (a wait or the end commits earlier). */
    @Inject
    @ConfigProperty(name = "automations.run.steps-per-transaction", defaultValue = "50")
    int stepsPerTransaction;

    /**
     * Due automations the tick advances in one transaction (each after a savepoint of its own, so one
     * that fails loses only its step); 1 gives every automation a transaction of its own.
     */
    @Inject
    @ConfigProperty(name = "automations.tick.automations-per-transaction", defaultValue = "20")
    int automationsPerTransaction;

    /** The longest an Execute step may run unless its node says otherwise ({@code .timeout}); seconds or ISO-8601. */
    @Inject
    @ConfigProperty(name = "automations.step.timeout", defaultValue = "PT5M")
    String stepTimeout;

    /** Workers per server that advance due automations in parallel; 1 advances them one after another. */
    @Inject
    @ConfigProperty(name = "automations.workers", defaultValue = "4")
    int workers;

    public Duration stepTimeout() {
        Duration limit = duration("automations.step.timeout", stepTimeout);
        if (limit.toSeconds() < 1) {
            throw new IllegalArgumentException("automations.step.timeout = '" + stepTimeout + "' must be at least one second");
        }
        return Duration.ofSeconds(limit.toSeconds());
    }

    public int workers() {
        return Math.max(1, workers);
    }

    public int automationsPerTransaction() {
        return Math.max(1, automationsPerTransaction);
    }

    public int stepsPerTransaction() {
        return Math.max(1, stepsPerTransaction);
    }

    public boolean tickEnabled() {
        return tickEnabled;
    }

    public Duration tickInterval() {
        return duration("automations.tick.interval", tickInterval);
    }

    public Duration pollInterval() {
        return duration("automations.condition.poll-interval", pollInterval);
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public int tickBatchSize() {
        return tickBatchSize;
    }

    public int maxStepsPerRun() {
        return maxStepsPerRun;
    }

    static Duration duration(String key, String value) {
        String text = value.trim();
        try {
            if (text.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(text));
            }
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " = '" + value + "' is neither seconds nor an ISO-8601 duration like PT10S", e);
        }
    }
}
