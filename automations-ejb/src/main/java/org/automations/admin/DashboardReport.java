package org.automations.admin;

import java.time.Instant;
import java.util.List;

/** What the dashboard shows for a period: one item per automation class and the activity per day. */
public final class DashboardReport {

    private final int days;
    private final Instant since;
    private final List<DashboardItem> items;
    private final List<DayCount> perDay;

    DashboardReport(int days, Instant since, List<DashboardItem> items, List<DayCount> perDay) {
        this.days = days;
        this.since = since;
        this.items = items;
        this.perDay = perDay;
    }

    /** The period in days; 0 = all time. */
    public int getDays() {
        return days;
    }

    /** Start of the period (null for all time). */
    public Instant getSince() {
        return since;
    }

    /** Deployed classes (by verbose name), then obsolete ones (by class name). */
    public List<DashboardItem> getItems() {
        return items;
    }

    /** Every day of the period, oldest first (for all time: from the first day with activity). */
    public List<DayCount> getPerDay() {
        return perDay;
    }

    public long getRunning() {
        return items.stream().mapToLong(DashboardItem::getRunning).sum();
    }

    public long getFinished() {
        return items.stream().mapToLong(DashboardItem::getFinished).sum();
    }
}
