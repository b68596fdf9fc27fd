package org.automations.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;
import java.util.function.ToLongFunction;
import org.automations.admin.Dashboard;
import org.automations.admin.DashboardReport;
import org.automations.admin.DayCount;

/**
 * The dashboard ({@code /dashboard?history=days}): one report per request (the counts are
 * group-bys in the database), the item of each class and a chart of the activity per day. Each
 * count links to the instances page filtered by its class, status and the period.
 */
@Named
@RequestScoped
public class DashboardPage {

    /** Longest period accepted (a year): a day is a bar and a table row, so 10 000 days made a 3.3 MB page. */
    static final int MAX_DAYS = 366;

    @Inject
    Dashboard dashboard;

    @Inject
    HttpServletRequest request;

    private DashboardReport report;
    private Integer days;

    /** The period asked for: {@code history} when it is a whole number 0..MAX_DAYS, else 30. */
    public int getDays() {
        if (days == null) {
            days = parseDays(request.getParameter("history"));
        }
        return days;
    }

    /** True when the {@code history} parameter could not be used (the page says so). */
    public boolean isInvalidHistory() {
        String given = request.getParameter("history");
        return given != null && !given.isBlank()
                && (!given.trim().matches("[0-9]{1,3}") || Integer.parseInt(given.trim()) > MAX_DAYS);
    }

    static int parseDays(String given) {
        if (given == null || !given.trim().matches("[0-9]{1,3}")) {
            return Dashboard.DEFAULT_DAYS;
        }
        int value = Integer.parseInt(given.trim());
        return value > MAX_DAYS ? Dashboard.DEFAULT_DAYS : value;
    }

    /**
     * The instances page with the filter of one of the dashboard's counts: that class, that status
     * ({@code running}, {@code finished}, {@code failed}) and this period.
     */
    public String instancesUrl(String className, String status) {
        return request.getContextPath() + "/instances?class=" + URLEncoder.encode(className, StandardCharsets.UTF_8)
                + "&status=" + URLEncoder.encode(status, StandardCharsets.UTF_8) + "&days=" + getDays();
    }

    public DashboardReport getReport() {
        if (report == null) {
            report = dashboard.report(getDays());
        }
        return report;
    }

    /**
     * The Chart.js configuration of {@code p:chart}: a bar chart of started, finished and failed
     * automations per day, with the legend's texts in the page's language.
     */
    public String chartJson(ResourceBundle msg) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        getReport().getPerDay().forEach(day -> labels.add(day.getDay().toString()));
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(dataset(msg.getString("dashboard.started"), "#2f6fb0", DayCount::getStarted))
                .add(dataset(msg.getString("dashboard.finished"), "#2b7a3d", DayCount::getFinished))
                .add(dataset(msg.getString("dashboard.failed"), "#b3261e", DayCount::getFailed));
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("animation", false)
                .add("maintainAspectRatio", false)
                .add("scales", Json.createObjectBuilder()
                        .add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0))));
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options)
                .build().toString();
    }

    private JsonObjectBuilder dataset(String label, String colour, ToLongFunction<DayCount> count) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        getReport().getPerDay().forEach(day -> data.add(count.applyAsLong(day)));
        return Json.createObjectBuilder().add("label", label).add("backgroundColor", colour).add("data", data);
    }
}
