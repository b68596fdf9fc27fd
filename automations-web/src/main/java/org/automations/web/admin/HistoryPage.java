package org.automations.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.automations.Automations;
import org.automations.admin.FlowGraph;
import org.automations.admin.FlowGraphs;
import org.automations.admin.FlowLayout;
import org.automations.admin.HistoryGrid;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationTaskModel;

/**
 * The history of one automation ({@code /dashboard/{id}}; {@link AdminPages} found it and checked the
 * roles): its steps on a grid, its declaration and the graph of its flow with the nodes where it
 * waits. One query reads all its tasks; where it waits is read from those same rows.
 */
@Named
@RequestScoped
public class HistoryPage {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    HttpServletRequest request;

    @Inject
    Automations automations;

    @Inject
    FlowGraphs graphs;

    private List<AutomationTaskModel> tasks;
    private HistoryGrid<AutomationTaskModel> grid;
    private FlowGraph graph;
    private boolean graphLooked;
    private FlowLayout layout;

    public AutomationModel getAutomation() {
        return (AutomationModel) request.getAttribute(AdminPages.AUTOMATION);
    }

    public List<AutomationTaskModel> getTasks() {
        if (tasks == null) {
            tasks = automations.getTasks(getAutomation().getId());
        }
        return tasks;
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

    /** The node names where the automation waits now: its open tasks. */
    /** The waiting nodes as text: "warning, moderate, join". */
    public String getWaitingAtText() {
        return String.join(", ", getWaitingAt());
    }

    public Set<String> getWaitingAt() {
        return getTasks().stream().filter(task -> task.getFinished() == null).map(AutomationTaskModel::getStatus)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public boolean isWaitingAt(String node) {
        return getWaitingAt().contains(node);
    }

    public String getVerboseName() {
        return getGraph() == null ? getAutomation().getAutomationClass() : automations.getVerboseName(getAutomation().getAutomationClass());
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

    /** The node's description, if it has one. */
    public String description(AutomationTaskModel task) {
        if (getGraph() == null || getGraph().vertex(task.getStatus()) == null) {
            return null;
        }
        return getGraph().vertex(task.getStatus()).getDescription();
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
