package org.automations.audit;

/** What an audit entry records. */
public enum AuditAction {
    RETRY,
    SKIP,
    KILL,
    MOVE,
    MIGRATION,
    CLEANUP,
    CLAIM,
    RELEASE,
    REASSIGN,
    FORM_SUBMITTED
}
