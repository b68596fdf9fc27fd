package org.automations.engine;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.automations.flow.Data;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.model.PooledIdGenerator;
import org.automations.security.AutomationKeys;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/** The automation row: claimed under its lock before anything changes it, or inserted new. */
final class AutomationRows {

    private AutomationRows() {
    }

    /** Locks the row; the tick skips rows held elsewhere and rows that are no longer due. Null when none. */
    static AutomationModel claim(EntityManager em, long automationId, Instant now, ClaimMode mode) {
        String sql = switch (mode) {
            case TICK -> "select * from atm_automation where id = ?1 and next_run <= ?2 for update skip locked";
            case CONTINUE -> "select * from atm_automation where id = ?1 for update skip locked";
            case WAIT -> "select * from atm_automation where id = ?1 for update";
        };
        var query = em.createNativeQuery(sql, AutomationModel.class).setParameter(1, automationId);
        if (mode == ClaimMode.TICK) {
            query.setParameter(2, now);
        }
        List<?> rows = query.getResultList();
        return rows.isEmpty() ? null : (AutomationModel) rows.get(0);
    }

    /**
     * Locks the row (waiting for another holder) inside a transaction that may have read it before the
     * lock: a copy read then is stale once another transaction committed in between, so it is read
     * again (after writing what this transaction changed).
     */
    static AutomationModel claimFresh(EntityManager em, long automationId) {
        AutomationModel model = claim(em, automationId, EngineClock.now(), ClaimMode.WAIT);
        if (model != null) {
            em.flush();
            em.refresh(model);
        }
        return model;
    }

    /**
     * Persists (does not flush) a new running automation. Its id and key are set before the insert:
     * setting the key after persist would cost an UPDATE.
     *
     * @param startNode the node it starts at when it has no task yet, null when the caller enters it
     * @param nextRun when the tick may start it, null to leave it to the caller
     */
    static AutomationModel insert(EntityManager em, AutomationDefinition definition, Data data, String uniqueKey,
            String startNode, Instant nextRun, Instant now) {
        AutomationModel model = new AutomationModel();
        model.setAutomationClass(definition.getClassName());
        model.setStatus(AutomationStatus.RUNNING);
        model.setData(data);
        model.setUniqueKey(uniqueKey);
        model.setStartNode(startNode);
        model.setStartedVersion(definition.getVersion());
        model.setRunVersion(definition.getVersion());
        model.setCreated(now);
        model.setUpdated(now);
        model.setNextRun(nextRun);
        model.assignId(PooledIdGenerator.nextId(em.unwrap(SharedSessionContractImplementor.class), PooledIdGenerator.AUTOMATIONS));
        model.setKey(AutomationKeys.newKey());
        em.persist(model);
        return model;
    }
}
