package org.automations.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.automations.AutomationInfo;
import org.automations.Automations;
import org.automations.admin.AutomationSearch;
import org.automations.admin.AutomationSearch.Filter;
import org.automations.admin.AutomationSearch.Sort;
import org.automations.admin.AutomationSearch.SortField;
import org.automations.admin.Definitions;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.web.Messages;
import org.automations.web.PageTimes;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The instances page ({@code /instances}; {@link AdminPages} checked the view roles): every automation,
 * filtered by the query string so that a link can be shared, in a lazy table that counts and reads
 * one page at a time in the database ({@link AutomationSearch}).
 *
 * <p>Parameters (each optional; one that cannot be used is ignored and named on the page):
 * {@code class} (fully qualified or simple name), {@code status} ({@code running}, {@code finished},
 * {@code failed}), {@code node} (waiting at that node: has an open task there), {@code days}
 * (created in the last n days, as on the dashboard; 0 = all time), {@code from} and {@code to}
 * (created on or after / on or before these days, {@code yyyy-MM-dd}, server time zone),
 * {@code sort} ({@code id}, {@code class}, {@code status}, {@code created}, {@code updated}) and
 * {@code order} ({@code asc}, {@code desc}).
 */
@Named
@ViewScoped
public class InstancesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows per page unless the paginator says otherwise. */
    static final int ROWS = 25;
    static final int MAX_DAYS = 36_600;
    private static final Pattern NODE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,254}");
    private static final Pattern DAYS = Pattern.compile("[0-9]{1,5}");

    @Inject
    transient HttpServletRequest request;

    @Inject
    AutomationSearch search;

    @Inject
    Automations automations;

    @Inject
    Definitions definitions;

    private Filter filter;
    private Sort sort;
    private final Map<String, String> given = new LinkedHashMap<>();
    private final List<String> invalid = new ArrayList<>();
    private final Map<String, String> verboseNames = new HashMap<>();
    private Map<Long, List<String>> waiting = Map.of();
    private Instances model;

    @PostConstruct
    void readFilter() {
        String className = parameter("class");
        if (className != null) {
            className = definitions.find(className).map(Definitions.DefinitionInfo::className).orElse(className);
        }
        AutomationStatus status = null;
        String statusText = parameter("status");
        if (statusText != null) {
            try {
                status = AutomationStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                invalid.add("status");
            }
        }
        String node = parameter("node");
        if (node != null && !NODE.matcher(node).matches()) {
            invalid.add("node");
            node = null;
        }
        Instant since = null;
        String days = parameter("days");
        if (days != null) {
            if (DAYS.matcher(days).matches() && Integer.parseInt(days) <= MAX_DAYS) {
                since = Integer.parseInt(days) == 0 ? null : Instant.now().minus(Duration.ofDays(Integer.parseInt(days)));
            } else {
                invalid.add("days");
            }
        }
        Instant from = startOf(parameter("from"), "from", 0);
        if (from != null && (since == null || from.isAfter(since))) {
            since = from;
        }
        Instant before = startOf(parameter("to"), "to", 1);
        filter = new Filter(className, status, node, since, before);
        sort = readSort();
        model = new Instances();
    }

    private Sort readSort() {
        String field = parameter("sort");
        String order = parameter("order");
        SortField sortField = SortField.ID;
        if (field != null) {
            try {
                sortField = SortField.valueOf(field.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                invalid.add("sort");
            }
        }
        boolean ascending = false;
        if (order != null) {
            if (order.equalsIgnoreCase("asc") || order.equalsIgnoreCase("desc")) {
                ascending = order.equalsIgnoreCase("asc");
            } else {
                invalid.add("order");
            }
        }
        return new Sort(sortField, ascending);
    }

    /** The start of that day (plus {@code plusDays}) in the server's time zone, or null. */
    private Instant startOf(String day, String name, int plusDays) {
        if (day == null) {
            return null;
        }
        try {
            return LocalDate.parse(day).plusDays(plusDays).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            invalid.add(name);
            return null;
        }
    }

    /** A parameter of the query string, trimmed; null when absent or blank. Remembered for the filter form. */
    private String parameter(String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.trim();
        given.put(name, value);
        return value;
    }

    public LazyDataModel<AutomationModel> getModel() {
        return model;
    }

    public Filter getFilter() {
        return filter;
    }

    public int getRows() {
        return ROWS;
    }

    /** What the query string asked for (as given), for the filter form. */
    public Map<String, String> getGiven() {
        return given;
    }

    /** The parameters that could not be used, as text ("status, from"); empty when all were fine. */
    public String getInvalid() {
        return String.join(", ", invalid);
    }

    /** The classes to filter by: the deployed ones and those only found in the database. */
    public List<String> getClassNames() {
        TreeSet<String> names = new TreeSet<>(search.classNames());
        automations.getAutomations().stream().map(AutomationInfo::className).forEach(names::add);
        return new ArrayList<>(names);
    }

    public String verboseName(String className) {
        return verboseNames.computeIfAbsent(className, c -> automations.getVerboseName(c, Messages.locale()));
    }

    /** The nodes where the automation waits (its open tasks), read for the whole page at once. */
    public String waitingAt(AutomationModel automation) {
        return String.join(", ", waiting.getOrDefault(automation.getId(), List.of()));
    }

    public String statusText(AutomationModel automation) {
        return Messages.text("instances.status." + automation.getStatus().name().toLowerCase(Locale.ROOT));
    }

    public String time(Instant instant) {
        return PageTimes.format(instant);
    }

    /** The query string of this page's filter, for the history page's way back ("class=...&status=failed"). */
    public String getQuery() {
        StringBuilder query = new StringBuilder();
        given.forEach((name, value) -> {
            if (!invalid.contains(name)) {
                query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** The history page's URL of an automation, with the way back to this page and its filter. */
    public String historyUrl(AutomationModel automation) {
        String query = getQuery();
        return request.getContextPath() + "/dashboard/" + automation.getId()
                + (query.isEmpty() ? "" : "?back=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    /** The sort the table shows first: the URL's, else newest first. */
    public Sort getSort() {
        return sort;
    }

    /** Counts and reads one page in the database; the table's sort, else the URL's. */
    private final class Instances extends LazyDataModel<AutomationModel> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, search.count(filter));
        }

        @Override
        public List<AutomationModel> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            List<AutomationModel> page = search.page(filter, tableSort(sortBy), first, pageSize);
            waiting = automations.getWaitingAt(page.stream().map(AutomationModel::getId).toList());
            return page;
        }

        private Sort tableSort(Map<String, SortMeta> sortBy) {
            for (SortMeta meta : sortBy.values()) {
                if (meta.getOrder() == SortOrder.UNSORTED) {
                    continue;
                }
                try {
                    return new Sort(SortField.valueOf(meta.getField().toUpperCase(Locale.ROOT)), meta.getOrder() == SortOrder.ASCENDING);
                } catch (IllegalArgumentException e) {
                    // a column without a sort field of ours: keep the URL's order
                }
            }
            return sort;
        }

        @Override
        public String getRowKey(AutomationModel automation) {
            return String.valueOf(automation.getId());
        }

        @Override
        public AutomationModel getRowData(String rowKey) {
            return automations.getModel(Long.parseLong(rowKey)).orElse(null);
        }
    }
}
