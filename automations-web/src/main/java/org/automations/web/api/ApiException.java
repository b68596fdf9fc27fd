package org.automations.web.api;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** An answer other than success, thrown by a resource and written as a problem by {@link Problems}. */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Response.StatusType status;
    private final transient List<ApiProblem.FieldError> errors;

    public ApiException(Response.StatusType status, String detail) {
        this(status, detail, List.of());
    }

    public ApiException(Response.StatusType status, String detail, List<ApiProblem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Response.Status.NOT_FOUND, detail);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(Response.Status.BAD_REQUEST, message, List.of(new ApiProblem.FieldError(field, message)));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Response.Status.CONFLICT, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(Response.Status.FORBIDDEN, detail);
    }

    public static ApiException unprocessable(String detail, List<ApiProblem.FieldError> errors) {
        return new ApiException(Problems.UNPROCESSABLE, detail, errors);
    }

    public Response.StatusType status() {
        return status;
    }

    public List<ApiProblem.FieldError> errors() {
        return errors;
    }
}
