package org.automations.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.automations.admin.FlowGraph;

/**
 * Where a running automation may be moved to: a node its class declares, and not one on a path of a
 * Split, whose Join would then wait forever for the paths the Split never started.
 */
public final class MoveTargets {

    private MoveTargets() {
    }

    /** Why the class's automations cannot be moved to the node, or empty when they can. */
    public static Optional<String> refusal(AutomationDefinition definition, String node) {
        Optional<String> missing = missing(definition, node);
        if (missing.isPresent()) {
            return missing;
        }
        FlowGraph graph = FlowGraph.of(definition);
        for (FlowGraph.Vertex vertex : graph.getVertices()) {
            if ("Split".equals(vertex.getType()) && onPathOf(graph, definition, vertex.getName()).contains(node)) {
                String join = joinOf(definition, vertex.getName());
                return Optional.of("node '" + node + "' of " + definition.getClassName() + " lies on a path of Split '"
                        + vertex.getName() + "'" + (join == null ? "" : ", and its Join '" + join
                        + "' would wait forever for the other paths") + "; move to '" + vertex.getName() + "'"
                        + (join == null ? "" : " or to '" + join + "' or after it"));
            }
        }
        return Optional.empty();
    }

    /** The Splits on whose paths the node lies (outermost first by declaration order); empty for most nodes. */
    public static List<String> splitsAround(AutomationDefinition definition, String node) {
        FlowGraph graph = FlowGraph.of(definition);
        List<String> splits = new ArrayList<>();
        for (FlowGraph.Vertex vertex : graph.getVertices()) {
            if ("Split".equals(vertex.getType()) && onPathOf(graph, definition, vertex.getName()).contains(node)) {
                splits.add(vertex.getName());
            }
        }
        return splits;
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
