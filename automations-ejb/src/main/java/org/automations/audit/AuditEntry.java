package org.automations.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One action of a person (or the engine on their behalf) in the audit log: never changed once
 * written, and not tied to the automation's rows, which may be gone.
 */
@Entity
@Table(name = "atm_audit")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "acted_at", nullable = false)
    private Instant time;

    @Column(nullable = false, length = 150)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AuditAction action;

    @Column(name = "automation_class")
    private String automationClass;

    @Column(name = "automation_id")
    private Long automationId;

    @Column(name = "automation_key", length = 40)
    private String automationKey;

    private String node;

    @Column(name = "task_id")
    private Long taskId;

    @Column(length = 2000)
    private String detail;

    protected AuditEntry() {
    }

    AuditEntry(Instant time, String actor, AuditAction action) {
        this.time = time;
        this.actor = actor;
        this.action = action;
    }

    public Long getId() {
        return id;
    }

    public Instant getTime() {
        return time;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getAutomationClass() {
        return automationClass;
    }

    public Long getAutomationId() {
        return automationId;
    }

    public String getAutomationKey() {
        return automationKey;
    }

    public String getNode() {
        return node;
    }

    public Long getTaskId() {
        return taskId;
    }

    public String getDetail() {
        return detail;
    }

    AuditEntry about(String automationClass, Long automationId, String automationKey) {
        this.automationClass = automationClass;
        this.automationId = automationId;
        this.automationKey = automationKey;
        return this;
    }

    AuditEntry at(String node, Long taskId) {
        // The column holds 255: a kill lists every open node, which parallel paths can make longer.
        this.node = node == null || node.length() <= 255 ? node : node.substring(0, 254) + "…";
        this.taskId = taskId;
        return this;
    }

    AuditEntry saying(String detail) {
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
        return this;
    }
}
