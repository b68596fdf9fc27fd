package org.automations.web;

import org.automations.web.api.ApiLoginChallenge;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a login POST from an address that {@link LoginThrottle} has locked, before the FORM
 * mechanism hands the password to the realm: 429 Too Many Requests with Retry-After, shown by the
 * login error page (web.xml maps 429 to login-error.xhtml), which says how long to wait. Here and not
 * in a servlet filter because the FORM mechanism handles j_security_check before any filter: this
 * handler is a security wrapper of the WAR, which Undertow runs just before the handler that calls
 * the authentication mechanism, once the request's security context exists (the error page needs
 * it). Registered through META-INF/services/io.undertow.servlet.ServletExtension.
 */
public class LoginThrottleExtension implements ServletExtension {

    /** What the FORM mechanism answers to (Elytron matches the end of the path, so this does too). */
    private static final String LOGIN_PATH = "j_security_check";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        LoginThrottle throttle = new LoginThrottle();
        servletContext.setAttribute(LoginThrottle.ATTRIBUTE, throttle);
        deployment.addSecurityWrapper(next -> exchange -> refuseLockedLogins(throttle, next, exchange));
    }

    private static void refuseLockedLogins(LoginThrottle throttle, HttpHandler next, HttpServerExchange exchange)
            throws Exception {
        boolean formLogin = exchange.getRequestMethod().equals(Methods.POST) && exchange.getRequestPath().endsWith(LOGIN_PATH);
        // REST API clients send their password with every request (HTTP Basic): the same lock holds for them.
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        boolean basicLogin = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (formLogin || basicLogin) {
            long seconds = throttle.lockedSeconds(exchange.getSourceAddress().getAddress().getHostAddress());
            if (seconds > 0) {
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, seconds);
                ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
                HttpServletResponse response = (HttpServletResponse) servlet.getServletResponse();
                if (formLogin) {
                    response.sendError(429);
                } else {
                    ApiLoginChallenge.tooManyAttempts(response, exchange.getRequestURI(), seconds);
                }
                return;
            }
        }
        next.handleRequest(exchange);
    }
}
