package org.automations.it.cluster;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Join;
import org.automations.flow.Split;
import org.automations.model.AutomationTaskModel;

/** A wait and a split; every Execute logs (automation, step, server) in the step's own transaction. */
public class ClusterFlow extends Automation {

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    Execute first = new Execute(this::log);
    Split split = new Split().next("slow").next("fast");
    Execute slow = new Execute(this::log).afterWaitingFor(Duration.ofSeconds(2)).next("join");
    Execute fast = new Execute(this::log).next("join");
    Join join = new Join();
    Execute last = new Execute(this::log);
    End end = new End();

    void log(AutomationTaskModel task) {
        em.createNativeQuery("insert into cluster_step_log (automation_id, step, server) values (?1, ?2, ?3)")
                .setParameter(1, task.getAutomation().getId())
                .setParameter(2, task.getStatus())
                .setParameter(3, System.getProperty("jboss.node.name", "?"))
                .executeUpdate();
    }
}
