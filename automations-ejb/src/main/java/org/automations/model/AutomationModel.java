package org.automations.model;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import org.automations.flow.Automation;
import org.automations.flow.Data;

/** One automation instance: its class, status, JSON data and when it next needs the engine. */
@Entity
@Table(name = "atm_automation")
public class AutomationModel {

    @Id
    @PooledId(sequence = PooledIdGenerator.AUTOMATIONS)
    private Long id;

    @Column(name = "automation_class", nullable = false)
    private String automationClass;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AutomationStatus status = AutomationStatus.RUNNING;

    @Column(nullable = false)
    private boolean finished;

    @Column(name = "data", nullable = false)
    private String dataJson = "{}";

    @Column(name = "automation_key", length = 40)
    private String automationKey;

    /** Set while an instance of a {@code @Unique} class is unfinished; a unique index guards it. */
    @Column(name = "unique_key", length = 64)
    private String uniqueKey;

    @Column(name = "paused_until")
    private Instant pausedUntil;

    /** The earliest time the tick must look at this automation; null when only a person or message can move it. */
    @Column(name = "next_run")
    private Instant nextRun;

    /** The node a created but not yet started automation starts at; null once its first run entered it. */
    @Column(name = "start_node")
    private String startNode;

    @Column(nullable = false)
    private Instant created;

    @Column(nullable = false)
    private Instant updated;

    @Version
    private long version;

    /** The definition version (see org.automations.versions) the instance started with; null if unknown. */
    @Column(name = "started_version", length = 12)
    private String startedVersion;

    /** The definition version its last step ran with. */
    @Column(name = "run_version", length = 12)
    private String runVersion;

    @Transient
    private Data data;

    public Long getId() {
        return id;
    }

    /** Gives a new automation its id before it is persisted (so that its key is in the insert). */
    public void assignId(long id) {
        if (this.id != null) {
            throw new IllegalStateException("Automation " + this.id + " already has an id");
        }
        this.id = id;
    }

    public String getAutomationClass() {
        return automationClass;
    }

    public void setAutomationClass(String automationClass) {
        this.automationClass = automationClass;
    }

    public AutomationStatus getStatus() {
        return status;
    }

    public void setStatus(AutomationStatus status) {
        this.status = status;
        this.finished = status != AutomationStatus.RUNNING;
    }

    public boolean isFinished() {
        return finished;
    }

    /** The parsed data; changes are written by {@link #storeData()}. */
    public Data getData() {
        if (data == null) {
            data = Data.fromJson(dataJson);
        }
        return data;
    }

    public void setData(Data data) {
        this.data = data;
        storeData();
    }

    /** Writes the data object back into its JSON column. */
    public void storeData() {
        if (data != null) {
            String json = data.toJson();
            if (!json.equals(dataJson)) {
                dataJson = json;
            }
        }
    }

    public String getDataJson() {
        return dataJson;
    }

    public String getKey() {
        return automationKey;
    }

    public void setKey(String key) {
        this.automationKey = key;
    }

    public String getUniqueKey() {
        return uniqueKey;
    }

    public void setUniqueKey(String uniqueKey) {
        this.uniqueKey = uniqueKey;
    }

    public Instant getPausedUntil() {
        return pausedUntil;
    }

    public void setPausedUntil(Instant pausedUntil) {
        this.pausedUntil = pausedUntil;
    }

    public Instant getNextRun() {
        return nextRun;
    }

    public void setNextRun(Instant nextRun) {
        this.nextRun = nextRun;
    }

    public String getStartedVersion() {
        return startedVersion;
    }

    public void setStartedVersion(String startedVersion) {
        this.startedVersion = startedVersion;
    }

    public String getRunVersion() {
        return runVersion;
    }

    public void setRunVersion(String runVersion) {
        this.runVersion = runVersion;
    }

    public String getStartNode() {
        return startNode;
    }

    public void setStartNode(String startNode) {
        this.startNode = startNode;
    }

    public Instant getCreated() {
        return created;
    }

    public void setCreated(Instant created) {
        this.created = created;
    }

    public Instant getUpdated() {
        return updated;
    }

    public void setUpdated(Instant updated) {
        this.updated = updated;
    }

    public long getVersion() {
        return version;
    }

    /** The bound automation (a new object each call), attached to the engine. */
    public Automation getInstance() {
        return CDI.current().select(InstanceResolver.class).get().instanceOf(this);
    }

    @Override
    public String toString() {
        return "AutomationModel#" + id + " " + automationClass + " " + status;
    }

    /** Implemented by the engine: turns a model into its bound automation object. */
    public interface InstanceResolver {
        Automation instanceOf(AutomationModel model);
    }
}
