package org.automations.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.automations.it.Deployments;
import org.automations.it.HttpSessions;
import org.automations.it.WhoAmIServlet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16, findings 3, 4 and 7: security headers and cookie flags on every kind of page, login and
 * logout refusing cross-site POSTs, a logout redirect that ignores the Host header, a short, growing
 * lockout of the address that sent wrong passwords that says so and never locks the real user out,
 * and demo passwords stored hashed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HeadersAndLoginIT {

    private static final URI BASE = Deployments.BASE_URI;
    private static final int PORT = BASE.getPort();
    private static final int HTTPS_PORT = 8443 + PORT - 8080;
    /** Another client address: Linux routes all of 127.0.0.0/8 to the loopback device. */
    private static final String ATTACKER = "127.0.0.2";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear(WhoAmIServlet.class);
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        for (String page : List.of("", "login.xhtml", "newsletter-confirm.xhtml", "no-such-page.xhtml")) {
            HttpHeaders headers = HttpSessions.get(HttpClient.newHttpClient(), BASE.resolve(page)).headers();
            assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(null), page);
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null), page);
            assertEquals("same-origin", headers.firstValue("Referrer-Policy").orElse(null), page);
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'"), page + ": " + csp);
            String scripts = csp.substring(csp.indexOf("script-src"));
            assertTrue(scripts.matches("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+';?"), page + ": " + csp);
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureOverHttps() throws Exception {
        String plain = sessionCookie(HttpClient.newHttpClient(), BASE);
        String secure = sessionCookie(HttpClient.newBuilder().sslContext(HttpSessions.trustingEveryCertificate()).build(),
                URI.create("https://localhost:" + HTTPS_PORT + BASE.getPath()));

        assertTrue(plain.contains("HttpOnly"), plain);
        assertTrue(plain.contains("SameSite=Lax"), plain);
        assertFalse(plain.toLowerCase().contains("secure"), "no Secure over plain HTTP: " + plain);
        assertTrue(secure.toLowerCase().contains("; secure"), secure);
        assertTrue(secure.contains("HttpOnly") && secure.contains("SameSite=Lax"), secure);
    }

    @Test
    void aCrossSiteLoginIsRefusedAndASameSiteOneWorks() throws Exception {
        HttpClient victim = clientAtLoginForm();
        HttpResponse<String> crossSite = login(victim, "mary", "mary", "http://evil.example");
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        assertTrue(HttpSessions.get(victim, BASE.resolve("it/whoami")).body().contains("j_security_check"),
                "not logged in");

        HttpClient user = clientAtLoginForm();
        login(user, "mary", "mary", "http://localhost:" + PORT);
        assertEquals("user=mary roles=", HttpSessions.get(user, BASE.resolve("it/whoami")).body());
    }

    @Test
    void aCrossSiteLogoutIsRefusedAndLogoutRedirectsRelatively() throws Exception {
        HttpClient jacob = HttpSessions.loggedIn("jacob", "jacob", BASE.resolve("it/whoami"));

        HttpResponse<String> crossSite = jacob.send(HttpRequest.newBuilder(BASE.resolve("logout"))
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode());
        assertEquals("user=jacob roles=Moderators", HttpSessions.get(jacob, BASE.resolve("it/whoami")).body());

        List<String> reply = rawPost("/automations/logout", "evil.example");
        assertTrue(reply.get(0).startsWith("HTTP/1.1 303"), reply.toString());
        assertTrue(reply.contains("Location: /automations/"), "relative, whatever the Host: " + reply);
    }

    /**
     * Finding 3: twelve wrong passwords for mary from one address (127.0.0.2, the attacker) lock that
     * address, not mary: the lock says how long it lasts, refuses even the right password from there
     * before the realm sees it, and lets mary in from her own address (127.0.0.1) right away. Only five
     * of the twelve reached the realm, below Elytron's lock per name. The lock is short and grows: a
     * minute later the attacker's address may log in again, and its next failure locks it for two.
     */
    @Test
    void wrongPasswordsLockTheAttackersAddressBrieflyNotTheUserAndTheLockGrows() throws Exception {
        String last = "";
        for (int i = 0; i < 5; i++) {
            last = rawLogin(ATTACKER, "mary", "wrong-" + i);
        }
        assertEquals(200, status(last), "the failure that locks is still a failed login: " + last);
        assertTrue(last.contains("id=\"tooManyAttempts\""), last);
        assertTrue(last.contains("Too many attempts: try again in 1 minute(s)."), last);
        for (int i = 5; i < 12; i++) {
            String refused = rawLogin(ATTACKER, "mary", i == 11 ? "mary" : "wrong-" + i);
            assertEquals(429, status(refused), refused);
            assertTrue(refused.matches("(?s).*\r\nRetry-After: [1-6]?[0-9]\r\n.*"), refused);
            assertTrue(refused.contains("Too many attempts: try again in 1 minute(s)."), "even the right password: " + refused);
        }

        HttpClient mary = clientAtLoginForm();
        login(mary, "mary", "mary", null);
        assertEquals("user=mary roles=", HttpSessions.get(mary, BASE.resolve("it/whoami")).body(),
                "mary, from another address, gets in while the attacker's address is locked");

        Thread.sleep(Duration.ofSeconds(61).toMillis());
        String again = rawLogin(ATTACKER, "mary", "mary");
        assertTrue(status(again) == 302 || status(again) == 303, "logged in: " + again);
        String next = rawLogin(ATTACKER, "mary", "wrong-again");
        assertTrue(next.contains("Too many attempts: try again in 2 minute(s)."), next);
    }

    /** Finding 7: the realm files hold bcrypt hashes, never a demo password in clear. */
    @Test
    void theRealmStoresTheDemoPasswordsHashed() throws Exception {
        Path realm = Path.of(System.getProperty("server.home"), "standalone", "configuration", "automations-realm");
        List<Path> identities;
        try (var files = Files.walk(realm)) {
            identities = files.filter(f -> f.toString().endsWith(".xml")).toList();
        }
        assertEquals(5, identities.size(), identities.toString());
        for (Path identity : identities) {
            String xml = Files.readString(identity);
            assertTrue(xml.contains("<password algorithm=\"bcrypt\""), identity + ": " + xml);
            assertFalse(xml.contains("algorithm=\"clear\""), identity + ": " + xml);
        }
    }

    private static HttpClient clientAtLoginForm() throws Exception {
        HttpClient client = HttpSessions.anonymous();
        String page = HttpSessions.get(client, BASE.resolve("it/whoami")).body();
        assertTrue(page.contains("j_security_check"), page);
        return client;
    }

    private static HttpResponse<String> login(HttpClient client, String user, String password, String origin)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(BASE.resolve("j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpClient client, URI page) throws Exception {
        return client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).headers()
                .allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie from " + page));
    }

    /** A POST with a Host header of our choosing (java.net.http refuses to set Host); the status and header lines. */
    private static List<String> rawPost(String path, String host) throws Exception {
        try (Socket socket = new Socket("localhost", PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                lines.add(line);
            }
            return lines;
        }
    }

    /**
     * A login POST sent from {@code localAddress} (java.net.http cannot choose it), without a session:
     * the whole reply. HTTP/1.0, so the reply ends with the connection and has no chunks.
     */
    private static String rawLogin(String localAddress, String user, String password) throws Exception {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", PORT));
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + BASE.getPath() + "j_security_check HTTP/1.0\r\nHost: localhost:" + PORT
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                    + "\r\n\r\n" + form).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The status code of a whole reply ("HTTP/1.0 429 Too Many Requests ..."); 0 for an empty one. */
    private static int status(String reply) {
        String[] words = reply.split(" ", 3);
        return words.length < 2 ? 0 : Integer.parseInt(words[1]);
    }
}
