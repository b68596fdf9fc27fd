package org.automations.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.automations.flow.Repeat;
import org.junit.jupiter.api.Test;

class RepeatScheduleTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant MONDAY_15 = Instant.parse("2026-11-23T15:00:00Z");

    @Test
    void intervalsCountFromTheFirstTimeTheLoopWasReached() {
        Repeat repeat = new Repeat().everyNMinutes(10);
        Instant first = RepeatSchedule.nextStart(repeat, null, MONDAY_15, UTC);
        assertEquals(Instant.parse("2026-11-23T15:10:00Z"), first);
        // Reached again a little late: the cadence stays on the 10-minute grid.
        Instant second = RepeatSchedule.nextStart(repeat, first, Instant.parse("2026-11-23T15:13:00Z"), UTC);
        assertEquals(Instant.parse("2026-11-23T15:20:00Z"), second);
        // Missed several restarts: the next one on the grid after now, no catching up.
        Instant third = RepeatSchedule.nextStart(repeat, second, Instant.parse("2026-11-23T16:05:00Z"), UTC);
        assertEquals(Instant.parse("2026-11-23T16:10:00Z"), third);
    }

    @Test
    void atFixesTheTimeOfDay() {
        Repeat daily = new Repeat().everyDay().at(9, 0);
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), RepeatSchedule.nextStart(daily, null, MONDAY_15, UTC));
        Instant morning = Instant.parse("2026-11-23T08:00:00Z");
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), RepeatSchedule.nextStart(daily, null, morning, UTC));
        Instant previous = Instant.parse("2026-11-24T09:00:00Z");
        assertEquals(Instant.parse("2026-11-25T09:00:00Z"),
                RepeatSchedule.nextStart(daily, previous, Instant.parse("2026-11-24T09:00:05Z"), UTC));
    }

    @Test
    void atUsesTheConfiguredZone() {
        Repeat weekly = new Repeat().everyNDays(7).at(9, 0);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Reached Monday 15:00 UTC: the first restart is 6 days later at 09:00 Berlin (08:00 UTC in winter).
        assertEquals(Instant.parse("2026-11-29T08:00:00Z"), RepeatSchedule.nextStart(weekly, null, MONDAY_15, berlin));
    }

    @Test
    void withoutIntervalTheLoopRestartsOnTheNextRun() {
        assertEquals(MONDAY_15, RepeatSchedule.nextStart(new Repeat(), null, MONDAY_15, UTC));
    }
}
