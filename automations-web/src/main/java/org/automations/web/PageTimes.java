package org.automations.web;

import jakarta.faces.context.FacesContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;

/**
 * Points in time as every page shows them: date and time with seconds in the view's language, in the
 * server's time zone, named ("2 Dec 2026, 20:20:34 UTC", "02.12.2026, 20:20:34 UTC").
 */
public final class PageTimes {

    private PageTimes() {
    }

    /** The time as pages show it; empty for null. */
    public static String format(Instant time) {
        if (time == null) {
            return "";
        }
        return new DateTimeFormatterBuilder().appendLocalized(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
                .appendLiteral(' ').appendZoneText(TextStyle.SHORT)
                .toFormatter(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .withZone(ZoneId.systemDefault()).format(time);
    }
}
