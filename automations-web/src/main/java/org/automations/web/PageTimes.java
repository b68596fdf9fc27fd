package org.automations.web;

import jakarta.faces.context.FacesContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Points in time as pages show them: medium date and short time in the view's language and the server's zone. */
public final class PageTimes {

    private PageTimes() {
    }

    public static String format(Instant time) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .withZone(ZoneId.systemDefault()).format(time);
    }
}
