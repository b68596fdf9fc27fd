package org.automations.admin;

import java.time.LocalDate;

/** How many automations started, finished and failed on one day (for the dashboard's chart). */
public final class DayCount {

    private final LocalDate day;
    private long started;
    private long finished;
    private long failed;

    DayCount(LocalDate day) {
        this.day = day;
    }

    public LocalDate getDay() {
        return day;
    }

    public long getStarted() {
        return started;
    }

    public long getFinished() {
        return finished;
    }

    public long getFailed() {
        return failed;
    }

    void addStarted(long count) {
        started += count;
    }

    void addFinished(long count) {
        finished += count;
    }

    void addFailed(long count) {
        failed += count;
    }
}
