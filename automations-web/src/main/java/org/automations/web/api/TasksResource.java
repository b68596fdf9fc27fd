package org.automations.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.automations.Automations;
import org.automations.FormResult;
import org.automations.TaskClaimResult;
import org.automations.TaskForm;
import org.automations.TaskQuery;
import org.automations.admin.Definitions;
import org.automations.model.AutomationTaskModel;
import org.automations.security.TaskUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's human tasks: the task list, one form with its fields, and submitting it. The rules are
 * the task pages': a task is shown to and completed by the users it is assigned to (TaskAccess).
 */
@Path("tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tasks")
@APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
public class TasksResource {

    @Schema(name = "TaskSummary")
    public record TaskSummary(long id, long automationId, String className, String verboseName, String node,
            String title, Instant created, Instant due, String interactionUser, String interactionGroup,
            @Schema(description = "The automation's line about this instance (@Meta taskSummary filled from its data); empty without one")
            String summary,
            @Schema(description = "When a person should have processed the task (Form.dueIn/dueAt); null: no due time")
            Instant deadline,
            @Schema(description = "True when the deadline has passed") boolean overdue,
            @Schema(description = "Form.priority: higher first") int priority,
            @Schema(description = "Who has claimed the task; null: nobody") String claimedBy) {
    }

    @Schema(name = "Task")
    public record TaskView(long id, long automationId, String className, String verboseName, String node, String title,
            Instant created, Instant finished, boolean done, String interactionUser, String interactionGroup,
            List<String> interactionPermissions, List<FormBinding.FieldView> fields) {
    }

    @Schema(name = "Completed")
    public record Completed(long taskId, String result, InstanceView instance) {
    }

    @Inject
    Automations automations;

    @Inject
    Definitions definitions;

    @Inject
    Validator validator;

    @GET
    @Operation(summary = "The caller's open tasks", description = "Narrowed, ordered and paged in the database, with the"
            + " same filter as the task page's URL: class, scope, overdue, q, sort.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", description = "A paging, scope or sort value out of range (named)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Page<TaskSummary> list(
            @Parameter(description = "Only tasks of this automation class (fully qualified or simple name)")
            @QueryParam("class") String className,
            @Parameter(description = "all (default): every task the caller may process; mine: assigned to the caller by"
                    + " name; groups: for one of the caller's groups; claimed: claimed by the caller",
                    schema = @Schema(enumeration = {"all", "mine", "groups", "claimed"}))
            @QueryParam("scope") @DefaultValue("all") String scope,
            @Parameter(description = "true: only tasks past their due time")
            @QueryParam("overdue") @DefaultValue("false") boolean overdue,
            @Parameter(description = "Text looked for (ignoring case) in the automation's verbose name, the node's"
                    + " description and name, and the instance id (a number)")
            @QueryParam("q") String search,
            @Parameter(description = "newest (default), oldest, due (earliest due time first, none last), priority"
                    + " (highest first, then oldest)", schema = @Schema(enumeration = {"newest", "oldest", "due", "priority"}))
            @QueryParam("sort") @DefaultValue("newest") String sort,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        InstancesResource.checkPage(first, max);
        String cls = className == null || className.isBlank() ? null
                : definitions.find(className).map(Definitions.DefinitionInfo::className).orElse(className);
        TaskQuery query = new TaskQuery(cls, scope(scope), overdue, search, sort(sort), Locale.ENGLISH);
        TaskUser caller = automations.getTaskUser();
        List<TaskSummary> items = automations.getOpenTasks(caller, query, first, max).stream().map(this::summary).toList();
        return new Page<>(items, first, max, automations.countOpenTasks(caller, query));
    }

    private static TaskQuery.Scope scope(String value) {
        return switch (value) {
            case "all" -> TaskQuery.Scope.ALL;
            case "mine" -> TaskQuery.Scope.ASSIGNED_TO_ME;
            case "groups" -> TaskQuery.Scope.MY_GROUPS;
            case "claimed" -> TaskQuery.Scope.CLAIMED_BY_ME;
            default -> throw ApiException.badRequest("scope", "'scope' must be all, mine, groups or claimed.");
        };
    }

    private static TaskQuery.Sort sort(String value) {
        return switch (value) {
            case "newest" -> TaskQuery.Sort.NEWEST;
            case "oldest" -> TaskQuery.Sort.OLDEST;
            case "due" -> TaskQuery.Sort.DUE;
            case "priority" -> TaskQuery.Sort.PRIORITY;
            default -> throw ApiException.badRequest("sort", "'sort' must be newest, oldest, due or priority.");
        };
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One form task", description = "Its fields with kinds, types, constraints and current values:"
            + " enough for a front end to render the form.")
    @APIResponse(responseCode = "200", description = "The task", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "403", description = "The task is not the caller's", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such form task", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public TaskView get(@PathParam("id") long id) {
        TaskForm form = accessible(id);
        AutomationTaskModel task = form.task();
        return new TaskView(task.getId(), task.getAutomation().getId(), task.getAutomation().getAutomationClass(),
                form.verboseName(), task.getStatus(), title(form), task.getCreated(), task.getFinished(), form.isDone(),
                task.getInteractionUser(), task.getInteractionGroup(), task.getInteractionPermissions(),
                FormBinding.describe(form.bean(), validator));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete a form task", description = "The JSON object's members are the form's fields; they are"
            + " validated by the same Bean Validation rules as the page, then the automation moves on.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "Completed; the automation afterwards", content = @Content(schema = @Schema(implementation = Completed.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, an unknown field or a value of the wrong type (named)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "403", description = "The task is not the caller's", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such form task", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "Already completed", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "The values break the form's constraints (field messages)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Completed complete(@PathParam("id") long id, String body) {
        TaskForm form = accessible(id);
        if (form.isDone()) {
            throw alreadyDone(id);
        }
        Object bean = form.bean();
        FormBinding.bind(bean, JsonBodies.object(body));
        List<ApiProblem.FieldError> violations = FormBinding.violations(bean, validator);
        if (!violations.isEmpty()) {
            throw ApiException.unprocessable("The form is not valid.", violations);
        }
        FormResult result = automations.completeForm(id, bean);
        switch (result) {
            case ALREADY_DONE -> throw alreadyDone(id);
            case FORBIDDEN -> throw ApiException.forbidden("Task " + id + " is not yours to complete.");
            case NOT_FOUND -> throw ApiException.notFound("Task " + id + " is gone.");
            case CLAIMED -> throw ApiException.conflict("Task " + id + " is claimed by "
                    + automations.getTaskForm(id).map(f -> f.task().getClaimedBy()).orElse("someone else")
                    + "; it can be submitted once it is released.");
            default -> {
                long automationId = form.task().getAutomation().getId();
                return new Completed(id, result.name(), automations.getModel(automationId)
                        .map(m -> InstanceView.of(automations, m)).orElse(null));
            }
        }
    }

    @Schema(name = "Claim")
    public record ClaimView(long taskId, String claimedBy) {
    }

    @Schema(name = "Reassignment")
    public record Reassignment(String user, String group) {
    }

    @POST
    @Path("{id}/claim")
    @Operation(summary = "Claim a task", description = "Others still see it but cannot submit it until it is released."
            + " Of two claims at once exactly one succeeds.")
    @APIResponse(responseCode = "200", description = "Claimed by the caller", content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "403", description = "The task is not the caller's", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such form task", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "Claimed by someone else (named), or completed", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ClaimView claim(@PathParam("id") long id) {
        return claimView(id, automations.claimTask(id));
    }

    @POST
    @Path("{id}/release")
    @Operation(summary = "Release a claim", description = "The one who claimed the task may, and so may an administrator"
            + " (both change roles).")
    @APIResponse(responseCode = "200", description = "Released", content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "403", description = "Claimed by someone else and the caller is no administrator", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such form task", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "Not claimed, or completed", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ClaimView release(@PathParam("id") long id) {
        return claimView(id, automations.releaseTask(id));
    }

    @POST
    @Path("{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reassign a task to a user or a group", description = "Administrators (both change roles) only;"
            + " the task loses its claim and its permissions and is recorded in the automation's history.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Reassignment.class)))
    @APIResponse(responseCode = "200", description = "Reassigned", content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of user and group", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "403", description = "The caller is no administrator", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such form task", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "Completed", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ClaimView reassign(@PathParam("id") long id, String body) {
        var json = JsonBodies.object(body);
        return claimView(id, automations.reassignTask(id, JsonBodies.stringMember(json, "user"),
                JsonBodies.stringMember(json, "group")));
    }

    /** The claim as it is after the call, or the refusal as a problem. */
    private static ClaimView claimView(long id, TaskClaimResult result) {
        return switch (result.outcome()) {
            case DONE -> new ClaimView(id, result.claimedBy());
            case CLAIMED_BY_OTHER -> throw ApiException.conflict("Task " + id + " is claimed by " + result.claimedBy() + ".");
            case NOT_CLAIMED -> throw ApiException.conflict("Nobody has claimed task " + id + ".");
            case ALREADY_DONE -> throw alreadyDone(id);
            case FORBIDDEN -> throw ApiException.forbidden("You may not do this to task " + id + ".");
            case NOT_FOUND -> throw ApiException.notFound("There is no form task " + id + ".");
        };
    }

    /** The form task if the caller may process it: 404 for no such form task, 403 for someone else's. */
    private TaskForm accessible(long id) {
        TaskForm form = automations.getTaskForm(id).orElseThrow(() -> ApiException.notFound("There is no form task " + id + "."));
        if (!automations.mayProcess(automations.getTaskUser(), form.task())) {
            throw ApiException.forbidden("Task " + id + " is not assigned to you.");
        }
        return form;
    }

    private static ApiException alreadyDone(long id) {
        return ApiException.conflict("Task " + id + " is already completed.");
    }

    private TaskSummary summary(AutomationTaskModel task) {
        String className = task.getAutomation().getAutomationClass();
        String verboseName = automations.getVerboseName(className);
        String description = automations.getNodeDescription(className, task.getStatus());
        return new TaskSummary(task.getId(), task.getAutomation().getId(), className, verboseName, task.getStatus(),
                description == null || description.isBlank() ? verboseName : description, task.getCreated(), task.getDue(),
                task.getInteractionUser(), task.getInteractionGroup(), automations.getTaskSummary(task, Locale.ENGLISH),
                task.getDeadline(), task.isOverdue(), task.getPriority(), task.getClaimedBy());
    }

    private static String title(TaskForm form) {
        String description = form.form().getDescription();
        return description == null || description.isBlank() ? form.verboseName() : description;
    }
}
