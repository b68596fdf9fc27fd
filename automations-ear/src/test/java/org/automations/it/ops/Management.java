package org.automations.it.ops;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The management interface's health and metrics endpoints, read the way a probe or Prometheus reads
 * them. The test JVM knows the port as it.management.port; in-container tests take 9990 plus the
 * server's own port offset.
 */
final class Management {

    static final URI BASE = URI.create("http://localhost:" + Integer.getInteger("it.management.port",
            9990 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Management() {
    }

    /** One answer of a health endpoint: HTTP status and the JSON body. */
    record Health(int httpStatus, JsonObject body, Duration took) {
        String status() {
            return body.getString("status");
        }

        /**
         * The named check of this deployment; fails the test when the answer has none of that name. WildFly
         * keeps the checks of an earlier deployment that failed (BrokenAutomationIT's): they answer
         * "engine: not running in this deployment" and are skipped here.
         */
        JsonObject check(String name) {
            return body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(check -> name.equals(check.getString("name")))
                    .filter(check -> check.getJsonObject("data") == null || !check.getJsonObject("data").containsKey("engine"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no check " + name + " in " + body));
        }

        String checkStatus(String name) {
            return check(name).getString("status");
        }

        String data(String check, String key) {
            JsonObject data = check(check).getJsonObject("data");
            return data == null || !data.containsKey(key) ? null : data.get(key).toString().replace("\"", "");
        }

        @Override
        public String toString() {
            return httpStatus + " " + body;
        }
    }

    static Health health(String path) {
        long start = System.nanoTime();
        HttpResponse<String> response = get(path);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return new Health(response.statusCode(), reader.readObject(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The Prometheus text format's samples: series ({@code name{labels}}) to value. */
    static Map<String, Double> metrics() {
        HttpResponse<String> response = get("metrics");
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /metrics answered " + response.statusCode() + ": " + response.body());
        }
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf('}') > 0 ? line.indexOf(' ', line.lastIndexOf('}')) : line.indexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1).trim().split(" ")[0]));
        }
        return samples;
    }

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The sum of the samples of that name whose labels include these (0 when there is none yet). */
    static double value(Map<String, Double> samples, String name, Map<String, String> labels) {
        double sum = 0;
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String series = sample.getKey();
            int brace = series.indexOf('{');
            if (!(brace < 0 ? series : series.substring(0, brace)).equals(name)) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            if (brace >= 0) {
                Matcher label = LABEL.matcher(series.substring(brace));
                while (label.find()) {
                    found.put(label.group(1), label.group(2));
                }
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                sum += sample.getValue();
            }
        }
        return sum;
    }

    private static HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(BASE.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
