package org.automations.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.automations.versions.DeclarationChanges;
import org.automations.web.PageTimes;
import org.automations.Automations;
import org.automations.admin.AutomationHistory;
import org.automations.admin.FlowGraph;
import org.automations.admin.FlowGraphs;
import org.automations.admin.FlowLayout;
import org.automations.admin.HistoryGrid;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.automations.web.Messages;

/**
 * The history of one automation ({@code /dashboard/{id}}; {@link AdminPages} found it and checked the
 * roles): its steps on a grid, its declaration and the graph of its flow with the nodes where it
 * waits; the way back to the instances page and retry, skip and kill where they apply (one place for
 * an instance, as the errors page offers them). The steps come in windows of {@link #WINDOW} (an automation that loops for months has
 * tens of thousands); where it waits is read from all its open tasks.
 */
@Named
@RequestScoped
public class HistoryPage {

    private static final DeclarationChanges NO_CHANGES = new DeclarationChanges("", "", List.of(), List.of(), List.of());
    private DeclarationChanges declarationChanges;
    private String moveTarget;

    /** Steps per page: enough for any automation that does not loop for long, bounded for those that do. */
    static final int WINDOW = 500;
    private static final Pattern TASK_ID = Pattern.compile("[0-9]{1,18}");
    /** The instances page's query string handed over as {@code ?back=}: URL-encoded text only, never a URL. */
    private static final Pattern BACK = Pattern.compile("[A-Za-z0-9._~%&=+\\-]{1,2000}");


    @Inject
    HttpServletRequest request;

    @Inject
    Automations automations;

    @Inject
    FlowGraphs graphs;

    @Inject
    AutomationHistory history;

    @Inject
    InstanceActions actions;

    private List<AutomationTaskModel> tasks;
    private Long totalSteps;
    private Long olderSteps;
    private Set<String> waitingAt;
    private HistoryGrid<AutomationTaskModel> grid;
    private FlowGraph graph;
    private boolean graphLooked;
    private FlowLayout layout;

    public AutomationModel getAutomation() {
        return (AutomationModel) request.getAttribute(AdminPages.AUTOMATION);
    }

    /** The steps on the page: a window of {@link #WINDOW} ({@code ?before=id}, {@code ?after=id}; the newest by default). */
    public List<AutomationTaskModel> getTasks() {
        if (tasks == null) {
            tasks = history.steps(getAutomation().getId(), taskIdParameter("before"), taskIdParameter("after"), WINDOW);
        }
        return tasks;
    }

    /** A task id from the query string; anything but a number is ignored (the newest steps are shown). */
    private Long taskIdParameter(String name) {
        String value = request.getParameter(name);
        return value != null && TASK_ID.matcher(value).matches() ? Long.valueOf(value) : null;
    }

    /**
     * True when the page holds every step (the newest window is not full): the counts and where it
     * waits follow from the page's own rows, with no further query.
     */
    private boolean allSteps() {
        return taskIdParameter("before") == null && taskIdParameter("after") == null && getTasks().size() < WINDOW;
    }

    public long getTotalSteps() {
        if (totalSteps == null) {
            totalSteps = allSteps() ? getTasks().size() : history.countSteps(getAutomation().getId());
        }
        return totalSteps;
    }

    /** Steps older than the first one on the page. */
    public long getOlderSteps() {
        if (olderSteps == null) {
            olderSteps = allSteps() || getTasks().isEmpty() ? 0
                    : history.stepsBefore(getAutomation().getId(), getTasks().get(0).getId());
        }
        return olderSteps;
    }

    /** True when the page shows only part of the steps: the window's links are needed. */
    public boolean isWindowed() {
        return getTasks().size() < getTotalSteps();
    }

    public boolean isHasOlder() {
        return getOlderSteps() > 0;
    }

    public boolean isHasNewer() {
        return getOlderSteps() + getTasks().size() < getTotalSteps();
    }

    /** The position of the first step on the page, counting from 1. */
    public long getFirstShown() {
        return getOlderSteps() + 1;
    }

    public long getLastShown() {
        return getOlderSteps() + getTasks().size();
    }

    public Long getOldestShownId() {
        return getTasks().isEmpty() ? null : getTasks().get(0).getId();
    }

    public Long getNewestShownId() {
        return getTasks().isEmpty() ? null : getTasks().get(getTasks().size() - 1).getId();
    }

    public HistoryGrid<AutomationTaskModel> getGrid() {
        if (grid == null) {
            grid = new HistoryGrid<>(getTasks(), AutomationTaskModel::getId,
                    task -> task.getPrevious() == null ? null : task.getPrevious().getId(), HistoryPage::splitTask);
        }
        return grid;
    }

    /** The Split task a Join task closes (the engine stores it in the Join task's result). */
    static Long splitTask(AutomationTaskModel task) {
        return task.getResult() instanceof Map<?, ?> result && result.get("split_task") instanceof Number id ? id.longValue() : null;
    }

    /** The class's flow graph, or null when the class is no longer deployed. */
    public FlowGraph getGraph() {
        if (!graphLooked) {
            graph = graphs.of(getAutomation().getAutomationClass()).orElse(null);
            graphLooked = true;
        }
        return graph;
    }

    public FlowLayout getLayout() {
        if (layout == null && getGraph() != null) {
            layout = FlowLayout.of(getGraph());
        }
        return layout;
    }

    /** The declared nodes (not the receivers of messages), for the declaration table. */
    public List<FlowGraph.Vertex> getNodes() {
        return getGraph() == null ? List.of() : getGraph().getVertices().stream().filter(v -> !v.isExternal()).toList();
    }

    /** Where a node leads, as text: "then → repeat, else → moderate" (the graph's text alternative). */
    public String leadsTo(String node) {
        return getGraph().edgesFrom(node).stream()
                .map(edge -> (edge.label().isEmpty() ? "" : edge.label() + " \u2192 ")
                        + (getGraph().vertex(edge.to()).isExternal() ? getGraph().vertex(edge.to()).getDescription() : edge.to()))
                .collect(Collectors.joining(", "));
    }

    /** The waiting nodes as text: "warning, moderate, join". */
    public String getWaitingAtText() {
        return String.join(", ", getWaitingAt());
    }

    /** Read from all its open tasks, not just those on the page: a path may wait far back in the history. */
    public Set<String> getWaitingAt() {
        if (waitingAt == null) {
            waitingAt = allSteps() ? getTasks().stream().filter(task -> task.getFinished() == null)
                    .map(AutomationTaskModel::getStatus).collect(Collectors.toCollection(LinkedHashSet::new))
                    : new LinkedHashSet<>(history.openNodes(getAutomation().getId()));
        }
        return waitingAt;
    }

    public boolean isWaitingAt(String node) {
        return getWaitingAt().contains(node);
    }

    /** "1a2b3c4d5e6f (deployed)", "started with …, runs on …", or that it started before versions were kept. */
    public String getVersionText() {
        AutomationModel model = getAutomation();
        String run = model.getRunVersion() != null ? model.getRunVersion() : model.getStartedVersion();
        if (run == null) {
            return Messages.text("history.version.unknown");
        }
        String deployed = automations.getDefinitionVersion(model.getAutomationClass()).orElse(null);
        String text = run.equals(deployed) ? Messages.text("history.version.deployed", run)
                : deployed == null ? run : Messages.text("history.version.older", run, deployed);
        if (model.getStartedVersion() != null && !model.getStartedVersion().equals(run)) {
            text = Messages.text("history.version.startedWith", model.getStartedVersion()) + "; " + text;
        }
        return text;
    }

    /** What changed in the declaration since the version the instance ran with; null when nothing did. */
    public DeclarationChanges getDeclarationChanges() {
        if (declarationChanges == null) {
            declarationChanges = automations.getDeclarationChanges(getAutomation().getId())
                    .filter(changes -> !changes.isEmpty()).orElse(NO_CHANGES);
        }
        return declarationChanges == NO_CHANGES ? null : declarationChanges;
    }

    public String getVerboseName() {
        return getGraph() == null ? getAutomation().getAutomationClass() : automations.getVerboseName(getAutomation().getAutomationClass(), Messages.locale());
    }

    /** A failed step's result is {"error": "<stack trace>"}. */
    public boolean failed(AutomationTaskModel task) {
        return task.getResult() instanceof Map<?, ?> result && result.containsKey("error");
    }

    /** The result as stored, except a traceback (it has a page of its own). */
    public String result(AutomationTaskModel task) {
        if (failed(task)) {
            return null;
        }
        return task.getResultJson();
    }

    /** One claim, release or reassignment of a task: "2026-12-07 10:00:00 UTC: admin reassigned it to group Moderators". */
    public String assignment(Map<String, Object> entry) {
        Object user = entry.get("user");
        Object group = entry.get("group");
        String to = user != null ? Messages.text("task.for.user", user) : Messages.text("task.for.group", group);
        String key = "history.assignment." + entry.get("action");
        return Messages.text(key, time(Instant.parse(String.valueOf(entry.get("time")))), entry.get("actor"), user, to);
    }

    /** The node's description, if it has one. */
    public String description(AutomationTaskModel task) {
        if (getGraph() == null || getGraph().vertex(task.getStatus()) == null) {
            return null;
        }
        return getGraph().vertex(task.getStatus()).getDescription();
    }

    public String time(Instant instant) {
        return PageTimes.format(instant);
    }

    // ---- the way back to the instances page and the actions on this automation -------------------------

    /** The instances page's filter this page was opened from ({@code ?back=}), or null. */
    private String back() {
        String back = request.getParameter("back");
        return back != null && BACK.matcher(back).matches() ? back : null;
    }

    /** The instances page with the filter this page was opened from, else the instances of this class. */
    public String getBackUrl() {
        String back = back();
        return request.getContextPath() + "/instances?" + (back != null ? back
                : "class=" + URLEncoder.encode(getAutomation().getAutomationClass(), StandardCharsets.UTF_8));
    }

    /** This page's own URL (relative to the context path), keeping the way back. */
    private String self() {
        String back = back();
        return "dashboard/" + getAutomation().getId()
                + (back == null ? "" : "?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }

    /** Retry and skip are offered for a failed automation only (the engine refuses them otherwise). */
    public boolean isRetryable() {
        return getAutomation().getStatus() == AutomationStatus.FAILED;
    }

    /** Kill is offered until the automation has finished without an error (then the history cleanup removes it). */
    public boolean isKillable() {
        return getAutomation().getStatus() != AutomationStatus.FINISHED;
    }

    public void retry() {
        actions.retry(getAutomation().getId(), self());
    }

    public void skip() {
        actions.skip(getAutomation().getId(), self());
    }

    /** The nodes this automation may be moved to: its class's, except those on a Split's path. */
    public List<String> getMoveTargets() {
        return automations.getMoveTargets(getAutomation().getAutomationClass());
    }

    public String getMoveTarget() {
        return moveTarget;
    }

    public void setMoveTarget(String moveTarget) {
        this.moveTarget = moveTarget;
    }

    public void move() {
        actions.move(getAutomation().getId(), moveTarget, self());
    }

    /** The history is deleted with it: back to the instances page, which shows the message. */
    public void kill() {
        actions.kill(getAutomation().getId(), getBackUrl().substring(request.getContextPath().length() + 1));
    }
}
