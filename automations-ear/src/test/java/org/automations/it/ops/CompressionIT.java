package org.automations.it.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.automations.it.Deployments;
import org.automations.it.tasks.Browsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Issue 17, part 6: text responses (pages, PrimeFaces' scripts and styles, JSON) are gzip-compressed
 * for clients that ask for it, and only for them; images are left alone. Prints the weight of a first
 * visit to the start page as the browser transferred it (a figure for the docs, not asserted).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompressionIT {

    private static final URI BASE = Deployments.BASE_URI;
    private static final Pattern SCRIPT = Pattern.compile("src=\"([^\"]*components\\.js[^\"]*)\"");

    private final HttpClient client = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void pagesScriptsAndJsonAreGzippedForClientsThatAcceptIt() throws Exception {
        HttpResponse<byte[]> page = get(BASE, true);
        assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse(null), "the start page");
        String html = gunzip(page.body());
        assertTrue(html.contains("<html"), html);

        Matcher script = SCRIPT.matcher(html);
        assertTrue(script.find(), "the start page loads PrimeFaces' components.js");
        URI scriptUri = BASE.resolve(script.group(1).replace("&amp;", "&"));
        HttpResponse<byte[]> compressed = get(scriptUri, true);
        assertEquals("gzip", compressed.headers().firstValue("Content-Encoding").orElse(null), "components.js");
        HttpResponse<byte[]> plain = get(scriptUri, false);
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "not for a client that does not ask");
        assertTrue(compressed.body().length * 3 < plain.body().length,
                compressed.body().length + " bytes compressed of " + plain.body().length);

        HttpResponse<byte[]> problem = get(BASE.resolve("api/definitions"), true);
        assertEquals(401, problem.statusCode());
        assertEquals("gzip", problem.headers().firstValue("Content-Encoding").orElse(null), "a JSON problem");
    }

    @Test
    void aFirstVisitTransfersCompressedScripts() throws Exception {
        WebDriver browser = Browsers.chromium("en");
        try {
            browser.get(BASE.toString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                    "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                            + ".map(e => ({name: e.name, transfer: e.transferSize, encoded: e.encodedBodySize,"
                            + " decoded: e.decodedBodySize}))");
            long transferred = entries.stream().mapToLong(e -> ((Number) e.get("transfer")).longValue()).sum();
            long decoded = entries.stream().mapToLong(e -> ((Number) e.get("decoded")).longValue()).sum();
            System.out.printf("First visit to the start page: %d requests, %.0f kB transferred, %.0f kB after decoding%n",
                    entries.size(), transferred / 1024.0, decoded / 1024.0);
            Map<String, Object> components = entries.stream()
                    .filter(e -> String.valueOf(e.get("name")).contains("components.js")).findFirst().orElseThrow();
            long encoded = ((Number) components.get("encoded")).longValue();
            long unpacked = ((Number) components.get("decoded")).longValue();
            assertFalse(encoded == 0, "components.js was loaded over the network");
            assertTrue(encoded * 3 < unpacked, "components.js arrived compressed: " + encoded + " of " + unpacked);
        } finally {
            browser.quit();
        }
    }

    private HttpResponse<byte[]> get(URI uri, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "*/*");
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
