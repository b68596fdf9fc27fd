package org.automations.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API at {@code /automations/api}: the same realm, roles and rules as the pages. Clients
 * authenticate with HTTP Basic against the realm (web.xml: silent BASIC beside the pages' FORM);
 * the pages' own scripts use their session. Every error is an RFC 9457 problem ({@link Problems}).
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Automations", version = "1",
                description = "Start, message and inspect automations, work on human tasks, administer failures."),
        security = @SecurityRequirement(name = "basic"),
        tags = {
            @Tag(name = "definitions", description = "The deployed automation classes"),
            @Tag(name = "instances", description = "Automations: state, history, messages, administration"),
            @Tag(name = "tasks", description = "The caller's human tasks (forms)"),
            @Tag(name = "history-cleanup", description = "Deleting old history (a batch job)"),
            @Tag(name = "migrations", description = "Moving running automations to a changed class (a batch job)")
        })
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A user of the server's realm. A request with the pages' session cookie instead must"
                + " carry X-Requested-With when it changes something.")
public class AutomationsApi extends Application {
}
