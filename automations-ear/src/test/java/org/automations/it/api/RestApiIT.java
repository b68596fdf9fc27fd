package org.automations.it.api;

import static org.automations.it.api.ApiCalls.as;
import static org.automations.it.api.ApiCalls.fields;
import static org.automations.it.api.ApiCalls.idFromLocation;
import static org.automations.it.api.ApiCalls.ok;
import static org.automations.it.api.ApiCalls.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.automations.Automations;
import org.automations.demo.NewsletterSignup;
import org.automations.it.Deployments;
import org.automations.model.AutomationStatus;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13: the REST API's definitions, instances, messages and administration, over HTTP with the
 * demo users' Basic credentials. Every refusal is a problem (ApiCalls.problem checks its shape).
 */
@ExtendWith(ArquillianExtension.class)
class RestApiIT {

    private static final String ORDER = ApiOrder.class.getName();

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(RestApiIT.class, ApiCalls.class, ApiOrder.class, Approval.class, Approval.Level.class);
    }

    @Inject
    Automations automations;

    private final ApiCalls admin = as("admin");

    @Test
    void definitionsListNodesReceiversAndTheirDataRequirements() throws Exception {
        HttpResponse<String> response = admin.get("definitions");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject order = ApiCalls.json(response).asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("className").equals(ORDER)).findFirst().orElseThrow();

        assertEquals("API order", order.getString("verboseName"));
        assertEquals(List.of("check", "approve", "end"), order.getJsonArray("nodes").stream()
                .map(n -> n.asJsonObject().getString("name")).toList());
        assertEquals("Form", order.getJsonArray("nodes").getJsonObject(1).getString("type"));
        JsonObject pay = order.getJsonArray("receivers").getJsonObject(0);
        assertEquals("pay", pay.getString("message"));
        assertEquals("amount", pay.getJsonArray("requires").getJsonObject(0).getString("name"));
        assertEquals("BigDecimal", pay.getJsonArray("requires").getJsonObject(0).getString("type"));

        assertEquals(ORDER, ok(200, admin.get("definitions/ApiOrder")).getString("className"), "by simple name too");
        problem(404, admin.get("definitions/org.example.Nothing"));
    }

    @Test
    void theGraphHasTheNodesAndEdgesOfTheHistoryPage() throws Exception {
        JsonObject graph = ok(200, admin.get("definitions/org.automations.demo.IssueDiscussion/graph"));

        List<String> nodes = graph.getJsonArray("nodes").stream().map(n -> n.asJsonObject().getString("name")).toList();
        assertTrue(nodes.containsAll(List.of("start", "parallel", "moderate", "join", "end")), nodes.toString());
        List<String> edges = graph.getJsonArray("edges").stream().map(JsonValue::asJsonObject)
                .map(e -> e.getString("from") + ">" + e.getString("to")).toList();
        assertTrue(edges.containsAll(List.of("parallel>moderation", "parallel>warning", "parallel>confCall",
                "repeat>moderation", "evaluate>end")), edges.toString());
        problem(404, admin.get("definitions/Nothing/graph"));
    }

    @Test
    void creatingAnswers201WithLocationAndTheInstance() throws Exception {
        HttpResponse<String> response = admin.post("definitions/" + ORDER + "/instances", "{\"customer\": \"Ada\", \"lines\": [1, 2]}");

        JsonObject created = ok(201, response);
        long id = idFromLocation(response);
        assertEquals(id, created.getJsonNumber("id").longValue());
        assertEquals(ApiCalls.API.resolve("instances/" + id).toString(), response.headers().firstValue("Location").orElseThrow());
        assertEquals("RUNNING", created.getString("status"));
        assertEquals(List.of("approve"), created.getJsonArray("waitingAt").getValuesAs(jakarta.json.JsonString::getString),
                "it ran up to the form at once");
        assertEquals("Ada", created.getJsonObject("data").getString("customer"));

        JsonObject read = ok(200, admin.get("instances/" + id));
        assertEquals(ORDER, read.getString("className"));
        assertEquals(2, read.getJsonObject("data").getJsonArray("lines").size());
        assertEquals(AutomationStatus.RUNNING, automations.getModel(id).orElseThrow().getStatus());
    }

    @Test
    void withoutAutorunTheInstanceWaitsForTheTick() throws Exception {
        JsonObject created = ok(201, admin.post("definitions/" + ORDER + "/instances?autorun=false", "{}"));

        assertEquals(List.of(), created.getJsonArray("waitingAt").getValuesAs(jakarta.json.JsonString::getString));
        assertNotNull(created.getString("nextRun"), "due at once for the tick");
    }

    @Test
    void aUniqueClassAnswersWithTheExistingInstance() throws Exception {
        String email = "api-" + System.nanoTime() + "@example.org";
        HttpResponse<String> first = admin.post("definitions/" + NewsletterSignup.class.getName() + "/instances",
                "{\"email\": \"" + email + "\"}");
        HttpResponse<String> second = admin.post("definitions/NewsletterSignup/instances", "{\"email\": \"" + email + "\"}");

        long id = ok(201, first).getJsonNumber("id").longValue();
        assertEquals(id, ok(200, second).getJsonNumber("id").longValue());
        assertTrue(second.headers().firstValue("Content-Location").orElseThrow().endsWith("/instances/" + id));
        JsonObject missing = problem(400, admin.post("definitions/NewsletterSignup/instances", "{}"));
        assertEquals(List.of("email"), fields(missing));
    }

    @Test
    void badParametersAnswer400NamingTheField() throws Exception {
        assertEquals(List.of("body"), fields(problem(400, admin.post("definitions/" + ORDER + "/instances", "{\"customer\": "))));
        assertEquals(List.of("body"), fields(problem(400, admin.post("definitions/" + ORDER + "/instances", "[1, 2]"))));
        JsonObject reserved = problem(400, admin.post("definitions/" + ORDER + "/instances", "{\"_check_validated\": true, \"approve\": 1}"));
        assertEquals(List.of("_check_validated", "approve"), fields(reserved));
        assertTrue(reserved.getString("detail").contains(ORDER), reserved.toString());
        problem(415, admin.send(admin.request("definitions/" + ORDER + "/instances").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("customer=Ada"))));
        problem(404, admin.post("definitions/org.example.Nothing/instances", "{}"));
    }

    @Test
    void instancesAreFilteredAndPagedInTheDatabase() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        long failedId = ok(201, admin.post("definitions/" + ORDER + "/instances", "{\"explode\": true}")).getJsonNumber("id").longValue();
        for (int i = 0; i < 3; i++) {
            admin.post("definitions/" + ORDER + "/instances", "{\"n\": " + i + "}");
        }

        JsonObject waiting = ok(200, admin.get("instances?class=ApiOrder&waitingAt=approve&createdSince=" + since + "&max=2"));
        assertEquals(3, waiting.getJsonNumber("total").longValue(), waiting.toString());
        assertEquals(2, waiting.getJsonArray("items").size());
        JsonObject rest = ok(200, admin.get("instances?class=ApiOrder&waitingAt=approve&createdSince=" + since + "&first=2&max=2"));
        assertEquals(1, rest.getJsonArray("items").size());
        JsonObject failed = ok(200, admin.get("instances?class=" + ORDER + "&status=failed&createdSince=" + since));
        assertEquals(List.of(failedId), failed.getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getJsonNumber("id").longValue()).toList());

        assertEquals(List.of("status"), fields(problem(400, admin.get("instances?status=DONE"))));
        assertEquals(List.of("createdSince"), fields(problem(400, admin.get("instances?createdSince=yesterday"))));
        assertEquals(List.of("max"), fields(problem(400, admin.get("instances?max=100000"))));
        problem(404, admin.get("instances/999999999"));
        problem(404, admin.get("instances/not-a-number"));
    }

    @Test
    void aMessageReachesTheReceiverAndItsDataRequirementsAreChecked() throws Exception {
        long id = ok(201, admin.post("definitions/" + ORDER + "/instances", "{}")).getJsonNumber("id").longValue();

        JsonObject delivered = ok(200, admin.post("instances/" + id + "/messages/pay", "{\"token\": \"t-1\", \"data\": {\"amount\": \"12.50\"}}"));
        assertEquals("12.50", delivered.getJsonObject("result").getString("paid"));
        assertEquals("t-1", delivered.getJsonObject("result").getString("token"));
        assertEquals("12.50", delivered.getJsonObject("instance").getJsonObject("data").getString("paid"));
        assertEquals("12.50", automations.getModel(id).orElseThrow().getData().getString("paid"), "saved by the receiver");

        JsonObject unmet = problem(422, admin.post("instances/" + id + "/messages/pay", "{\"data\": {\"amount\": \"a lot\"}}"));
        assertEquals(List.of("data.amount"), fields(unmet));
        problem(422, admin.post("instances/" + id + "/messages/pay", "{}"));
        assertEquals(List.of("data"), fields(problem(400, admin.post("instances/" + id + "/messages/pay", "{\"data\": 5}"))));
        problem(404, admin.post("instances/999999999/messages/pay", "{\"data\": {\"amount\": 1}}"));
    }

    @Test
    void aFinishedInstanceTakesNoMessages() throws Exception {
        long id = ok(201, admin.post("definitions/" + ORDER + "/instances", "{\"explode\": true}")).getJsonNumber("id").longValue();

        JsonObject gone = problem(404, admin.post("instances/" + id + "/messages/pay", "{\"data\": {\"amount\": 1}}"));
        assertTrue(gone.getString("detail").contains("FAILED"), gone.toString());
    }

    @Test
    void broadcastReachesEveryUnfinishedInstanceAndCreateStartsOne() throws Exception {
        long a = ok(201, admin.post("definitions/" + ORDER + "/instances", "{}")).getJsonNumber("id").longValue();
        long b = ok(201, admin.post("definitions/" + ORDER + "/instances", "{}")).getJsonNumber("id").longValue();

        JsonObject broadcast = ok(200, admin.post("definitions/" + ORDER + "/messages/pay", "{\"data\": {\"amount\": 3}}"));
        assertTrue(broadcast.getInt("delivered") >= 2, broadcast.toString());
        assertEquals("3", automations.getModel(a).orElseThrow().getData().getString("paid"));
        assertEquals("3", automations.getModel(b).orElseThrow().getData().getString("paid"));

        HttpResponse<String> started = admin.post("definitions/" + ORDER + "/messages/pay?create=true", "{\"data\": {\"amount\": 7}}");
        JsonObject created = ok(201, started);
        assertEquals("7", created.getJsonObject("data").getString("paid"));
        assertEquals(idFromLocation(started), created.getJsonNumber("id").longValue());
        assertEquals(List.of("data.amount"), fields(problem(422, admin.post("definitions/" + ORDER + "/messages/pay?create=true", "{}"))));
        problem(422, admin.post("definitions/" + ORDER + "/messages/nothing?create=true", "{}"));
    }

    @Test
    void theHistoryShowsTheStepsAndTheFailure() throws Exception {
        long id = ok(201, admin.post("definitions/" + ORDER + "/instances", "{\"explode\": true}")).getJsonNumber("id").longValue();

        JsonObject history = ok(200, admin.get("instances/" + id + "/history"));
        assertEquals(1, history.getJsonNumber("total").longValue(), history.toString());
        JsonObject step = history.getJsonArray("steps").getJsonObject(0);
        assertEquals("check", step.getString("node"));
        assertTrue(step.getBoolean("failed"));
        assertTrue(step.getString("error").contains("The order check failed on purpose"), step.toString());
        assertEquals(500, history.getInt("window"));
        problem(404, admin.get("instances/999999999/history"));
    }

    @Test
    void retrySkipAndKillActOnFailedAutomations() throws Exception {
        long id = ok(201, admin.post("definitions/" + ORDER + "/instances", "{\"explode\": true}")).getJsonNumber("id").longValue();

        JsonObject retried = ok(200, admin.post("instances/" + id + "/retry", ""));
        assertEquals("FAILED", retried.getString("status"), "the step fails again");
        JsonObject skipped = ok(200, admin.post("instances/" + id + "/skip", ""));
        assertEquals("RUNNING", skipped.getString("status"));
        assertEquals(List.of("approve"), skipped.getJsonArray("waitingAt").getValuesAs(jakarta.json.JsonString::getString));
        List<String> nodes = ok(200, admin.get("instances/" + id + "/history")).getJsonArray("steps").stream()
                .map(step -> step.asJsonObject().getString("node")).toList();
        assertEquals("approve", nodes.get(nodes.size() - 1), nodes.toString());
        assertTrue(nodes.stream().filter("check"::equals).count() >= 2, "retried: " + nodes);
        problem(409, admin.post("instances/" + id + "/retry", ""));
        problem(409, admin.post("instances/" + id + "/skip", ""));

        assertEquals(204, admin.delete("instances/" + id).statusCode());
        assertFalse(automations.getModel(id).isPresent());
        problem(404, admin.delete("instances/" + id));
        problem(404, admin.post("instances/" + id + "/retry", ""));
    }

    @Test
    void theHistoryCleanupStartsAndReportsProgress() throws Exception {
        HttpResponse<String> started = admin.post("history-cleanup", "{\"days\": 3650}");

        JsonObject run = ok(202, started);
        long execution = run.getJsonNumber("execution").longValue();
        assertTrue(started.headers().firstValue("Location").orElseThrow().endsWith("/history-cleanup/" + execution));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                !ok(200, admin.get("history-cleanup/" + execution)).getBoolean("running"));
        JsonObject done = ok(200, admin.get("history-cleanup/" + execution));
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("3650", done.getString("days"));
        assertEquals(100, done.getInt("percentDone"));

        assertEquals(List.of("days"), fields(problem(400, admin.post("history-cleanup", "{\"days\": -1}"))));
        assertEquals(List.of("days"), fields(problem(400, admin.post("history-cleanup", "{}"))));
        assertEquals(List.of("includeFailed"), fields(problem(400, admin.post("history-cleanup", "{\"days\": 30, \"includeFailed\": \"yes\"}"))));
        problem(404, admin.get("history-cleanup/987654321"));
    }

    @Test
    void aMoveAndAMigrationPlanAreCheckedAndAnswerWhatIsWrong() throws Exception {
        long id = ok(201, admin.post("definitions/" + ORDER + "/instances", "{\"explode\": true}")).getJsonNumber("id").longValue();
        assertEquals(List.of("node"), fields(problem(400, admin.post("instances/" + id + "/move", "{}"))));
        JsonObject unknown = problem(400, admin.post("instances/" + id + "/move", "{\"node\": \"nowhere\"}"));
        assertTrue(unknown.getString("detail").contains("declares no node 'nowhere'"), unknown.toString());
        JsonObject moved = ok(200, admin.post("instances/" + id + "/move", "{\"node\": \"end\", \"data\": {\"reason\": \"ticket 7\"}}"));
        assertEquals("FINISHED", moved.getString("status"), moved.toString());
        assertEquals("ticket 7", moved.getJsonObject("data").getString("reason"));
        problem(409, admin.post("instances/" + id + "/move", "{\"node\": \"end\"}"));

        assertEquals(List.of("body"), fields(problem(400, admin.post("migrations/dry-run", "{\"moves\": {}}"))));
        JsonObject refused = problem(422, admin.post("migrations",
                "{\"className\": \"" + ORDER + "\", \"moves\": {\"check\": \"nowhere\"}}"));
        assertTrue(refused.getString("detail").contains("Cannot continue at 'nowhere'"), refused.toString());
        problem(404, admin.get("migrations/987654321"));
        problem(400, admin.get("migrations/groups"));
    }

    @Test
    void theRolesOfThePagesHoldForTheApi() throws Exception {
        long id = ok(201, admin.post("definitions/" + ORDER + "/instances", "{\"explode\": true}")).getJsonNumber("id").longValue();
        ApiCalls mary = as("mary");
        ApiCalls viewer = as("viewer");

        problem(403, mary.get("definitions"));
        problem(403, mary.get("instances/" + id));
        problem(403, mary.post("definitions/" + ORDER + "/instances", "{}"));
        problem(403, mary.post("instances/" + id + "/messages/pay", "{\"data\": {\"amount\": 1}}"));
        // viewer: the dashboard's roles, not the history's.
        ok(200, viewer.get("instances/" + id));
        problem(403, viewer.get("instances/" + id + "/history"));
        problem(403, viewer.post("instances/" + id + "/retry", ""));
        problem(403, viewer.delete("instances/" + id));
        problem(403, viewer.post("history-cleanup", "{\"days\": 30}"));
        problem(403, viewer.post("instances/" + id + "/move", "{\"node\": \"end\"}"));
        String plan = "{\"className\": \"" + ORDER + "\", \"moves\": {\"check\": \"end\"}}";
        problem(403, viewer.get("migrations/groups?className=" + ORDER));
        problem(403, viewer.post("migrations/dry-run", plan));
        problem(403, viewer.post("migrations", plan));
        assertEquals(AutomationStatus.FAILED, automations.getModel(id).orElseThrow().getStatus(), "nothing happened");
        assertEquals(1, automations.getTasks(id).size());
    }
}
