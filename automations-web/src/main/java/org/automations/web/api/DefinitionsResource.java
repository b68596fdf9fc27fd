package org.automations.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.automations.Automations;
import org.automations.admin.Definitions;
import org.automations.admin.Definitions.DefinitionInfo;
import org.automations.admin.FlowGraph;
import org.automations.admin.FlowGraphs;
import org.automations.flow.Automation;
import org.automations.model.AutomationModel;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The deployed automation classes: what they are, their flow graph, starting them, broadcasting to them. */
@Path("definitions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "definitions")
@APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
@APIResponse(responseCode = "403", description = "The caller lacks the role", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
public class DefinitionsResource {

    @Inject
    Definitions definitions;

    @Inject
    FlowGraphs graphs;

    @Inject
    Automations automations;

    @Inject
    ApiAccess.Roles roles;

    @Context
    UriInfo uri;

    /** A node of the graph; {@code external}: the receiver of a SendMessage, not a node of the class. */
    @Schema(name = "GraphNode")
    public record GraphNode(String name, String type, String description, String modifiers, boolean external) {
    }

    @Schema(name = "GraphEdge")
    public record GraphEdge(String from, String to, String kind, String label) {
    }

    @Schema(name = "Graph")
    public record Graph(String className, List<GraphNode> nodes, List<GraphEdge> edges) {
    }

    @Schema(name = "Broadcast")
    public record Broadcast(int delivered, List<Object> results) {
    }

    @GET
    @Operation(summary = "The deployed automation classes", description = "Names, nodes, receivers and their data requirements.")
    @APIResponse(responseCode = "200", description = "The classes")
    public List<DefinitionInfo> list() {
        roles.requireViewer();
        return definitions.all();
    }

    @GET
    @Path("{class}")
    @Operation(summary = "One deployed automation class", description = "By fully qualified or unambiguous simple name.")
    @APIResponse(responseCode = "200", description = "The class")
    @APIResponse(responseCode = "404", description = "No such class is deployed", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public DefinitionInfo get(@PathParam("class") String className) {
        roles.requireViewer();
        return definition(className);
    }

    @GET
    @Path("{class}/graph")
    @Operation(summary = "The flow graph of a class", description = "The graph the history page draws, as nodes and edges.")
    @APIResponse(responseCode = "200", description = "The graph")
    @APIResponse(responseCode = "404", description = "No such class is deployed", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Graph graph(@PathParam("class") String className) {
        roles.requireViewer();
        FlowGraph graph = graphs.of(definition(className).className()).orElseThrow(() -> unknown(className));
        return new Graph(graph.getClassName(),
                graph.getVertices().stream().map(v -> new GraphNode(v.getName(), v.getType(), v.getDescription(),
                        v.getModifiers(), v.isExternal())).toList(),
                graph.getEdges().stream().map(e -> new GraphEdge(e.from(), e.to(), e.kind().name(), e.label())).toList());
    }

    @POST
    @Path("{class}/instances")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an automation", description = "The JSON object's members become the automation's data."
            + " With autorun (the default) it runs at once as far as it goes. For a @Unique class with an unfinished"
            + " instance of the same key, that instance is the answer (200) and nothing is created.")
    @RequestBody(description = "The parameters", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "200", description = "The existing unique instance", content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or a parameter the class refuses (named)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such class is deployed", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response create(@PathParam("class") String className,
            @Parameter(description = "Run it at once (false: the tick starts it)") @QueryParam("autorun") @DefaultValue("true") boolean autorun,
            String body) {
        roles.requireStarter();
        DefinitionInfo definition = definition(className);
        Map<String, Object> params = JsonBodies.toMap(JsonBodies.object(body));
        checkParameters(definition, params);
        Class<? extends Automation> type = type(definition);
        Optional<Automation> existing = automations.findUnique(type, params);
        Automation created = existing.orElseGet(() -> automations.create(type, params, autorun));
        InstanceView view = InstanceView.of(automations, model(created.getId()));
        URI location = uri.getBaseUriBuilder().path("instances").path(Long.toString(created.getId())).build();
        if (existing.isPresent()) {
            return Response.ok(view).header("Content-Location", location).build();
        }
        return Response.created(location).entity(view).build();
    }

    @POST
    @Path("{class}/messages/{message}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a message to every unfinished instance of a class",
            description = "With create=true, creates one instance instead (its unique parameters taken from the data),"
                    + " delivers the message to it and runs it.")
    @RequestBody(description = "{\"token\": \"...\", \"data\": {...}}", content = @Content(schema = @Schema(implementation = InstancesResource.MessageBody.class)))
    @APIResponse(responseCode = "200", description = "Broadcast: the receivers' results", content = @Content(schema = @Schema(implementation = Broadcast.class)))
    @APIResponse(responseCode = "201", description = "create=true: the new instance", content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such class is deployed", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "The data does not meet the receiver's requirements (named)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response broadcast(@PathParam("class") String className, @PathParam("message") String message,
            @QueryParam("create") @DefaultValue("false") boolean create, String body) {
        roles.requireStarter();
        DefinitionInfo definition = definition(className);
        Class<? extends Automation> type = type(definition);
        JsonObject json = JsonBodies.object(body);
        String token = JsonBodies.stringMember(json, "token");
        Map<String, Object> data = JsonBodies.objectMember(json, "data");
        InstancesResource.requireData(definitions, definition.className(), message, data);
        if (create) {
            if (definition.receivers().stream().noneMatch(r -> r.message().equals(message))) {
                throw ApiException.unprocessable(definition.className() + " has no receiver for '" + message
                        + "' to start with", List.of(new ApiProblem.FieldError("message", "no receiver")));
            }
            Automation created = automations.createOnMessage(type, message, token, data);
            URI location = uri.getBaseUriBuilder().path("instances").path(Long.toString(created.getId())).build();
            return Response.created(location).entity(InstanceView.of(automations, model(created.getId()))).build();
        }
        List<Object> results = new ArrayList<>();
        automations.broadcastMessage(type, message, token, data).forEach(r -> results.add(InstancesResource.result(r)));
        return Response.ok(new Broadcast(results.size(), results)).build();
    }

    /** Parameters a caller may not set: the engine's own keys and the nodes' data. */
    private static void checkParameters(DefinitionInfo definition, Map<String, Object> params) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (String name : params.keySet()) {
            if (name.isEmpty() || name.startsWith("_")) {
                errors.add(new ApiProblem.FieldError(name, "is reserved: the engine's own keys start with '_'"));
            } else if (definition.nodes().stream().anyMatch(n -> n.name().equals(name))) {
                errors.add(new ApiProblem.FieldError(name, "is the name of a node of " + definition.simpleName()
                        + ", whose form data goes there"));
            }
        }
        for (String unique : definition.uniqueFields()) {
            if (!params.containsKey(unique)) {
                errors.add(new ApiProblem.FieldError(unique, "is required: " + definition.simpleName() + " is unique by it"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(Response.Status.BAD_REQUEST, "Cannot start " + definition.className() + ": "
                    + errors.stream().map(e -> "'" + e.field() + "' " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                    errors);
        }
    }

    private DefinitionInfo definition(String className) {
        return definitions.find(className).orElseThrow(() -> unknown(className));
    }

    private Class<? extends Automation> type(DefinitionInfo definition) {
        return definitions.type(definition.className()).orElseThrow(() -> unknown(definition.className()));
    }

    private AutomationModel model(long id) {
        return automations.getModel(id).orElseThrow(() -> ApiException.notFound("Automation " + id + " is gone."));
    }

    private static ApiException unknown(String className) {
        return ApiException.notFound("No automation class '" + className + "' is deployed.");
    }
}
