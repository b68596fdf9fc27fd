package org.automations.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automations.Automations;
import org.automations.admin.AutomationHistory;
import org.automations.admin.AutomationSearch;
import org.automations.admin.Definitions;
import org.automations.admin.FailedAutomations;
import org.automations.json.JsonValues;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Automations: finding them, their state and history, messages to one, and the administrator's actions. */
@Path("instances")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "instances")
@APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
@APIResponse(responseCode = "403", description = "The caller lacks the role", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
public class InstancesResource {

    /** Steps per history window: the history page's. */
    static final int WINDOW = 500;
    static final int MAX_PAGE = 500;

    @Schema(name = "Message")
    public record MessageBody(@Schema(description = "Passed to the receiver") String token,
            @Schema(description = "The message's data") Map<String, Object> data) {
    }

    @Schema(name = "MessageResult")
    public record MessageResult(@Schema(description = "What the receiver returned (null without a receiver)") Object result,
            InstanceView instance) {
    }

    /**
     * A window of the history, oldest first. {@code older}: steps before the first one here; pass
     * {@code before=<first id>} or {@code after=<last id>} for the next window.
     */
    @Schema(name = "History")
    public record History(long automationId, List<StepView> steps, long total, long older, int window) {
    }

    @Inject
    Automations automations;

    @Inject
    AutomationSearch search;

    @Inject
    AutomationHistory history;

    @Inject
    FailedAutomations failed;

    @Inject
    Definitions definitions;

    @Inject
    ApiAccess.Roles roles;

    @GET
    @Operation(summary = "Find automations", description = "Newest first, paged in the database.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", description = "A filter that is not valid (named)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Page<InstanceView> list(@Parameter(description = "Fully qualified or simple class name") @QueryParam("class") String className,
            @Parameter(description = "RUNNING, FINISHED or FAILED") @QueryParam("status") String status,
            @Parameter(description = "Has an open task at this node") @QueryParam("waitingAt") String waitingAt,
            @Parameter(description = "Created at or after (ISO-8601 instant)") @QueryParam("createdSince") String createdSince,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        roles.requireViewer();
        checkPage(first, max);
        String cls = className == null ? null : definitions.find(className).map(Definitions.DefinitionInfo::className).orElse(className);
        AutomationSearch.Filter filter = new AutomationSearch.Filter(cls, status(status), blankToNull(waitingAt), instant(createdSince));
        List<AutomationModel> models = search.page(filter, first, max);
        Map<Long, List<String>> waiting = automations.getWaitingAt(models.stream().map(AutomationModel::getId).toList());
        List<InstanceView> items = models.stream().map(m -> InstanceView.of(m, automations.getVerboseName(m.getAutomationClass()),
                waiting.getOrDefault(m.getId(), List.of()))).toList();
        return new Page<>(items, first, max, search.count(filter));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One automation", description = "Class, status, data, where it waits, next run.")
    @APIResponse(responseCode = "200", description = "The automation", content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "404", description = "No such automation", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public InstanceView get(@PathParam("id") long id) {
        roles.requireViewer();
        return InstanceView.of(automations, model(id));
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "An automation's steps", description = "Windows of 500 steps, as on the history page: the newest"
            + " by default, before=<step id> for older ones, after=<step id> for newer ones.")
    @APIResponse(responseCode = "200", description = "One window", content = @Content(schema = @Schema(implementation = History.class)))
    @APIResponse(responseCode = "404", description = "No such automation", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public History history(@PathParam("id") long id, @QueryParam("before") Long before, @QueryParam("after") Long after) {
        roles.requireChanger();
        model(id);
        List<StepView> steps = history.steps(id, before, after, WINDOW).stream().map(StepView::of).toList();
        long older = steps.isEmpty() ? 0 : history.stepsBefore(id, steps.get(0).id());
        return new History(id, steps, history.countSteps(id), older, WINDOW);
    }

    @POST
    @Path("{id}/messages/{message}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a message to one automation", description = "Calls its receiver (if it has one) and wakes"
            + " it where it awaits the message; answers with the receiver's result.")
    @RequestBody(content = @Content(schema = @Schema(implementation = MessageBody.class)))
    @APIResponse(responseCode = "200", description = "Delivered", content = @Content(schema = @Schema(implementation = MessageResult.class)))
    @APIResponse(responseCode = "400", description = "Not JSON", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such automation, or it has finished", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "The data does not meet the receiver's requirements (named)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public MessageResult message(@PathParam("id") long id, @PathParam("message") String message, String body) {
        roles.requireStarter();
        AutomationModel model = model(id);
        if (model.isFinished()) {
            throw ApiException.notFound("Automation " + id + " has finished (" + model.getStatus() + "): it takes no messages.");
        }
        JsonObject json = JsonBodies.object(body);
        String token = JsonBodies.stringMember(json, "token");
        Map<String, Object> data = JsonBodies.objectMember(json, "data");
        requireData(definitions, model.getAutomationClass(), message, data);
        Object result = automations.dispatchMessage(definitions.type(model.getAutomationClass())
                .orElseThrow(() -> ApiException.notFound("The class " + model.getAutomationClass() + " is no longer deployed.")),
                id, message, token, data);
        return new MessageResult(result(result), InstanceView.of(automations, model(id)));
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Retry a failed automation", description = "Runs the failed step again as a new task and continues.")
    @APIResponse(responseCode = "200", description = "The automation afterwards", content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "404", description = "No such automation", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "It has not failed (any more), or its node is gone", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public InstanceView retry(@PathParam("id") long id) {
        roles.requireChanger();
        model(id);
        failed.retry(id);
        return InstanceView.of(automations, model(id));
    }

    @POST
    @Path("{id}/skip")
    @Operation(summary = "Skip the failed step", description = "Continues a failed automation with the node after the failed one.")
    @APIResponse(responseCode = "200", description = "The automation afterwards", content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "404", description = "No such automation", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "It has not failed", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public InstanceView skip(@PathParam("id") long id) {
        roles.requireChanger();
        model(id);
        failed.skip(id);
        return InstanceView.of(automations, model(id));
    }

    @POST
    @Path("{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an automation to a node", description = "Under its row lock: its open tasks end ('Moved to node by user'),"
            + " the data keys given are set, and it continues at the node. Body: {\"node\": \"review\", \"data\": {...}}.")
    @APIResponse(responseCode = "200", description = "The automation afterwards", content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "400", description = "No node, a node the class lacks or one on a Split's path", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such automation", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "It has finished, or its class is not deployed", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public InstanceView move(@PathParam("id") long id, String body) {
        roles.requireChanger();
        JsonObject json = JsonBodies.object(body);
        String node = JsonBodies.stringMember(json, "node");
        if (node == null || node.isBlank()) {
            throw ApiException.badRequest("node", "'node' must name the node to continue at.");
        }
        model(id);
        automations.moveTo(id, node, JsonBodies.objectMember(json, "data"));
        return InstanceView.of(automations, model(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Kill an automation", description = "Deletes it and its history; the audit log keeps who did it, with the class, key and last node.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such automation", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response kill(@PathParam("id") long id) {
        roles.requireChanger();
        model(id);
        failed.kill(id); // recorded in the audit log, as from the errors page
        return Response.noContent().build();
    }

    /** 422 naming every {@code @RequireData} of the receiver that the data does not meet. */
    static void requireData(Definitions definitions, String className, String message, Map<String, Object> data) {
        List<String> unmet = definitions.unmetRequirements(className, message, data);
        if (!unmet.isEmpty()) {
            throw ApiException.unprocessable("The data of message '" + message + "' lacks " + unmet + " that its receiver requires.",
                    unmet.stream().map(name -> new ApiProblem.FieldError("data." + name, "is required by the receiver")).toList());
        }
    }

    /** A receiver's result as JSON (the seed's rule: what cannot be written is null). */
    static Object result(Object result) {
        return JsonBodies.parsed(JsonValues.writeResult(result));
    }

    private AutomationModel model(long id) {
        return automations.getModel(id).orElseThrow(() -> ApiException.notFound("There is no automation " + id + "."));
    }

    static void checkPage(int first, int max) {
        if (first < 0) {
            throw ApiException.badRequest("first", "'first' must be 0 or more.");
        }
        if (max < 1 || max > MAX_PAGE) {
            throw ApiException.badRequest("max", "'max' must be between 1 and " + MAX_PAGE + ".");
        }
    }

    private static AutomationStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return AutomationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "'status' must be RUNNING, FINISHED or FAILED, not '" + status + "'.");
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("createdSince", "'createdSince' must be an ISO-8601 instant such as 2026-12-01T00:00:00Z.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
