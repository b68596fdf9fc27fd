package org.automations.audit;

import java.time.Instant;

/** What the audit page asks for; null fields do not filter. The period is [from, to). */
public record AuditFilter(String actor, AuditAction action, String automationClass, Instant from, Instant to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null);
    }
}
