package org.automations.it.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.automations.Automations;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.it.Deployments;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several threads tick at once: every step runs exactly once, nothing deadlocks, nothing fails. */
@ExtendWith(ArquillianExtension.class)
class ConcurrencyIT {

    static final int AUTOMATIONS = 500;
    static final int THREADS = 6;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(ConcurrencyIT.class);
    }

    @Inject
    Automations automations;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService threads;

    /** Five steps, each writing one row in the step's own transaction. */
    public static class FiveSteps extends Automation {
        @PersistenceContext(unitName = "automations")
        EntityManager em;

        Execute s1 = new Execute(this::log);
        Execute s2 = new Execute(this::log);
        Execute s3 = new Execute(this::log);
        Execute s4 = new Execute(this::log);
        Execute s5 = new Execute(this::log);
        End end = new End();

        void log(AutomationTaskModel task) {
            em.createNativeQuery("insert into atm_test_step_log (automation_id, step) values (?1, ?2)")
                    .setParameter(1, task.getAutomation().getId())
                    .setParameter(2, task.getStatus())
                    .executeUpdate();
        }
    }

    @Test
    void manyThreadsTickingAtOnceRunEveryStepExactlyOnce() throws Exception {
        transaction.begin();
        em.createNativeQuery("create table if not exists atm_test_step_log (automation_id bigint not null,"
                + " step varchar(20) not null)").executeUpdate();
        em.createNativeQuery("delete from atm_test_step_log").executeUpdate();
        transaction.commit();

        for (int i = 0; i < AUTOMATIONS; i++) {
            automations.create(FiveSteps.class, Map.of("n", i), false);
        }

        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> ticks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            ticks.add(threads.submit(() -> {
                go.await();
                return automations.run();
            }));
        }
        go.countDown();
        int advanced = 0;
        for (Future<Integer> tick : ticks) {
            advanced += tick.get();
        }

        long rows = ((Number) em.createNativeQuery("select count(*) from atm_test_step_log").getSingleResult()).longValue();
        long distinct = ((Number) em.createNativeQuery("select count(*) from (select distinct automation_id, step"
                + " from atm_test_step_log) d").getSingleResult()).longValue();
        assertEquals(AUTOMATIONS * 5L, distinct, "every step ran");
        assertEquals(AUTOMATIONS * 5L, rows, "no step ran twice");
        long finished = em.createQuery("select count(a) from AutomationModel a where a.automationClass = :c"
                + " and a.status = org.automations.model.AutomationStatus.FINISHED", Long.class)
                .setParameter("c", FiveSteps.class.getName()).getSingleResult();
        assertEquals(AUTOMATIONS, finished, "every automation finished, none failed");
        assertTrue(advanced >= AUTOMATIONS, "every automation was advanced by some thread");
    }
}
