package org.automations.engine;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;

/**
 * Placeholder so the module builds and the smoke test can prove EJB injection; deleted when the
 * engine is merged. Annotated {@code @PermitAll}: once a security domain is set, EJB methods
 * without annotations are denied.
 */
@Stateless
@PermitAll
public class Placeholder {

    public String ping() {
        return "pong";
    }
}
