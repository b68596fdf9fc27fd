package org.automations.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.automations.engine.EngineClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The audit log's own retention, applied by the history cleanup: entries live {@code automations.audit.days}. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AuditRetention {

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "automations.audit.days", defaultValue = "365")
    int days;

    /**
     * Deletes the entries older than the retention and records the cleanup run (with what it deleted)
     * in one transaction; returns the number of entries deleted.
     */
    public int prune(String actor, String cleanupResult) {
        int deleted = audit.deleteBefore(EngineClock.now().minus(Duration.ofDays(days)));
        audit.record(AuditAction.CLEANUP, actor, (String) null,
                (cleanupResult == null ? "" : cleanupResult + ", ") + "audit entries older than " + days + " days=" + deleted);
        return deleted;
    }
}
