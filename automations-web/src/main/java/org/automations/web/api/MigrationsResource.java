package org.automations.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.Automations;
import org.automations.MigrationPlan;
import org.automations.versions.InstanceGroup;
import org.automations.versions.MigrationDryRun;
import org.automations.versions.MigrationExecution;
import org.automations.versions.PlannedMove;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Migration of running automations after their class changed (issue 15): where they wait, the dry
 * run of a plan, the instance-migration job. A plan is {@code {"className": "...", "moves": {"oldNode":
 * "newNode"}, "data": {"key": value}}}. Needs both change roles.
 */
@Path("migrations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "migrations")
@APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
@APIResponse(responseCode = "403", description = "The caller lacks the roles", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
public class MigrationsResource {

    @Schema(name = "MigrationPlan")
    public record Plan(@Schema(description = "The automation class", example = "org.example.Approval") String className,
            @Schema(description = "Node waited at -> node to continue at") Map<String, String> moves,
            @Schema(description = "Data keys set on every automation moved") Map<String, Object> data) {

        static Plan of(MigrationPlan plan) {
            return new Plan(plan.className(), plan.moves(), plan.data());
        }
    }

    @Schema(name = "MigrationDryRun")
    public record DryRun(Plan plan, boolean executable, List<String> reasons, int moving, long staying,
            List<PlannedMove> instances) {

        static DryRun of(MigrationDryRun dryRun) {
            return new DryRun(Plan.of(dryRun.plan()), dryRun.executable(), dryRun.reasons(), dryRun.moving().size(),
                    dryRun.staying(), dryRun.instances());
        }
    }

    /** One run: status (STARTING, STARTED, COMPLETED, FAILED, STOPPED, ...), counts so far, percent done. */
    @Schema(name = "MigrationRun")
    public record Run(long execution, String status, String exitStatus, Instant start, Instant end, Plan plan,
            String startedBy, long total, long moved, long left, int percentDone, boolean running) {

        static Run of(MigrationExecution e) {
            return new Run(e.id(), e.status().name(), e.exitStatus(), e.start(), e.end(),
                    e.plan() == null ? null : Plan.of(e.plan()), e.startedBy(), e.progress().total(), e.progress().moved(),
                    e.progress().left(), e.progress().percentDone(), e.isRunning());
        }
    }

    @Inject
    Automations automations;

    @Inject
    ApiAccess.Roles roles;

    @Context
    UriInfo uri;

    @GET
    @Path("groups")
    @Operation(summary = "Where a class's running automations wait", description = "Grouped by the version they last ran with and the node they wait at.")
    @APIResponse(responseCode = "200", description = "The groups, largest first")
    public List<InstanceGroup> groups(@QueryParam("className") String className) {
        roles.requireChanger();
        if (className == null || className.isBlank()) {
            throw ApiException.badRequest("className", "'className' must name the automation class.");
        }
        return automations.getInstanceGroups(className);
    }

    @POST
    @Path("dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dry-run a migration plan", description = "What each running automation of the class would do; changes nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Plan.class)))
    @APIResponse(responseCode = "200", description = "The dry run", content = @Content(schema = @Schema(implementation = DryRun.class)))
    @APIResponse(responseCode = "400", description = "Not a plan", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public DryRun dryRun(String body) {
        roles.requireChanger();
        return DryRun.of(automations.dryRunMigration(plan(body)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a migration", description = "Dry-runs the plan, then runs the instance-migration job in the background; Location names the run to follow.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Plan.class)))
    @APIResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation = Run.class)))
    @APIResponse(responseCode = "400", description = "Not a plan", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "The dry run refuses the plan (every reason in detail)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response start(String body) {
        roles.requireChanger();
        long execution;
        try {
            execution = automations.startMigration(plan(body)); // dry-runs the plan first
        } catch (IllegalArgumentException refused) {
            throw ApiException.unprocessable(refused.getMessage(), List.of());
        }
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(execution)).build();
        return Response.accepted(automations.getMigration(execution).map(Run::of).orElse(null)).location(location).build();
    }

    @GET
    @Path("{execution}")
    @Operation(summary = "One migration run", description = "Its status, plan, counts and progress.")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = Run.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Run get(@PathParam("execution") long execution) {
        roles.requireChanger();
        return automations.getMigration(execution).map(Run::of)
                .orElseThrow(() -> ApiException.notFound("There is no migration run " + execution + "."));
    }

    private static MigrationPlan plan(String body) {
        JsonObject json = JsonBodies.object(body);
        try {
            return MigrationPlan.fromJson(json.toString());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("body", e.getMessage());
        }
    }
}
