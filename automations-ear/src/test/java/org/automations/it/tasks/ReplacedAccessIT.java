package org.automations.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.automations.Automations;
import org.automations.FormResult;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Form;
import org.automations.it.Deployments;
import org.automations.model.AutomationTaskModel;
import org.automations.security.TaskAccess;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A project replaces who may process tasks with one CDI bean (@Alternative @Priority implementing
 * TaskAccess): the task list and submissions follow its rule instead of the realm's roles.
 */
@ExtendWith(ArquillianExtension.class)
class ReplacedAccessIT {

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.ear(ReplacedAccessIT.class, Answer.class);
        ear.getAsType(JavaArchive.class, "automations-ejb.jar").addClass(DepartmentAccess.class);
        return ear;
    }

    @Inject
    Automations automations;

    @Inject
    TaskAccess access;

    public static class Moderation extends Automation {
        Form moderate = new Form(Answer.class).group("Moderators");
        End end = new End();
    }

    @Test
    void theReplacementDecidesTheListAndTheSubmissions() {
        assertInstanceOf(DepartmentAccess.class, access);
        long id = automations.create(Moderation.class, Map.of()).getId();
        long task = automations.getTasks(id).get(0).getId();

        assertEquals(List.of(task), openTaskIds("mary", id), "mary's department handles the Moderators' tasks");
        assertTrue(openTaskIds("jacob", id).isEmpty(), "being in the realm group Moderators no longer counts");
        assertEquals(List.of(task), openTaskIds("admin", id), "superusers still see everything");

        assertEquals(FormResult.FORBIDDEN, automations.completeForm(task, new Answer("mine", true), "jacob"));
        assertEquals(FormResult.COMPLETED, automations.completeForm(task, new Answer("done", true), "mary"));
        assertTrue(automations.find(id).orElseThrow().isFinished());
    }

    private List<Long> openTaskIds(String user, long automationId) {
        return automations.getOpenTasks(user).stream().filter(t -> t.getAutomation().getId() == automationId)
                .map(AutomationTaskModel::getId).toList();
    }
}
