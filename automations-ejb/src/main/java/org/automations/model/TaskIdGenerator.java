package org.automations.model;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.EventTypeSets;

/**
 * Task ids from {@code atm_task_seq} in blocks of its increment, the way Hibernate's pooled optimizer
 * takes them (a value v of the sequence stands for the ids v-49 to v), so the ids never collide with
 * those handed out before. Unlike a plain sequence generator it keeps an id assigned before persist:
 * the engine gives a task its id when the task is entered and inserts the row only once the task is
 * finished or the burst ends, one INSERT instead of an INSERT and an UPDATE.
 */
public class TaskIdGenerator implements BeforeExecutionGenerator {

    private static final long serialVersionUID = 1L;

    /** The increment of atm_task_seq (V1). */
    static final int BLOCK = 50;

    private static final Object LOCK = new Object();
    private static long next = 1;
    private static long last = 0;

    @Override
    public Object generate(SharedSessionContractImplementor session, Object owner, Object currentValue,
            EventType eventType) {
        return currentValue != null ? currentValue : nextId(session);
    }

    @Override
    public EnumSet<EventType> getEventTypes() {
        return EventTypeSets.INSERT_ONLY;
    }

    @Override
    public boolean allowAssignedIdentifiers() {
        return true;
    }

    /** The next free task id; reads the sequence once per block, on the session's connection. */
    public static long nextId(SharedSessionContractImplementor session) {
        synchronized (LOCK) {
            if (next > last) {
                long high = sequenceValue(session);
                last = high;
                next = Math.max(1, high - BLOCK + 1);
            }
            return next++;
        }
    }

    private static long sequenceValue(SharedSessionContractImplementor session) {
        String sql = session.getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString("atm_task_seq");
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
        try {
            ResultSet result = jdbc.getResultSetReturn().extract(statement, sql);
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the sequence atm_task_seq", e);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }
}
