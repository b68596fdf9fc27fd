package org.automations.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.automations.admin.FlowGraph;
import org.automations.model.AutomationTaskModel;

/**
 * Where a running automation may be moved to: a node its class declares, and not one on a path of a
 * Split, whose Join would then wait forever for the paths the Split never started.
 */
public final class MoveTargets {

    private MoveTargets() {
    }

    /**
     * Why a whole automation cannot be moved to the node, or empty when it can: a node the class lacks,
     * one on a Split's path, or a Split's Join (each would wait forever for paths the Split never started).
     */
    public static Optional<String> refusal(AutomationDefinition definition, String node) {
        Optional<String> missing = missing(definition, node);
        if (missing.isPresent()) {
            return missing;
        }
        String join = definition.splitOf(node) == null ? null : node;
        List<String> splits = splitsAround(definition, node);
        if (!splits.isEmpty()) {
            String split = splits.get(splits.size() - 1);
            String itsJoin = joinOf(definition, split);
            return Optional.of("node '" + node + "' of " + definition.getClassName()
                    + (join != null ? " is the Join of Split '" + split + "' and would wait forever for paths that never started"
                            : " lies on a path of Split '" + split + "'" + (itsJoin == null ? "" : ", and its Join '" + itsJoin
                                    + "' would wait forever for the other paths"))
                    + "; move to '" + split + "'" + (itsJoin == null ? "" : " or after '" + itsJoin + "'"));
        }
        return Optional.empty();
    }

    /**
     * The Splits an automation's task at the node runs inside, outermost first: those on whose paths the
     * node lies and, for a Join, its own Split (the paths arrive there). Empty for most nodes.
     */
    public static List<String> splitsAround(AutomationDefinition definition, String node) {
        FlowGraph graph = FlowGraph.of(definition);
        List<String> splits = new ArrayList<>();
        for (FlowGraph.Vertex vertex : graph.getVertices()) {
            if ("Split".equals(vertex.getType()) && onPathOf(graph, definition, vertex.getName()).contains(node)) {
                splits.add(vertex.getName());
            }
        }
        if (definition.splitOf(node) != null) {
            splits.add(definition.splitOf(node));
        }
        return splits;
    }

    /**
     * Whether the task runs on a path of the Split now: a task at the Split comes before it with no
     * task at the Split's Join in between (after the Join, or after a Repeat back past the Split, it does not).
     */
    public static boolean runsInside(AutomationDefinition definition, AutomationTaskModel task, String split) {
        String join = joinOf(definition, split);
        for (AutomationTaskModel ancestor = task.getPrevious(); ancestor != null; ancestor = ancestor.getPrevious()) {
            if (ancestor.getStatus().equals(split)) {
                return true;
            }
            if (ancestor.getStatus().equals(join)) {
                return false;
            }
        }
        return false;
    }

    /** Whether the node exists in the class (any node, on a Split's path or not). */
    public static Optional<String> missing(AutomationDefinition definition, String node) {
        if (node == null || !definition.getNodeNames().contains(node)) {
            return Optional.of(definition.getClassName() + " declares no node '" + node + "' (it declares "
                    + definition.getNodeNames() + ")");
        }
        return Optional.empty();
    }

    /** The nodes on the Split's paths, up to (not including) its own Join. */
    private static Set<String> onPathOf(FlowGraph graph, AutomationDefinition definition, String split) {
        String join = joinOf(definition, split);
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>();
        graph.edgesFrom(split).stream().filter(e -> e.kind() == FlowGraph.EdgeKind.PATH).forEach(e -> next.add(e.to()));
        while (!next.isEmpty()) {
            String name = next.poll();
            if (name.equals(join) || name.equals(split) || !seen.add(name)) {
                continue;
            }
            graph.edgesFrom(name).stream().filter(e -> e.kind() != FlowGraph.EdgeKind.MESSAGE).forEach(e -> next.add(e.to()));
        }
        return seen;
    }

    private static String joinOf(AutomationDefinition definition, String split) {
        return definition.getNodeNames().stream().filter(name -> split.equals(definition.splitOf(name)))
                .findFirst().orElse(null);
    }
}
