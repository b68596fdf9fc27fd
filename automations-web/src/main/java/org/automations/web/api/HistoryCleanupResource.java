package org.automations.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.logging.Logger;
import org.automations.batch.CleanupExecution;
import org.automations.batch.HistoryCleanup;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The history cleanup (the batch job of the cleanup page): start a run, follow it. Failed
 * automations stay unless the run says {@code includeFailed}. Needs both change roles.
 */
@Path("history-cleanup")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "history-cleanup")
@APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
@APIResponse(responseCode = "403", description = "The caller lacks the roles", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
public class HistoryCleanupResource {

    private static final Logger AUDIT = Logger.getLogger("org.automations.audit");

    @Schema(name = "CleanupRequest")
    public record CleanupRequest(@Schema(description = "Delete automations finished more than this many days ago", example = "30") int days,
            @Schema(description = "Delete failed automations too (default false)") boolean includeFailed) {
    }

    /** One run: status (STARTING, STARTED, COMPLETED, FAILED, STOPPED, ...), counts so far, percent done. */
    @Schema(name = "CleanupRun")
    public record CleanupRun(long execution, String status, String exitStatus, Instant start, Instant end, String days,
            long automationsDeleted, long tasksDeleted, long remaining, int percentDone, boolean running) {

        static CleanupRun of(CleanupExecution execution) {
            return new CleanupRun(execution.id(), execution.status().name(), execution.exitStatus(), execution.start(),
                    execution.end(), execution.days(), execution.automations(), execution.tasks(), execution.remaining(),
                    execution.percentDone(), execution.isRunning());
        }
    }

    @Inject
    HistoryCleanup cleanup;

    @Inject
    ApiAccess.Roles roles;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a history cleanup", description = "Runs in the background; Location names the run to follow.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CleanupRequest.class)))
    @APIResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation = CleanupRun.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or days missing or negative", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response start(String body) {
        roles.requireChanger();
        JsonObject json = JsonBodies.object(body);
        if (!(json.get("days") instanceof JsonNumber days) || !days.isIntegral() || days.longValue() < 0 || days.longValue() > 100_000) {
            throw ApiException.badRequest("days", "'days' must be a whole number of days from 0 to 100000.");
        }
        JsonValue failed = json.getOrDefault("includeFailed", JsonValue.FALSE);
        if (failed != JsonValue.TRUE && failed != JsonValue.FALSE) {
            throw ApiException.badRequest("includeFailed", "'includeFailed' must be true or false.");
        }
        long execution = cleanup.start(days.intValue(), null, failed == JsonValue.TRUE);
        AUDIT.info(() -> "History cleanup " + execution + " (days " + days + ", includeFailed " + failed
                + ") started through the REST API by " + roles.name());
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(execution)).build();
        return Response.accepted(cleanup.execution(execution).map(CleanupRun::of).orElse(null)).location(location).build();
    }

    @GET
    @Path("{execution}")
    @Operation(summary = "One history-cleanup run", description = "Its status, counts and progress.")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = CleanupRun.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public CleanupRun get(@PathParam("execution") long execution) {
        roles.requireChanger();
        return cleanup.execution(execution).map(CleanupRun::of)
                .orElseThrow(() -> ApiException.notFound("There is no history-cleanup run " + execution + "."));
    }
}
