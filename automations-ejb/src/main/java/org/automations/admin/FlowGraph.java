package org.automations.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automations.engine.AutomationDefinition;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.If;
import org.automations.flow.Node;
import org.automations.flow.Repeat;
import org.automations.flow.SendMessage;
import org.automations.flow.Split;

/**
 * The flow of an automation class as a graph: one vertex per node (in declaration order) and one
 * edge per way a node can continue. Built from the checked definition's prototype nodes, so it
 * shows exactly what the engine follows ({@link AutomationDefinition#successor}). A SendMessage
 * also points at an extra vertex standing for the receiver, outside the flow.
 */
public final class FlowGraph {

    /** How an edge is taken. */
    public enum EdgeKind {
        /** The node's .next or the next declared node. */
        NEXT,
        /** An If whose condition holds. */
        THEN,
        /** An If whose condition does not hold. */
        OTHERWISE,
        /** One path of a Split. */
        PATH,
        /** A Repeat back to its start node. */
        LOOP,
        /** An Execute's .onError target. */
        ON_ERROR,
        /** A SendMessage to its receiver (not a step of this flow). */
        MESSAGE
    }

    /** A vertex: a node of the class, or (external) the receiver of a SendMessage. */
    public static final class Vertex {
        private final String name;
        private final String type;
        private final String description;
        private final String modifiers;
        private final boolean external;
        private final int index;

        Vertex(String name, String type, String description, String modifiers, boolean external, int index) {
            this.name = name;
            this.type = type;
            this.description = description;
            this.modifiers = modifiers;
            this.external = external;
            this.index = index;
        }

        /** The node's name (its field); for an external vertex a name beginning with "_". */
        public String getName() {
            return name;
        }

        /** The node's class (Execute, If, a user's Execute subclass, ...); "Receiver" for an external vertex. */
        public String getType() {
            return type;
        }

        public String getDescription() {
            return description;
        }

        /** The node's modifiers as {@link Node#describeModifiers()} lists them. */
        public String getModifiers() {
            return modifiers;
        }

        public boolean isExternal() {
            return external;
        }

        /** Position in declaration order (external vertices follow the nodes). */
        public int getIndex() {
            return index;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A directed edge with its kind and a short label ("then", "path", "every PT1H", ...). */
    public record Edge(String from, String to, EdgeKind kind, String label) {
        // Java-bean accessors for Facelets (Expression Language before 6.0 knows no record components).
        public String getFrom() {
            return from;
        }

        public String getTo() {
            return to;
        }

        public EdgeKind getKind() {
            return kind;
        }

        public String getLabel() {
            return label;
        }
    }

    private final String className;
    private final Map<String, Vertex> vertices;
    private final List<Edge> edges;

    private FlowGraph(String className, Map<String, Vertex> vertices, List<Edge> edges) {
        this.className = className;
        this.vertices = Collections.unmodifiableMap(vertices);
        this.edges = Collections.unmodifiableList(edges);
    }

    /** The graph of a deployed (checked) automation class. */
    public static FlowGraph of(AutomationDefinition definition) {
        Map<String, Vertex> vertices = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        int index = 0;
        for (Node node : definition.getPrototypeNodes().values()) {
            vertices.put(node.getName(), new Vertex(node.getName(), node.getClass().getSimpleName(),
                    node.getDescription(), node.describeModifiers(), false, index++));
        }
        for (Node node : definition.getPrototypeNodes().values()) {
            addEdges(definition, node, edges);
        }
        for (Node node : definition.getPrototypeNodes().values()) {
            if (node instanceof SendMessage send) {
                String receiver = "_receiver_" + node.getName();
                vertices.put(receiver, new Vertex(receiver, "Receiver", receiverOf(send), "", true, index++));
                edges.add(new Edge(node.getName(), receiver, EdgeKind.MESSAGE, send.getMessage()));
            }
        }
        return new FlowGraph(definition.getClassName(), vertices, edges);
    }

    private static void addEdges(AutomationDefinition definition, Node node, List<Edge> edges) {
        String from = node.getName();
        String successor = definition.successor(node);
        if (node instanceof Split split) {
            split.getPaths().forEach(path -> edges.add(new Edge(from, path, EdgeKind.PATH, "path")));
        } else if (node instanceof If conditional) {
            add(edges, from, branchTarget(conditional.getThen(), successor), EdgeKind.THEN, "then");
            add(edges, from, branchTarget(conditional.getOtherwise(), successor), EdgeKind.OTHERWISE, "else");
        } else if (node instanceof Repeat repeat) {
            add(edges, from, successor, EdgeKind.LOOP,
                    repeat.getInterval() == null ? "repeat" : "repeat every " + repeat.getInterval());
        } else if (!(node instanceof End)) { // End finishes the automation: no edge
            add(edges, from, successor, EdgeKind.NEXT, "");
        }
        if (node instanceof Execute execute && execute.getOnError() != null) {
            edges.add(new Edge(from, execute.getOnError(), EdgeKind.ON_ERROR, "on error"));
        }
    }

    /** A branch names a node, or runs a callable and continues with the successor. */
    private static String branchTarget(If.Branch branch, String successor) {
        return branch != null && branch.node() != null ? branch.node() : successor;
    }

    private static void add(List<Edge> edges, String from, String to, EdgeKind kind, String label) {
        if (to != null) {
            edges.add(new Edge(from, to, kind, label));
        }
    }

    private static String receiverOf(SendMessage send) {
        if (send.getTargetClass() != null) {
            return send.getTargetClass().getSimpleName();
        }
        if (send.getTargetClassName() != null) {
            String name = send.getTargetClassName();
            return name.substring(name.lastIndexOf('.') + 1);
        }
        if (send.getTargetId() != null) {
            return "automation #" + send.getTargetId();
        }
        return "chosen when the node runs";
    }

    public String getClassName() {
        return className;
    }

    /** Nodes in declaration order, then the receivers of SendMessage nodes. */
    public List<Vertex> getVertices() {
        return List.copyOf(vertices.values());
    }

    public Vertex vertex(String name) {
        return vertices.get(name);
    }

    public List<Edge> getEdges() {
        return edges;
    }

    /** The edges leaving a vertex, in the order they were added. */
    public List<Edge> edgesFrom(String name) {
        return edges.stream().filter(edge -> edge.from().equals(name)).toList();
    }
}
