package org.automations.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.automations.Automations;
import org.automations.audit.AuditAction;
import org.automations.audit.AuditEntry;
import org.automations.audit.AuditFilter;
import org.automations.audit.AuditLog;
import org.automations.web.Messages;
import org.automations.web.PageTimes;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit log page (/audit): who did what, newest first, filtered by user, action, class and a
 * period of days (UTC), counted and paged by the database. The filter is the page's query string
 * (a GET form), so a filtered list can be bookmarked and shared.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditLog audit;

    @Inject
    Automations automations;

    private String actor;
    private String action;
    private String automationClass;
    private String from;
    private String to;
    private LazyDataModel<AuditEntry> model;

    private AuditFilter filter;

    /**
     * After the view parameters (f:viewAction): reads the filter once, before the page renders, so
     * the messages about parts that do not parse reach the page's messages.
     */
    public void load() {
        filter = new AuditFilter(blankToNull(actor), actionOrNull(), blankToNull(automationClass),
                startOfDay(from, "from"), startOfDay(to == null ? null : nextDay(to), "to"));
    }

    /** The filter the query string asks for; parts that do not parse are ignored and said so. */
    public AuditFilter getFilter() {
        if (filter == null) {
            load();
        }
        return filter;
    }

    public LazyDataModel<AuditEntry> getModel() {
        if (model == null) {
            AuditFilter filter = getFilter();
            model = new LazyDataModel<>() {
                private static final long serialVersionUID = 1L;

                @Override
                public int count(Map<String, FilterMeta> filterBy) {
                    return (int) Math.min(Integer.MAX_VALUE, audit.count(filter));
                }

                @Override
                public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                        Map<String, FilterMeta> filterBy) {
                    return audit.find(filter, first, pageSize);
                }

                @Override
                public String getRowKey(AuditEntry entry) {
                    return String.valueOf(entry.getId());
                }
            };
        }
        return model;
    }

    public List<AuditAction> getActions() {
        return Arrays.asList(AuditAction.values());
    }

    /** The deployed classes, for the class filter (entries of removed classes stay findable by URL). */
    public List<String> getClasses() {
        return automations.getAutomations().stream().map(info -> info.className()).toList();
    }

    public String time(AuditEntry entry) {
        return PageTimes.format(entry.getTime());
    }

    public String actionLabel(AuditAction action) {
        return Messages.text("audit.action." + action.name());
    }

    public String simpleName(String className) {
        return className == null ? "" : className.substring(className.lastIndexOf('.') + 1);
    }

    public boolean isFiltered() {
        AuditFilter filter = getFilter();
        return filter.actor() != null || filter.action() != null || filter.automationClass() != null
                || filter.from() != null || filter.to() != null;
    }

    private AuditAction actionOrNull() {
        if (action == null || action.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(action);
        } catch (IllegalArgumentException unknown) {
            Messages.error("audit.filter.badAction", action);
            return null;
        }
    }

    private static Instant startOfDay(String date, String field) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException bad) {
            Messages.error("audit.filter.badDate", field, date);
            return null;
        }
    }

    private static String nextDay(String date) {
        try {
            return LocalDate.parse(date).plusDays(1).toString();
        } catch (DateTimeParseException bad) {
            return date; // reported by startOfDay
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getAutomationClass() {
        return automationClass;
    }

    public void setAutomationClass(String automationClass) {
        this.automationClass = automationClass;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
