package org.automations.versions;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automations.admin.FlowGraph;
import org.automations.engine.AutomationDefinition;

/**
 * What an automation class declares, as far as running instances care: its nodes in order, each with
 * its type, description, modifiers and successors (the flow graph, not the bytecode). Two deployments
 * that declare the same graph have the same {@link #version()}; a changed modifier, node or successor
 * gives another.
 */
public record Declaration(String className, Map<String, DeclaredNode> nodes) {

    /** One node: what the page shows of it and where it may go ("then: repeat"). */
    public record DeclaredNode(String name, String type, String description, String modifiers, List<String> successors) {
    }

    /** Hex digits of the version: 48 bits of SHA-256, enough to tell a class's versions apart. */
    static final int VERSION_LENGTH = 12;

    public static Declaration of(AutomationDefinition definition) {
        FlowGraph graph = FlowGraph.of(definition);
        Map<String, DeclaredNode> nodes = new LinkedHashMap<>();
        for (FlowGraph.Vertex vertex : graph.getVertices()) {
            if (vertex.isExternal()) {
                continue; // a message's receiver belongs to the other class's declaration
            }
            List<String> successors = graph.edgesFrom(vertex.getName()).stream()
                    .map(edge -> edge.kind().name().toLowerCase() + ": " + edge.to()).toList();
            nodes.put(vertex.getName(), new DeclaredNode(vertex.getName(), vertex.getType(),
                    vertex.getDescription() == null ? "" : vertex.getDescription(), vertex.getModifiers(), successors));
        }
        return new Declaration(definition.getClassName(), nodes);
    }

    /** The declaration as stored in atm_definition_version, keys in a fixed order. */
    public String toJson() {
        return Json.createObjectBuilder().add("class", className).add("nodes", nodesJson()).build().toString();
    }

    /** The nodes alone: what the version is computed from, so it does not depend on the class's name. */
    private JsonArray nodesJson() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (DeclaredNode node : nodes.values()) {
            array.add(Json.createObjectBuilder()
                    .add("name", node.name())
                    .add("type", node.type())
                    .add("description", node.description())
                    .add("modifiers", node.modifiers())
                    .add("successors", Json.createArrayBuilder(node.successors())));
        }
        return array.build();
    }

    public static Declaration fromJson(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            Map<String, DeclaredNode> nodes = new LinkedHashMap<>();
            for (JsonObject node : object.getJsonArray("nodes").getValuesAs(JsonObject.class)) {
                List<String> successors = node.getJsonArray("successors").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList();
                nodes.put(node.getString("name"), new DeclaredNode(node.getString("name"), node.getString("type"),
                        node.getString("description"), node.getString("modifiers"), successors));
            }
            return new Declaration(object.getString("class"), nodes);
        }
    }

    /** The first hex digits of the SHA-256 of the nodes' JSON. */
    public String version() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(nodesJson().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, VERSION_LENGTH);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** What changed from this (older) declaration to the given one. */
    public DeclarationChanges changesTo(Declaration current) {
        List<String> added = current.nodes.keySet().stream().filter(name -> !nodes.containsKey(name)).toList();
        List<String> removed = nodes.keySet().stream().filter(name -> !current.nodes.containsKey(name)).toList();
        List<String> changed = nodes.keySet().stream()
                .filter(name -> current.nodes.containsKey(name) && !nodes.get(name).equals(current.nodes.get(name)))
                .toList();
        return new DeclarationChanges(version(), current.version(), added, removed, changed);
    }
}
