package org.automations.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.automations.it.Deployments;

/** HTTP calls to the REST API as a client sends them: HTTP Basic as one of the demo users, JSON bodies. */
final class ApiCalls {

    static final URI API = Deployments.BASE_URI.resolve("api/");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String authorization;
    private final HttpClient client;

    private ApiCalls(String authorization, HttpClient client) {
        this.authorization = authorization;
        this.client = client;
    }

    static ApiCalls as(String user, String password) {
        return new ApiCalls("Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)), CLIENT);
    }

    /** The demo user whose password is the user name. */
    static ApiCalls as(String user) {
        return as(user, user);
    }

    static ApiCalls anonymous() {
        return new ApiCalls(null, CLIENT);
    }

    /** Calls with a client's cookies (a session from the FORM login) and no Authorization header. */
    static ApiCalls withSession(HttpClient session) {
        return new ApiCalls(null, session);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(request(path).DELETE());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(API.resolve(path)).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) json(response);
    }

    static JsonStructure json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }

    /** Asserts a success status and returns the body as an object. */
    static JsonObject ok(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        return object(response);
    }

    /**
     * Asserts an RFC 9457 problem: the status, problem+json, the status repeated in the body, a
     * detail, and nothing of a stack trace or the server's make.
     */
    static JsonObject problem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim(),
                response.body());
        JsonObject problem = object(response);
        assertEquals(status, problem.getInt("status"), response.body());
        assertTrue(problem.containsKey("title") && problem.containsKey("type"), response.body());
        assertFalse(response.body().matches("(?s).*(\\tat |Exception|org\\.jboss|WildFly|Undertow|RESTEASY).*"), response.body());
        return problem;
    }

    /** The field names of a problem's errors. */
    static java.util.List<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
    }

    static long idFromLocation(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
