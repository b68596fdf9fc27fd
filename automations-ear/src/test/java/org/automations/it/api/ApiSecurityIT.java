package org.automations.it.api;

import static org.automations.it.api.ApiCalls.as;
import static org.automations.it.api.ApiCalls.ok;
import static org.automations.it.api.ApiCalls.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.automations.it.Deployments;
import org.automations.it.HttpSessions;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13: who may call the API and how it refuses: 401 with a Basic challenge, the session cookie
 * only with a header a cross-site form cannot send, problems for JAX-RS's own refusals; and the
 * OpenAPI document listing every resource method with its answers (read from the classes here).
 */
@ExtendWith(ArquillianExtension.class)
class ApiSecurityIT {

    /** The web module's resources (this test runs in its WAR; the test class path does not hold them). */
    private static final List<String> RESOURCES = List.of("DefinitionsResource", "InstancesResource", "TasksResource",
            "HistoryCleanupResource", "MigrationsResource");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(ApiSecurityIT.class, ApiCalls.class, ExplodingResource.class);
    }

    @Test
    void withoutCredentialsEveryResourceAnswers401WithABasicChallenge() throws Exception {
        for (String path : List.of("definitions", "instances", "instances/1", "tasks", "tasks/1", "history-cleanup/1", "migrations/1", "nothing")) {
            HttpResponse<String> response = ApiCalls.anonymous().get(path);
            problem(401, response);
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"automations\""), path);
        }
        problem(401, ApiCalls.anonymous().post("definitions/org.automations.demo.IssueDiscussion/instances", "{}"));
    }

    @Test
    void aWrongPasswordIs401AndCreatesNoSession() throws Exception {
        HttpResponse<String> wrong = as("jacob", "not-jacob").get("tasks");
        JsonObject problem = problem(401, wrong);
        assertTrue(problem.getString("detail").contains("wrong"), problem.toString());

        HttpResponse<String> right = as("jacob").get("tasks");
        ok(200, right);
        assertFalse(right.headers().firstValue("Set-Cookie").isPresent(), "an API call needs no session: " + right.headers());
    }

    @Test
    void wrongBasicPasswordsLockTheClientAddressNotTheUser() throws Exception {
        String attacker = "127.0.0.3"; // HeadersAndLoginIT's attacker is 127.0.0.2
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, status(rawGet(attacker, "jacob", "guess-" + i)), "failure " + i);
        }

        String locked = rawGet(attacker, "jacob", "jacob");
        assertEquals(429, status(locked), locked);
        assertTrue(locked.contains("application/problem+json"), locked);
        assertTrue(locked.contains("Retry-After:"), locked);
        assertTrue(locked.contains("try again in 1 minute(s)"), locked);
        ok(200, as("jacob").get("tasks")); // the user, from another address
    }

    /** A GET of the task list with Basic credentials from {@code localAddress}: the whole reply (HTTP/1.0). */
    private static String rawGet(String localAddress, String user, String password) throws Exception {
        URI uri = ApiCalls.API.resolve("tasks");
        String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", uri.getPort()));
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + uri.getPath() + " HTTP/1.0\r\nHost: localhost:" + uri.getPort()
                    + "\r\nAuthorization: Basic " + credentials + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static int status(String reply) {
        String[] words = reply.split(" ", 3);
        return words.length < 2 ? 0 : Integer.parseInt(words[1]);
    }

    @Test
    void theSessionCookieChangesNothingWithoutTheScriptHeader() throws Exception {
        HttpClient session = HttpSessions.loggedIn("admin", "admin", Deployments.BASE_URI.resolve("errors"));
        ApiCalls page = ApiCalls.withSession(session);
        String start = "definitions/org.automations.demo.IssueDiscussion/instances";

        assertEquals(200, page.get("definitions").statusCode(), "reading needs no header");
        JsonObject refused = problem(403, page.post(start, "{\"issueList\": \"csrf\"}"));
        assertTrue(refused.getString("detail").contains("X-Requested-With"), refused.toString());
        problem(403, page.send(page.request("history-cleanup").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"days\": 0}"))));
        problem(403, page.send(page.request("instances/1").DELETE()));

        HttpResponse<String> allowed = page.send(page.request(start).header("Content-Type", "application/json")
                .header("X-Requested-With", "XMLHttpRequest").POST(HttpRequest.BodyPublishers.ofString("{\"issueList\": \"script\"}")));
        ok(201, allowed);
    }

    @Test
    void jaxRsRefusalsAreProblemsToo() throws Exception {
        ApiCalls admin = as("admin");
        problem(404, admin.get("nothing/here"));
        HttpResponse<String> notAllowed = admin.send(admin.request("definitions").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        problem(405, notAllowed);
        problem(406, admin.send(admin.request("definitions").setHeader("Accept", "text/html").GET()));
        problem(415, admin.send(admin.request("history-cleanup").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<days>1</days>"))));
    }

    @Test
    void anUnexpectedErrorIsA500ProblemNamingAnIdNotTheTrace() throws Exception {
        JsonObject problem = problem(500, as("admin").get("test-exploding"));

        assertTrue(problem.getString("detail").matches(".*its log names this error [0-9a-f-]{36}\\..*"), problem.toString());
        assertFalse(problem.toString().contains("Secret"), problem.toString());
    }

    @Test
    void apiAnswersCarryTheSecurityHeadersAndNoServerName() throws Exception {
        for (HttpResponse<String> response : List.of(as("admin").get("definitions"), ApiCalls.anonymous().get("tasks"),
                as("admin").get("instances/0"))) {
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), response.uri().toString());
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertFalse(response.headers().firstValue("Server").isPresent(), response.headers().toString());
            assertFalse(response.headers().firstValue("X-Powered-By").isPresent(), response.headers().toString());
        }
    }

    @Test
    void theOpenApiDocumentHasEveryResourceMethodWithItsAnswers() throws Exception {
        URI openapi = Deployments.BASE_URI.resolve("/openapi?format=JSON");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(openapi).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject document;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            document = reader.readObject();
        }
        JsonObject paths = document.getJsonObject("paths");

        List<String> checked = new ArrayList<>();
        for (String name : RESOURCES) {
            Class<?> resource = Class.forName("org.automations.web.api." + name);
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                String path = "/automations/api/" + resource.getAnnotation(Path.class).value()
                        + (method.isAnnotationPresent(Path.class) ? "/" + method.getAnnotation(Path.class).value() : "");
                JsonObject item = paths.getJsonObject(path);
                assertNotNull(item, path + " is missing from " + paths.keySet());
                JsonObject operation = item.getJsonObject(verb);
                assertNotNull(operation, verb + " " + path);
                assertFalse(operation.getString("summary", "").isBlank(), verb + " " + path + " has no summary");
                JsonObject responses = operation.getJsonObject("responses");
                List<APIResponse> declared = new ArrayList<>(List.of(method.getAnnotationsByType(APIResponse.class)));
                declared.addAll(List.of(resource.getAnnotationsByType(APIResponse.class)));
                for (APIResponse answer : declared) {
                    assertTrue(responses.containsKey(answer.responseCode()), verb + " " + path + " lacks " + answer.responseCode());
                }
                assertTrue(responses.containsKey("401"), verb + " " + path + " documents no 401");
                checked.add(verb + " " + path);
            }
        }
        assertEquals(25, checked.size(), checked.toString());
        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals("basic", schemes.getJsonObject("basic").getString("scheme"));
        assertTrue(document.getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
    }

    private static String verb(Method method) {
        for (Class<? extends java.lang.annotation.Annotation> verb : List.of(GET.class, POST.class, DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
