package org.automations.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Writes RFC 9457 problems: {@code application/problem+json} with type, title, status, detail,
 * instance and, for input errors, the fields at fault. Written with JSON-P as text, so that no
 * provider choice can turn an error into HTML.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM = MediaType.valueOf(MEDIA_TYPE);
    /** 422, which JAX-RS 3.1's Status enum lacks. */
    public static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };
    public static final Response.StatusType TOO_MANY_REQUESTS = Response.Status.TOO_MANY_REQUESTS;
    /** Sent with every 401: API clients answer the challenge with HTTP Basic. */
    static final String CHALLENGE = "Basic realm=\"automations\", charset=\"UTF-8\"";

    private Problems() {
    }

    public static Response of(Response.StatusType status, String detail, UriInfo uri) {
        return of(status, detail, List.of(), uri);
    }

    public static Response of(Response.StatusType status, String detail, List<ApiProblem.FieldError> errors, UriInfo uri) {
        String body = body(status, detail, errors, uri == null ? null : uri.getRequestUri().getRawPath());
        Response.ResponseBuilder response = Response.status(status).type(PROBLEM).entity(body);
        if (status.getStatusCode() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response.build();
    }

    /** The problem document as JSON text. */
    static String body(Response.StatusType status, String detail, List<ApiProblem.FieldError> errors, String instance) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", status.getReasonPhrase())
                .add("status", status.getStatusCode());
        if (detail != null) {
            body.add("detail", detail);
        }
        if (instance != null) {
            body.add("instance", instance);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder fields = Json.createArrayBuilder();
            errors.forEach(e -> fields.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            body.add("errors", fields);
        }
        return body.build().toString();
    }
}
