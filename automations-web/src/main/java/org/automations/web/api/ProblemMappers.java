package org.automations.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every exception out of the API becomes a problem; none reaches Undertow's error pages or shows a stack trace. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class Api implements ExceptionMapper<ApiException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ApiException e) {
            return Problems.of(e.status(), e.getMessage(), e.errors(), uri);
        }
    }

    /** JAX-RS's own answers: no such resource (404), method not allowed (405, keeps Allow), 406, 415. */
    @Provider
    public static class Jaxrs implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            Response problem = Problems.of(original.getStatusInfo(), detail(original.getStatus()), uri);
            if (original.getHeaderString(HttpHeaders.ALLOW) != null) {
                return Response.fromResponse(problem).header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW)).build();
            }
            return problem;
        }

        private static String detail(int status) {
            return switch (status) {
                case 404 -> "There is no such resource.";
                case 405 -> "The resource does not answer this method (see Allow).";
                case 406 -> "The resource answers application/json only.";
                case 415 -> "Send the body as application/json.";
                default -> null;
            };
        }
    }

    /**
     * The service's own refusals by their type: bad input (400, it names what is wrong), a state that
     * does not allow the action (409: retry of an automation that did not fail, ...), a denied EJB call
     * (403). Anything else is logged with an id the answer names, so an operator finds it; no details
     * reach the client.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof IllegalArgumentException) {
                return Problems.of(Response.Status.BAD_REQUEST, e.getMessage(), uri);
            }
            if (e instanceof IllegalStateException) {
                return Problems.of(Response.Status.CONFLICT, e.getMessage(), uri);
            }
            if (e instanceof EJBAccessException) {
                return Problems.of(Response.Status.FORBIDDEN, "You may not do this.", uri);
            }
            String id = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "REST API error " + id + " at " + (uri == null ? "?" : uri.getRequestUri().getRawPath()), e);
            return Problems.of(Response.Status.INTERNAL_SERVER_ERROR,
                    "The server could not answer; its log names this error " + id + ".", uri);
        }
    }
}
