package org.automations.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.automations.Automations;
import org.automations.demo.IssueDiscussion;
import org.automations.it.Deployments;
import org.automations.it.FacesForms;
import org.automations.it.HttpSessions;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16, finding 6: inputs are refused, never silently changed: a text longer than its
 * {@code @Size} gets the field's message and nothing is stored; a {@code back} path with odd
 * characters falls back to the task list; the dashboard caps its period; a request line over 16 kB
 * answers 414 over HTTP/1.1 and HTTP/2 instead of an empty reply.
 */
@ExtendWith(ArquillianExtension.class)
class InputsIT {

    private static final URI BASE = Deployments.BASE_URI;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(InputsIT.class);
    }

    @Inject
    Automations automations;

    @Test
    void aTextLongerThanItsSizeIsRefusedAtTheFieldNotCut() throws Exception {
        long automation = newDiscussion();
        HttpClient jacob = HttpSessions.loggedIn("jacob", "jacob", BASE.resolve("tasks"));
        String page = HttpSessions.get(jacob, BASE.resolve("tasks/" + moderation(automation).getId())).body();

        for (int length : new int[] {201, 100_000}) {
            HttpResponse<String> answer = FacesForms.submit(jacob, page, "form", "form:submit",
                    Map.of("form:summary", "x".repeat(length)));

            assertEquals(200, answer.statusCode(), "length " + length);
            assertTrue(answer.body().contains("size must be between 0 and 200"), "length " + length + ": "
                    + answer.body().substring(0, Math.min(answer.body().length(), 5000)));
            assertNull(moderation(automation).getFinished(), "the task stays open");
            assertNull(automations.find(automation).orElseThrow().data().get("moderate"), "nothing stored");
        }
        FacesForms.submit(jacob, page, "form", "form:submit", Map.of("form:summary", "x".repeat(200)));
        assertEquals("x".repeat(200), automations.find(automation).orElseThrow().data().getMap("moderate").get("summary"),
                "200 characters fit");
    }

    @Test
    void aBackPathWithOddCharactersFallsBackToTheTaskList() throws Exception {
        long automation = newDiscussion();
        HttpClient jacob = HttpSessions.loggedIn("jacob", "jacob", BASE.resolve("tasks"));
        String page = HttpSessions.get(jacob, BASE.resolve("tasks/" + moderation(automation).getId()
                + "?back=%2F%E3%80%80%2Fevil.example")).body();
        HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(jacob.cookieHandler().orElseThrow())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> answer = FacesForms.submit(noRedirects, page, "form", "form:submit",
                Map.of("form:summary", "fine"));

        assertEquals(302, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElse("(none)");
        assertTrue(location.endsWith("/automations/tasks"), location);
    }

    @Test
    void theDashboardRefusesAPeriodOfTenThousandDays() throws Exception {
        HttpClient admin = HttpSessions.loggedIn("admin", "admin", BASE.resolve("dashboard"));

        HttpResponse<String> page = HttpSessions.get(admin, BASE.resolve("dashboard?history=10000"));

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"invalidHistory\""), "says the period was not used");
        assertTrue(page.body().length() < 500_000, "a page, not " + page.body().length() + " characters");
    }

    /** configure.cli's uri-too-long filter: 16384 characters of request line pass, more answer 414. */
    @Test
    void aRequestLineOverSixteenKilobytesAnswers414WithASmallBodyAndANormalOneStill200() throws Exception {
        String normal = "GET /automations/index.xhtml?x=a HTTP/1.1";
        String longest = "GET /automations/index.xhtml?x=" + "a".repeat(16384 - normal.length() + 1) + " HTTP/1.1";
        assertEquals(16384, longest.length());

        assertEquals("HTTP/1.1 200 OK", statusLine(rawGet(normal)));
        assertEquals("HTTP/1.1 200 OK", statusLine(rawGet(longest)));
        for (int length : new int[] {16385, 70_000}) {
            String line = "GET /automations/index.xhtml?x=" + "a".repeat(length - normal.length() + 1) + " HTTP/1.1";
            assertEquals(length, line.length());
            String reply = rawGet(line);
            assertTrue(statusLine(reply).startsWith("HTTP/1.1 414 "), length + ": " + reply);
            String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
            assertTrue(body.length() < 200 && body.contains("414") && !body.contains("Exception"), body);
        }
    }

    /**
     * Over HTTP/2 (https, as browsers speak it) Undertow's own cap of 20000 bytes of headers ended the
     * connection without any answer; configure.cli raises it, so a long address gets its 414 here too.
     */
    @Test
    void aLongAddressOverHttp2Answers414TooNotAnEmptyReply() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(HttpSessions.trustingEveryCertificate()).build();
        URI https = URI.create("https://localhost:" + (8443 + BASE.getPort() - 8080) + BASE.getPath());

        HttpResponse<String> normal = http2.send(HttpRequest.newBuilder(https.resolve("index.xhtml?x=a")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tooLong = http2.send(HttpRequest.newBuilder(https.resolve("index.xhtml?x="
                + "a".repeat(70_000))).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(HttpClient.Version.HTTP_2, normal.version());
        assertEquals(200, normal.statusCode());
        assertEquals(HttpClient.Version.HTTP_2, tooLong.version());
        assertEquals(414, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().length() < 200 && !tooLong.body().contains("Exception"), tooLong.body());
    }

    /** A GET with exactly this request line (java.net.http adds nothing, but checks nothing either); the whole reply. */
    private static String rawGet(String requestLine) throws Exception {
        try (Socket socket = new Socket(BASE.getHost(), BASE.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String statusLine(String reply) {
        int end = reply.indexOf("\r\n");
        return end < 0 ? "(empty reply: " + reply + ")" : reply.substring(0, end);
    }

    private long newDiscussion() {
        return automations.create(IssueDiscussion.class, Map.of("issueList", "inputs", "pendingMails", 1)).getId();
    }

    private AutomationTaskModel moderation(long automation) {
        return automations.getTasks(automation).stream().filter(t -> t.getStatus().equals("moderate"))
                .reduce((first, second) -> second).orElseThrow();
    }
}
