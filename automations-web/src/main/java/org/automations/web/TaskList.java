package org.automations.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.automations.Automations;
import org.automations.TaskQuery;
import org.automations.model.AutomationTaskModel;
import org.automations.security.TaskUser;

/**
 * The task list ({@code /tasks}): the caller's open tasks, narrowed and ordered by the filter in the
 * URL ({@code class}, {@code scope}, {@code overdue}, {@code q}, {@code sort}, {@code size}; view
 * parameters), so that a link to a filtered list can be shared. The filter form posts, and the page
 * answers with a redirect to the URL of the new filter. Everything is queried in the database.
 */
@Named
@ViewScoped
public class TaskList implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Waiting longer than this without a due time is worth a colour. */
    static final double WAITING_HOURS = 24;

    static final List<Integer> PAGE_SIZES = List.of(10, 20, 50, 100);
    static final int DEFAULT_SIZE = 20;

    /** URL values of the scopes and orders (stable: links are shared). */
    static final Map<String, TaskQuery.Scope> SCOPES = new LinkedHashMap<>();
    static final Map<String, TaskQuery.Sort> SORTS = new LinkedHashMap<>();

    static {
        SCOPES.put("all", TaskQuery.Scope.ALL);
        SCOPES.put("mine", TaskQuery.Scope.ASSIGNED_TO_ME);
        SCOPES.put("groups", TaskQuery.Scope.MY_GROUPS);
        SCOPES.put("claimed", TaskQuery.Scope.CLAIMED_BY_ME);
        SORTS.put("newest", TaskQuery.Sort.NEWEST);
        SORTS.put("oldest", TaskQuery.Sort.OLDEST);
        SORTS.put("due", TaskQuery.Sort.DUE);
        SORTS.put("priority", TaskQuery.Sort.PRIORITY);
    }

    @Inject
    Automations automations;

    private String className;
    private String scope = "all";
    private boolean overdue;
    private String search;
    private String sort = "newest";
    private int size = DEFAULT_SIZE;

    private OpenTaskModel model;
    private TaskUser user;

    // ---- the filter (view parameters and the form's inputs) ---------------------------------------------

    public String getClassName() {
        return className;
    }

    public void setClassName(String className) {
        this.className = className == null || className.isBlank() ? null : className.strip();
    }

    public String getScope() {
        return scope;
    }

    /** An unknown value (a hand-edited link) is the default rather than an error page. */
    public void setScope(String scope) {
        this.scope = scope != null && SCOPES.containsKey(scope) ? scope : "all";
    }

    public boolean isOverdue() {
        return overdue;
    }

    public void setOverdue(boolean overdue) {
        this.overdue = overdue;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search == null || search.isBlank() ? null : search.strip();
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort != null && SORTS.containsKey(sort) ? sort : "newest";
    }

    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        this.size = PAGE_SIZES.contains(size) ? size : DEFAULT_SIZE;
    }

    public List<Integer> getPageSizes() {
        return PAGE_SIZES;
    }

    /** The automation classes that have forms, by their names in the reader's language. */
    public List<SelectItem> getClassOptions() {
        Locale locale = Messages.locale();
        List<SelectItem> options = new ArrayList<>();
        options.add(new SelectItem("", Messages.text("tasks.filter.class.all")));
        automations.getAutomationsWithTasks().stream()
                .map(info -> new SelectItem(info.className(), automations.getVerboseName(info.className(), locale)))
                .sorted(Comparator.comparing(SelectItem::getLabel))
                .forEach(options::add);
        return options;
    }

    public List<SelectItem> getScopeOptions() {
        return SCOPES.keySet().stream().map(key -> new SelectItem(key, Messages.text("tasks.scope." + key))).toList();
    }

    public List<SelectItem> getSortOptions() {
        return SORTS.keySet().stream().map(key -> new SelectItem(key, Messages.text("tasks.sort." + key))).toList();
    }

    /** The filter as the engine takes it. */
    public TaskQuery getQuery() {
        return new TaskQuery(className, SCOPES.get(scope), overdue, search, SORTS.get(sort), Messages.locale());
    }

    /** The form's submit: to the URL of the new filter (a link that can be shared, bookmarked, reloaded). */
    public void apply() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/tasks" + queryString());
    }

    /** This list's URL: the filter's parameters, defaults left out. */
    public String getLink() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/tasks" + queryString();
    }

    String queryString() {
        List<String> parameters = new ArrayList<>();
        add(parameters, "class", className);
        add(parameters, "scope", "all".equals(scope) ? null : scope);
        add(parameters, "overdue", overdue ? "true" : null);
        add(parameters, "q", search);
        add(parameters, "sort", "newest".equals(sort) ? null : sort);
        add(parameters, "size", size == DEFAULT_SIZE ? null : String.valueOf(size));
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    private static void add(List<String> parameters, String name, String value) {
        if (value != null) {
            parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    // ---- the list ---------------------------------------------------------------------------------------

    public OpenTaskModel getModel() {
        if (model == null) {
            model = new OpenTaskModel(automations, user(), getQuery());
        }
        return model;
    }

    private TaskUser user() {
        if (user == null) {
            user = automations.getTaskUser();
        }
        return user;
    }

    /**
     * Why the list is empty: nothing waits for the person at all, or nothing matches the filter
     * (named, so that the person sees which part to loosen).
     */
    public String getEmptyMessage() {
        if (!getQuery().isFiltered()) {
            return Messages.text("tasks.empty");
        }
        List<String> parts = new ArrayList<>();
        if (className != null) {
            parts.add(Messages.text("tasks.filtered.class", automations.getVerboseName(className, Messages.locale())));
        }
        if (!"all".equals(scope)) {
            parts.add(Messages.text("tasks.scope." + scope));
        }
        if (overdue) {
            parts.add(Messages.text("tasks.filter.overdue"));
        }
        if (search != null) {
            parts.add(Messages.text("tasks.filtered.search", search));
        }
        return Messages.text("tasks.empty.filtered", String.join(", ", parts));
    }

    // ---- one row --------------------------------------------------------------------------------------------

    public String verboseName(AutomationTaskModel task) {
        return automations.getVerboseName(task.getAutomation().getAutomationClass(), Messages.locale());
    }

    /** The node's description in the reader's language, else its name. */
    public String description(AutomationTaskModel task) {
        String description = automations.getNodeDescription(task.getAutomation().getAutomationClass(), task.getStatus(),
                Messages.locale());
        return description == null || description.isBlank() ? task.getStatus() : description;
    }

    /** The automation's own line about this instance ({@code @Meta(taskSummary)}), "" without one. */
    public String summary(AutomationTaskModel task) {
        return automations.getTaskSummary(task, Messages.locale());
    }

    /** Who the task is for: "user jacob", "group Moderators", permissions, or superusers only. */
    public String assignees(AutomationTaskModel task) {
        return assigneesOf(task);
    }

    static String assigneesOf(AutomationTaskModel task) {
        List<String> parts = new ArrayList<>();
        if (task.getInteractionUser() != null) {
            parts.add(Messages.text("task.for.user", task.getInteractionUser()));
        }
        if (task.getInteractionGroup() != null) {
            parts.add(Messages.text("task.for.group", task.getInteractionGroup()));
        }
        if (!task.getInteractionPermissions().isEmpty()) {
            parts.add(Messages.text("task.for.permissions", String.join(", ", task.getInteractionPermissions())));
        }
        return parts.isEmpty() ? Messages.text("task.for.superusers") : String.join("; ", parts);
    }

    /** "Claimed by you", "Claimed by jacob", or null when nobody has claimed it. */
    public String claim(AutomationTaskModel task) {
        String holder = task.getClaimedBy();
        if (holder == null) {
            return null;
        }
        return Objects.equals(holder, user().name()) ? Messages.text("tasks.claimedByYou")
                : Messages.text("task.claimedBy", holder);
    }

    /** "Overdue since ...", "Due ...", or null without a due time: text beside the colour. */
    public String due(AutomationTaskModel task) {
        Instant deadline = task.getDeadline();
        if (deadline == null) {
            return null;
        }
        return task.isOverdue() ? Messages.text("task.overdue", PageTimes.format(deadline))
                : Messages.text("tasks.dueAt", PageTimes.format(deadline));
    }

    public String waiting(AutomationTaskModel task) {
        double hours = task.hoursSinceCreated();
        if (hours < 1) {
            return Messages.text("tasks.waiting.minutes", (int) (hours * 60));
        }
        if (hours < 48) {
            return Messages.text("tasks.waiting.hours", (int) hours);
        }
        return Messages.text("tasks.waiting.days", (int) (hours / 24));
    }

    /** A CSS class: past its due time, waiting long, or fresh. The due column says the same in words. */
    public String urgency(AutomationTaskModel task) {
        if (task.isOverdue()) {
            return "task-overdue";
        }
        return task.hoursSinceCreated() >= WAITING_HOURS ? "task-waiting" : "task-fresh";
    }
}
