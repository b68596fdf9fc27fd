package org.automations.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What one notification says, read from the committed task: the task, its automation, and who is told
 * at which address.
 *
 * @param description the node's description, or null
 * @param assignedTo  whom the task is for, in words ("the group Moderators"), or null
 * @param deadline    the task's due time, or null
 */
public record TaskNotice(TaskNotifications.Kind kind, long taskId, long automationId, String automationClass,
        String verboseName, String node, String description, String assignedTo, Instant deadline,
        List<Recipient> recipients) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A person told about the task, and one of their addresses. */
    public record Recipient(String user, String address) {
    }

    /** The task as a person knows it: the node's description, else its name. */
    public String title() {
        return description == null || description.isBlank() ? node : description;
    }

    public String subject() {
        return (kind == TaskNotifications.Kind.OVERDUE ? "Overdue task: " : "Task waiting: ") + title() + " ("
                + verboseName + ")";
    }

    /** The plain text of the mail to {@code user}, linking to the task page under {@code baseUrl}. */
    public String text(String user, String baseUrl) {
        StringBuilder text = new StringBuilder();
        text.append("Hello ").append(user).append(",\n\n");
        if (kind == TaskNotifications.Kind.OVERDUE) {
            text.append("this task is overdue");
            if (deadline != null) {
                text.append(" (it was due at ").append(TIME.format(deadline)).append(")");
            }
            text.append(":\n\n");
        } else {
            text.append("a task is waiting for you").append(assignedTo == null ? "" : " (" + assignedTo + ")")
                    .append(":\n\n");
        }
        text.append("  ").append(title()).append("\n");
        text.append("  ").append(verboseName).append(", automation ").append(automationId).append(", task ")
                .append(taskId).append("\n");
        if (deadline != null && kind == TaskNotifications.Kind.WAITING) {
            text.append("  Due: ").append(TIME.format(deadline)).append("\n");
        }
        text.append("\nOpen it: ").append(link(baseUrl)).append("\n\n");
        text.append("You receive this mail because you may process the task.\n");
        return text.toString();
    }

    /** The task page. */
    public String link(String baseUrl) {
        return baseUrl + "/tasks/" + taskId;
    }

    @Override
    public String toString() {
        return "task " + taskId + " (" + node + ") of automation " + automationId + " (" + automationClass + ")";
    }
}
