package org.automations.it;

import java.net.CookieManager;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Plain HTTP clients for the tests that check status codes and page text: a client keeps its
 * cookies (the session) and follows redirects, as a browser does.
 */
public final class HttpSessions {

    private HttpSessions() {
    }

    /** A client without a session. */
    public static HttpClient anonymous() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * A client logged in through the container's FORM login: asks for {@code protectedPage}, gets the
     * login form, posts it. Returns the client with its session.
     */
    public static HttpClient loggedIn(String user, String password, URI protectedPage) throws Exception {
        HttpClient client = anonymous();
        String loginPage = get(client, protectedPage).body();
        if (!loginPage.contains("j_security_check")) {
            throw new IllegalStateException(protectedPage + " did not ask for a login: " + loginPage);
        }
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        client.send(HttpRequest.newBuilder(Deployments.BASE_URI.resolve("j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return client;
    }

    public static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The test server's HTTPS listener has WildFly's self-signed certificate. */
    public static SSLContext trustingEveryCertificate() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
