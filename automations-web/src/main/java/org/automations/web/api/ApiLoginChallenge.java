package org.automations.web.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.Response;
import org.automations.web.LoginThrottle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Wrong Basic credentials on an API path make the container challenge with every mechanism, FORM
 * included: it forwards to the login page. For the API that page becomes the 401 problem an API
 * client expects, and the session the FORM challenge opened to remember the request is dropped. The
 * failure counts for the client address's lock ({@link LoginThrottle}), as a failed FORM login does.
 */
@WebFilter(urlPatterns = "/login.xhtml", dispatcherTypes = DispatcherType.FORWARD)
public class ApiLoginChallenge extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object from = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String api = request.getContextPath() + "/api";
        if (!(from instanceof String uri) || !(uri.equals(api) || uri.startsWith(api + "/"))) {
            chain.doFilter(request, response);
            return;
        }
        LoginThrottle throttle = (LoginThrottle) request.getServletContext().getAttribute(LoginThrottle.ATTRIBUTE);
        if (throttle != null) {
            throttle.failed(request.getRemoteAddr());
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.isNew()) {
            session.invalidate();
        }
        response.resetBuffer();
        response.setHeader("WWW-Authenticate", Problems.CHALLENGE);
        write(response, Response.Status.UNAUTHORIZED, ApiAccess.WRONG_LOGIN, uri);
    }

    /** What a locked client address gets for Basic credentials: 429 as a problem (Retry-After is set). */
    public static void tooManyAttempts(HttpServletResponse response, String uri, long seconds) throws IOException {
        write(response, Problems.TOO_MANY_REQUESTS, "Too many failed logins from your address: try again in "
                + (seconds + 59) / 60 + " minute(s).", uri);
    }

    private static void write(HttpServletResponse response, Response.StatusType status, String detail, String uri)
            throws IOException {
        response.setStatus(status.getStatusCode());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.body(status, detail, List.of(), uri));
    }
}
