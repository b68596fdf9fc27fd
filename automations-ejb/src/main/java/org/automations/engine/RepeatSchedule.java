package org.automations.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.automations.flow.Repeat;

/**
 * When a Repeat loop restarts. The cadence counts from the first time the loop was reached: each
 * restart is the previous one plus the interval (missed restarts are not caught up). With
 * {@code .at(h, m)} the restart moves to that time of day in the configured zone.
 */
public final class RepeatSchedule {

    private RepeatSchedule() {
    }

    /**
     * @param repeat the node
     * @param previousDue when the loop last restarted (null the first time)
     * @param reached when the Repeat node was reached now
     * @param zone the zone of {@code .at}
     * @return when the loop restarts; {@code reached} for a Repeat without interval (the next tick)
     */
    public static Instant nextStart(Repeat repeat, Instant previousDue, Instant reached, ZoneId zone) {
        Duration interval = repeat.getInterval();
        if (interval == null) {
            return reached;
        }
        if (repeat.getAt() != null) {
            return nextAt(repeat, previousDue, reached, zone);
        }
        if (previousDue == null) {
            return reached.plus(interval);
        }
        Instant next = previousDue.plus(interval);
        if (!next.isAfter(reached)) {
            long missed = Duration.between(next, reached).toMillis() / interval.toMillis() + 1;
            next = next.plus(interval.multipliedBy(missed));
        }
        return next;
    }

    private static Instant nextAt(Repeat repeat, Instant previousDue, Instant reached, ZoneId zone) {
        long days = repeat.getInterval().toDays();
        LocalDate day;
        if (previousDue == null) {
            // The first restart is the next h:m after the loop was reached, at most `days` days away.
            day = reached.atZone(zone).toLocalDate().plusDays(days - 1);
        } else {
            day = previousDue.atZone(zone).toLocalDate().plusDays(days);
        }
        ZonedDateTime candidate = day.atTime(repeat.getAt()).atZone(zone);
        while (!candidate.toInstant().isAfter(reached)) {
            candidate = candidate.plusDays(days);
        }
        return candidate.toInstant();
    }
}
