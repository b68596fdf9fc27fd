package org.automations.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.automations.it.Deployments;
import org.automations.it.HttpSessions;

/**
 * A bounded HTTP load on the REST API from inside the server's JVM (loopback): a fixed number of
 * requests from 1 or more client threads, each waiting for its answer before the next. Two ways to
 * authenticate, to show what each costs: HTTP Basic on every request (the realm checks a bcrypt hash
 * each time) and a session cookie from one FORM login (with the script header the API asks for).
 */
final class RestLoad {

    static final URI API = Deployments.BASE_URI.resolve("api/");

    private final HttpClient client;
    private final String authorization;

    private RestLoad(HttpClient client, String authorization) {
        this.client = client;
        this.authorization = authorization;
    }

    static RestLoad basic(String user, String password) {
        return new RestLoad(HttpClient.newHttpClient(), "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static RestLoad session(String user, String password) throws Exception {
        return new RestLoad(HttpSessions.loggedIn(user, password, Deployments.BASE_URI.resolve("tasks")), null);
    }

    /** {@code count} POSTs of {@code body} from {@code clients} threads; returns the seconds it took. */
    double posts(String path, String body, int count, int clients) throws Exception {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int share = count / clients + (c < count % clients ? 1 : 0);
                done.add(threads.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        expect(201, client.send(request, HttpResponse.BodyHandlers.ofString()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The latency of each of {@code count} GETs, one after the other, in milliseconds, sorted. */
    List<Double> getLatencies(String path, int count) throws Exception {
        HttpRequest request = request(path).GET().build();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            expect(200, client.send(request, HttpResponse.BodyHandlers.ofString()));
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(API.resolve(path)).header("Accept", "application/json");
        return authorization != null ? request.header("Authorization", authorization)
                : request.header("X-Requested-With", "bench");
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
