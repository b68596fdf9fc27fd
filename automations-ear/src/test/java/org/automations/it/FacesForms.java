package org.automations.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Posts a Faces form the way a browser does, for the HTTP tests: reads the form's action and its
 * inputs (the view state, hidden fields, text fields) out of the page, replaces or adds the given
 * values and presses the given button.
 */
public final class FacesForms {

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>([^<]*)</textarea>");
    /** PrimeFaces' per-response CSP nonce, which its script adds to every form it submits. */
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)=\"([^\"]*)\"");

    private FacesForms() {
    }

    /** The fields of the form with that id, as the browser would send them without pressing a button. */
    public static Map<String, String> fields(String page, String formId) {
        String form = form(page, formId);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(1));
            String type = attributes.getOrDefault("type", "text");
            if (attributes.containsKey("name") && !type.equals("submit") && !type.equals("button")
                    && !((type.equals("checkbox") || type.equals("radio")) && !attributes.containsKey("checked"))) {
                fields.put(attributes.get("name"), attributes.getOrDefault("value", type.equals("checkbox") ? "on" : ""));
            }
        }
        Matcher textarea = TEXTAREA.matcher(form);
        while (textarea.find()) {
            fields.put(attributes(textarea.group(1)).get("name"), unescape(textarea.group(2)));
        }
        return fields;
    }

    /** The form's action (absolute path). */
    public static String action(String page, String formId) {
        Matcher tag = Pattern.compile("<form\\b([^>]*)>").matcher(form(page, formId));
        if (!tag.find()) {
            throw new IllegalStateException("no form tag");
        }
        return attributes(tag.group(1)).get("action");
    }

    /** Posts the form with {@code values} put over its fields, {@code button} (a client id) pressed. */
    public static HttpResponse<String> submit(HttpClient client, String page, String formId, String button,
            Map<String, String> values) throws Exception {
        Map<String, String> fields = fields(page, formId);
        if (button != null) {
            fields.put(button, "pressed");
        }
        Matcher nonce = NONCE.matcher(page);
        if (nonce.find()) {
            fields.put("primefaces.nonce", nonce.group(1));
        }
        fields.putAll(values);
        URI target = Deployments.BASE_URI.resolve(action(page, formId));
        return client.send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String form(String page, String formId) {
        int start = page.indexOf("<form id=\"" + formId + "\"");
        if (start < 0) {
            throw new IllegalStateException("The page has no form '" + formId + "': " + page);
        }
        return page.substring(start, page.indexOf("</form>", start));
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.put(attribute.group(1), unescape(attribute.group(2)));
        }
        return attributes;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
