package org.automations.notifications;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.AutomationRegistry;
import org.automations.flow.Automation;
import org.automations.flow.Node;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationTaskModel;
import org.automations.security.RealmUsers;
import org.automations.security.TaskAccess;

/**
 * Reads what a notification says from the committed task, in a (read-only) transaction of its own, after
 * the step's has committed: the people come from {@link TaskAccess#whoMayProcess}, their addresses
 * from the realm.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NoticeReader {

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    AutomationRegistry registry;

    @Inject
    TaskAccess access;

    @Inject
    RealmUsers users;

    /** Empty when the task is gone or no longer waits for a person (done or killed meanwhile). */
    public Optional<TaskNotice> read(TaskNotifications.Kind kind, long taskId) {
        AutomationTaskModel task = em.find(AutomationTaskModel.class, taskId);
        if (task == null || task.getFinished() != null || !task.isRequiresInteraction()) {
            return Optional.empty();
        }
        AutomationModel automation = task.getAutomation();
        if (automation.isFinished()) {
            return Optional.empty();
        }
        String className = automation.getAutomationClass();
        Optional<AutomationDefinition> definition = registry.find(className);
        String verboseName = definition.map(d -> Automation.verboseNameOf(d.getType())).orElse(className);
        String description = definition.map(d -> d.getPrototypeNodes().get(task.getStatus()))
                .map(Node::getDescription).orElse(null);
        List<TaskNotice.Recipient> recipients = new ArrayList<>();
        Set<String> names = access.whoMayProcess(task, users.all());
        for (String name : names) {
            users.mailAddresses(name).forEach(address -> recipients.add(new TaskNotice.Recipient(name, address)));
        }
        return Optional.of(new TaskNotice(kind, taskId, automation.getId(), className, verboseName, task.getStatus(),
                description, assignedTo(task), task.getDeadline(), recipients));
    }

    private static String assignedTo(AutomationTaskModel task) {
        if (task.getInteractionGroup() != null) {
            return "the group " + task.getInteractionGroup();
        }
        if (!task.getInteractionPermissions().isEmpty()) {
            return "the permission " + String.join(", ", task.getInteractionPermissions());
        }
        return null;
    }
}
