package org.automations.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.ScheduleExpression;
import org.junit.jupiter.api.Test;

/** The schedule setting and the job parameters, with the messages a wrong value gets. */
class CleanupSettingsTest {

    @Test
    void offOrBlankSchedulesNothing() {
        assertTrue(CleanupSchedule.daily("off").isEmpty());
        assertTrue(CleanupSchedule.daily(" OFF ").isEmpty());
        assertTrue(CleanupSchedule.daily("").isEmpty());
    }

    @Test
    void aTimeOfDayBecomesADailyCalendarExpression() {
        ScheduleExpression night = CleanupSchedule.daily("03:30").orElseThrow();
        assertEquals("3", night.getHour());
        assertEquals("30", night.getMinute());
        assertEquals("0", night.getSecond());
        assertEquals("*", night.getDayOfWeek());
        assertEquals("23", CleanupSchedule.daily("23:05").orElseThrow().getHour());
    }

    @Test
    void anythingElseIsRefusedNamingTheKey() {
        for (String wrong : new String[] {"3.30", "24:00", "nightly", "12:60"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> CleanupSchedule.daily(wrong));
            assertTrue(error.getMessage().contains("automations.history-cleanup.schedule = '" + wrong + "'"),
                    error.getMessage());
        }
    }

    @Test
    void jobParametersAreCheckedWithTheirNames() {
        assertEquals(0, CleanupParameters.days("0"));
        assertEquals(30, CleanupParameters.days(" 30 "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CleanupParameters.days("-1"))
                .getMessage().contains("days = -1 must be 0 or more"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CleanupParameters.days("thirty"))
                .getMessage().contains("days = 'thirty' is not a whole number"));
        assertEquals(500, CleanupParameters.chunkSize("500"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CleanupParameters.chunkSize("0"))
                .getMessage().contains("chunkSize = 0 must be between 1 and 10000"));
    }
}
