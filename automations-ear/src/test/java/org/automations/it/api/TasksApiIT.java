package org.automations.it.api;

import static org.automations.it.api.ApiCalls.as;
import static org.automations.it.api.ApiCalls.fields;
import static org.automations.it.api.ApiCalls.idFromLocation;
import static org.automations.it.api.ApiCalls.ok;
import static org.automations.it.api.ApiCalls.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.automations.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13: human tasks through the REST API, and the demo IssueDiscussion driven from start to
 * finish by the API alone (from the test JVM: no engine call, no page).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TasksApiIT {

    private static final String ORDER = ApiOrder.class.getName();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear(ApiOrder.class, Approval.class, Approval.Level.class);
    }

    private final ApiCalls admin = as("admin");
    private final ApiCalls jacob = as("jacob");
    private final ApiCalls mary = as("mary");

    @Test
    void anIssueDiscussionRunsFromStartToFinishThroughTheApi() throws Exception {
        // Start: a discussion of no days, so its waits are over at once; one mail waits for moderation.
        var started = admin.post("definitions/org.automations.demo.IssueDiscussion/instances",
                "{\"issueList\": \"API week\", \"pendingMails\": 1, \"discussionDays\": 0}");
        long id = idFromLocation(started);
        assertEquals(java.util.Set.of("moderate", "join"), java.util.Set.copyOf(waitingAt(ok(201, started))),
                "the other paths met at the join");

        // Message: more mails arrived; the receiver needs a count.
        JsonObject reply = ok(200, admin.post("instances/" + id + "/messages/mails", "{\"data\": {\"count\": 2}}"));
        assertEquals("3 mails to moderate", reply.getString("result"));
        assertEquals(List.of("data.count"), fields(problem(422, admin.post("instances/" + id + "/messages/mails", "{\"data\": {}}"))));

        // The Moderators' form, as jacob: listed, described, refused when invalid, then completed.
        JsonObject list = ok(200, jacob.get("tasks?class=IssueDiscussion&max=500"));
        JsonObject task = list.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getJsonNumber("automationId").longValue() == id).findFirst().orElseThrow();
        long taskId = task.getJsonNumber("id").longValue();
        assertEquals("moderate", task.getString("node"));
        assertEquals("Moderate the new mails", task.getString("title"));
        assertEquals("Moderators", task.getString("interactionGroup"));
        assertEquals("Issue list API week: 3 mails to moderate", task.getString("summary"), "the instance's taskSummary, from its data now (1 + 2 mails)");

        JsonObject form = ok(200, jacob.get("tasks/" + taskId));
        Map<String, JsonObject> formFields = byName(form);
        assertEquals("TEXT", formFields.get("summary").getString("kind"));
        assertTrue(formFields.get("summary").getBoolean("required"));
        assertEquals(200, formFields.get("summary").getInt("maxLength"));
        assertEquals("CHECKBOX", formFields.get("publish").getString("kind"));
        assertEquals(false, formFields.get("publish").getBoolean("value"));
        problem(403, mary.get("tasks/" + taskId));
        assertFalse(ok(200, mary.get("tasks")).getJsonArray("items").stream()
                .anyMatch(t -> t.asJsonObject().getJsonNumber("id").longValue() == taskId), "not mary's");

        assertEquals(List.of("summary"), fields(problem(422, jacob.post("tasks/" + taskId, "{\"summary\": \"\"}"))));
        assertEquals(List.of("summary"), fields(problem(422, jacob.post("tasks/" + taskId, "{\"summary\": \"" + "x".repeat(201) + "\"}"))));
        problem(403, mary.post("tasks/" + taskId, "{\"summary\": \"Mary's\"}"));
        JsonObject done = ok(200, jacob.post("tasks/" + taskId, "{\"summary\": \"Three mails, all fine\", \"publish\": true}"));
        assertEquals("COMPLETED", done.getString("result"));

        // Finished: the evaluation ran, the form's data is stored under its node.
        JsonObject finished = done.getJsonObject("instance");
        assertEquals("FINISHED", finished.getString("status"), finished.toString());
        assertEquals("Three mails, all fine", finished.getJsonObject("data").getJsonObject("moderate").getString("summary"));
        assertEquals("FINISHED", ok(200, admin.get("instances/" + id)).getString("status"));
        problem(409, jacob.post("tasks/" + taskId, "{\"summary\": \"again\"}"));
        problem(404, admin.post("instances/" + id + "/messages/mails", "{\"data\": {\"count\": 1}}"));
    }

    @Test
    void aFormDescribesItsFieldsWithTypesConstraintsAndValues() throws Exception {
        long taskId = openApproval();

        JsonObject task = ok(200, jacob.get("tasks/" + taskId));
        assertEquals("approve", task.getString("node"));
        assertFalse(task.getBoolean("done"));
        Map<String, JsonObject> fields = byName(task);
        assertEquals(List.of("decision", "score", "urgent", "until", "level"), List.copyOf(fields.keySet()));
        assertEquals("NUMBER", fields.get("score").getString("kind"));
        assertEquals("Integer", fields.get("score").getString("javaType"));
        List<String> scoreConstraints = fields.get("score").getJsonArray("constraints").stream()
                .map(c -> c.asJsonObject().getString("type")).toList();
        assertEquals(List.of("Max", "Min", "NotNull"), scoreConstraints);
        JsonObject max = fields.get("score").getJsonArray("constraints").getJsonObject(0);
        assertEquals(10, max.getJsonObject("attributes").getInt("value"));
        assertEquals("DATE", fields.get("until").getString("kind"));
        assertEquals("SELECT", fields.get("level").getString("kind"));
        assertEquals(List.of("LOW", "HIGH"), fields.get("level").getJsonArray("options").getValuesAs(JsonString::getString));
        problem(404, jacob.get("tasks/999999999"));
    }

    @Test
    void submittedValuesAreConvertedThenValidatedLikeThePage() throws Exception {
        long taskId = openApproval();

        JsonObject invalid = problem(422, jacob.post("tasks/" + taskId, "{\"decision\": \"yes\", \"score\": 11}"));
        assertEquals(List.of("score"), fields(invalid));
        JsonObject empty = problem(422, jacob.post("tasks/" + taskId, "{}"));
        assertEquals(List.of("decision", "score"), fields(empty));
        JsonObject types = problem(400, jacob.post("tasks/" + taskId,
                "{\"decision\": 5, \"score\": 1.5, \"urgent\": \"yes\", \"until\": \"tomorrow\", \"level\": \"MEDIUM\", \"color\": \"red\"}"));
        assertEquals(List.of("decision", "score", "urgent", "until", "level", "color"), fields(types));
        assertEquals(List.of("body"), fields(problem(400, jacob.post("tasks/" + taskId, "not json"))));

        JsonObject done = ok(200, jacob.post("tasks/" + taskId,
                "{\"decision\": \"yes\", \"score\": 7, \"urgent\": true, \"until\": \"2027-01-31\", \"level\": \"HIGH\"}"));
        JsonObject stored = done.getJsonObject("instance").getJsonObject("data").getJsonObject("approve");
        assertEquals(7, stored.getInt("score"));
        assertEquals("HIGH", stored.getString("level"));
        assertEquals("2027-01-31", stored.getString("until"));
        assertEquals("FINISHED", done.getJsonObject("instance").getString("status"));
        assertTrue(ok(200, jacob.get("tasks/" + taskId)).getBoolean("done"));
        problem(409, jacob.post("tasks/" + taskId, "{\"decision\": \"no\", \"score\": 1}"));
    }

    @Test
    void theTaskListIsPagedAndFilteredByClass() throws Exception {
        openApproval();
        openApproval();

        JsonObject orders = ok(200, jacob.get("tasks?class=" + ORDER + "&max=1"));
        assertEquals(1, orders.getJsonArray("items").size());
        assertTrue(orders.getJsonNumber("total").longValue() >= 2, orders.toString());
        assertTrue(orders.getJsonArray("items").stream().allMatch(t -> t.asJsonObject().getString("className").equals(ORDER)));
        JsonObject second = ok(200, jacob.get("tasks?class=ApiOrder&first=1&max=1"));
        assertFalse(second.getJsonArray("items").getJsonObject(0).getJsonNumber("id")
                .equals(orders.getJsonArray("items").getJsonObject(0).getJsonNumber("id")));
        assertEquals(0, ok(200, jacob.get("tasks?class=org.example.Nothing")).getJsonNumber("total").longValue());
        assertEquals(List.of("first"), fields(problem(400, jacob.get("tasks?first=-1"))));
    }

    /** The task page's filter as query parameters: scope, search, sort; unknown values are named. */
    @Test
    void theTaskListTakesTheTaskPagesFilterAndOrder() throws Exception {
        long first = openApproval();
        long second = openApproval();
        assertEquals(List.of(first, second), ids(jacob.get("tasks?class=ApiOrder&sort=oldest&max=500")).stream()
                .filter(id -> id == first || id == second).toList(), "oldest first");
        assertEquals(List.of(second, first), ids(jacob.get("tasks?class=ApiOrder&sort=newest&max=500")).stream()
                .filter(id -> id == first || id == second).toList(), "newest first");
        ok(200, jacob.post("tasks/" + second + "/claim", ""));
        assertEquals(List.of(second), ids(jacob.get("tasks?scope=claimed&class=ApiOrder")), "claimed by jacob");
        assertTrue(ids(jacob.get("tasks?q=" + URLEncoder.encode("approve", StandardCharsets.UTF_8) + "&max=500"))
                .containsAll(List.of(first, second)), "searched by description");
        assertEquals(List.of(), ids(jacob.get("tasks?class=ApiOrder&q=nothing-like-this")));
        assertEquals(List.of(), ids(jacob.get("tasks?class=ApiOrder&overdue=true")), "no due time: never overdue");
        assertEquals(List.of("sort"), fields(problem(400, jacob.get("tasks?sort=sideways"))));
        assertEquals(List.of("scope"), fields(problem(400, jacob.get("tasks?scope=everyone"))));
    }

    private static List<Long> ids(java.net.http.HttpResponse<String> response) {
        return ok(200, response).getJsonArray("items").stream().map(t -> t.asJsonObject().getJsonNumber("id").longValue())
                .toList();
    }

    private long openApproval() throws Exception {
        long id = ok(201, admin.post("definitions/" + ORDER + "/instances", "{}")).getJsonNumber("id").longValue();
        return ok(200, jacob.get("tasks?class=ApiOrder&max=500")).getJsonArray("items").stream().map(JsonValue::asJsonObject)
                        .filter(t -> t.getJsonNumber("automationId").longValue() == id).findFirst().orElseThrow()
                        .getJsonNumber("id").longValue();
    }

    private static Map<String, JsonObject> byName(JsonObject task) {
        return task.getJsonArray("fields").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(f -> f.getString("name"), Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static List<String> waitingAt(JsonObject instance) {
        return instance.getJsonArray("waitingAt").getValuesAs(JsonString::getString);
    }
}
