package org.automations.web.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What every error answers, as {@code application/problem+json} (RFC 9457). Built by
 * {@link Problems}; this record documents the shape in the OpenAPI document.
 *
 * @param errors the fields at fault, for 400 and 422 answers
 */
@Schema(name = "Problem", description = "An RFC 9457 problem")
public record ApiProblem(
        @Schema(description = "A URI naming the kind of problem", example = "about:blank") String type,
        @Schema(example = "Not Found") String title,
        @Schema(example = "404") int status,
        @Schema(description = "What went wrong, for a person") String detail,
        @Schema(description = "The request's path") String instance,
        List<FieldError> errors) {

    /** One field at fault: a parameter, a form field or a message's data name. */
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }
}
