package org.automations.engine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The engine's notion of "now": microseconds, the precision of the timestamp columns. A time with
 * nanoseconds would be rounded by the database and could compare as later than itself.
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static Instant now() {
        return truncate(Instant.now());
    }

    public static Instant truncate(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }
}
