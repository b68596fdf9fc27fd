package org.automations.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automations.flow.Automation;
import org.automations.flow.Data;
import org.automations.flow.Node;
import org.automations.json.JsonValues;
import org.hibernate.annotations.DynamicUpdate;

/** One step of an automation: the node it is at ({@code status}), when it ran, its message and result. */
@Entity
@Table(name = "atm_task")
// Only changed columns: a claim or reassignment (a conditional UPDATE of the row, TaskClaims) must not be
// overwritten by the engine flushing another field of the same open task it read before.
@DynamicUpdate
public class AutomationTaskModel {

    @Id
    @PooledId(sequence = PooledIdGenerator.TASKS)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "automation_id", nullable = false)
    private AutomationModel automation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "previous_id")
    private AutomationTaskModel previous;

    @OneToMany(mappedBy = "previous")
    @OrderBy("id")
    private List<AutomationTaskModel> nextTasks = new ArrayList<>();

    /** The node name (the seed calls the program counter "status"). */
    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private int locked;

    @Column(name = "requires_interaction", nullable = false)
    private boolean requiresInteraction;

    /** requiresInteraction and not finished: what the task list's index is on. */
    @Column(name = "awaits_person", nullable = false)
    private boolean awaitsPerson;

    @Column(name = "interaction_user", length = 150)
    private String interactionUser;

    @Column(name = "interaction_group", length = 150)
    private String interactionGroup;

    @Column(name = "interaction_permissions")
    private String interactionPermissionsJson = "[]";

    /** The same permissions, one row each, so that the task list can test them in SQL (see TaskAccess). */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "atm_task_permission", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "permission", nullable = false)
    private Set<String> requiredPermissions = new HashSet<>();

    @Column(nullable = false)
    private Instant created;

    private Instant finished;

    /** Not before this time (a wait's function is evaluated once and stored here). */
    private Instant due;

    /** When the message this task's node awaits ({@code .awaitMessage}) was delivered; null until then. */
    @Column(name = "message_received")
    private Instant messageReceived;

    /** Who has claimed the open task (null: nobody); see {@code TaskClaims}. */
    @Column(name = "claimed_by", length = 150)
    private String claimedBy;

    /** When a person should have processed it ({@code Form.dueIn/dueAt}); null: no due time. */
    private Instant deadline;

    /** True once the engine has handled the task's overdue moment (notification, {@code onOverdue}). */
    @Column(name = "overdue_handled", nullable = false)
    private boolean overdueHandled;

    /** {@code Form.priority}: higher first. */
    @Column(nullable = false)
    private int priority;

    /** Claims, releases and reassignments: a JSON list of {time, actor, action, user, group}. */
    @Column(name = "assignments")
    private String assignmentsJson;

    @Column(length = 255)
    private String message;

    @Column(name = "result")
    private String resultJson;

    @Transient
    private Data liveData;

    @Transient
    private Node liveNode;

    protected AutomationTaskModel() {
    }

    public AutomationTaskModel(AutomationModel automation, AutomationTaskModel previous, String status, Instant created) {
        this.automation = automation;
        this.previous = previous;
        this.status = status;
        this.created = created;
    }

    public Long getId() {
        return id;
    }

    /**
     * Gives a new task its id before it is persisted (the engine does, so that the row can be written
     * once, finished); persist then keeps it. Refused for a task that has one.
     */
    public void assignId(long id) {
        if (this.id != null) {
            throw new IllegalStateException("Task " + this.id + " already has an id");
        }
        this.id = id;
    }

    public AutomationModel getAutomation() {
        return automation;
    }

    public AutomationTaskModel getPrevious() {
        return previous;
    }

    public String getStatus() {
        return status;
    }

    public int getLocked() {
        return locked;
    }

    public void setLocked(int locked) {
        this.locked = locked;
    }

    public boolean isRequiresInteraction() {
        return requiresInteraction;
    }

    public void setRequiresInteraction(boolean requiresInteraction) {
        this.requiresInteraction = requiresInteraction;
        this.awaitsPerson = requiresInteraction && finished == null;
    }

    /** True while a person has to act on this task (it requires interaction and is not finished). */
    public boolean isAwaitingPerson() {
        return awaitsPerson;
    }

    public String getInteractionUser() {
        return interactionUser;
    }

    public void setInteractionUser(String interactionUser) {
        this.interactionUser = interactionUser;
    }

    public String getInteractionGroup() {
        return interactionGroup;
    }

    public void setInteractionGroup(String interactionGroup) {
        this.interactionGroup = interactionGroup;
    }

    @SuppressWarnings("unchecked")
    public List<String> getInteractionPermissions() {
        Object parsed = JsonValues.parse(interactionPermissionsJson);
        return parsed == null ? List.of() : (List<String>) parsed;
    }

    public void setInteractionPermissions(List<String> permissions) {
        List<String> list = permissions == null ? List.of() : permissions;
        this.interactionPermissionsJson = JsonValues.write(list);
        requiredPermissions.clear();
        requiredPermissions.addAll(list);
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getFinished() {
        return finished;
    }

    public void setFinished(Instant finished) {
        this.finished = finished;
        this.awaitsPerson = requiresInteraction && finished == null;
    }

    public Instant getDue() {
        return due;
    }

    public void setDue(Instant due) {
        this.due = due;
    }

    public Instant getMessageReceived() {
        return messageReceived;
    }

    public void setMessageReceived(Instant messageReceived) {
        this.messageReceived = messageReceived;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public void setClaimedBy(String claimedBy) {
        this.claimedBy = claimedBy;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public void setDeadline(Instant deadline) {
        this.deadline = deadline;
    }

    /** True while the task waits for a person past its due time. */
    public boolean isOverdue() {
        return awaitsPerson && deadline != null && !Instant.now().isBefore(deadline);
    }

    public boolean isOverdueHandled() {
        return overdueHandled;
    }

    public void setOverdueHandled(boolean overdueHandled) {
        this.overdueHandled = overdueHandled;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    /** Claims, releases and reassignments, oldest first: maps with time, actor, action, user, group. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getAssignments() {
        Object parsed = JsonValues.parse(assignmentsJson);
        return parsed == null ? List.of() : (List<Map<String, Object>>) parsed;
    }

    /** Appends one entry to {@link #getAssignments()}. */
    public void recordAssignment(Map<String, Object> entry) {
        List<Map<String, Object>> entries = new ArrayList<>(getAssignments());
        entries.add(entry);
        this.assignmentsJson = JsonValues.write(entries);
    }

    public String getMessage() {
        return message;
    }

    /** Cut to the column's 255 characters. */
    public void setMessage(String message) {
        this.message = message == null || message.length() <= 255 ? message : message.substring(0, 255);
    }

    /** The parsed JSON result (Map, List, String, Number, Boolean) or null. */
    public Object getResult() {
        return JsonValues.parse(resultJson);
    }

    public String getResultJson() {
        return resultJson;
    }

    public void setResultJson(String resultJson) {
        this.resultJson = resultJson;
    }

    /** The automation's data: during a step the very object the automation's {@code data()} returns. */
    public Data getData() {
        return liveData != null ? liveData : automation.getData();
    }

    /** Hours since the task was created; 0 once finished. */
    public double hoursSinceCreated() {
        if (finished != null || created == null) {
            return 0;
        }
        return Duration.between(created, Instant.now()).toMillis() / 3_600_000.0;
    }

    /** The node this task is at, bound to an automation instance; null when the node no longer exists. */
    public Node getNode() {
        if (liveNode == null) {
            Automation instance = automation.getInstance();
            liveNode = instance == null ? null : instance.getNode(status);
        }
        return liveNode;
    }

    public List<AutomationTaskModel> getPreviousTasks() {
        return previous == null ? List.of() : List.of(previous);
    }

    public List<AutomationTaskModel> getNextTasks() {
        return nextTasks;
    }

    /** Used by the engine while a step runs: the live data and the bound node. */
    public void attach(Data data, Node node) {
        this.liveData = data;
        this.liveNode = node;
    }

    @Override
    public String toString() {
        return "AutomationTaskModel#" + id + " " + status + (finished == null ? " (open)" : " " + message);
    }
}
