package org.automations.model;

import java.lang.reflect.Member;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.AnnotationBasedGenerator;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.EventTypeSets;
import org.hibernate.generator.GeneratorCreationContext;

/**
 * Ids from a sequence in blocks of its increment, the way Hibernate's pooled optimizer takes them (a
 * value v of the sequence stands for the ids v-49 to v), so they never collide with ids handed out
 * before. Unlike a plain sequence generator it keeps an id assigned before persist: the engine gives
 * a new automation its id (and so its key) before the insert, and a task its id when the task is
 * entered, inserting the row once it is finished: one INSERT instead of an INSERT and an UPDATE.
 */
public class PooledIdGenerator implements BeforeExecutionGenerator, AnnotationBasedGenerator<PooledId> {

    private static final long serialVersionUID = 1L;

    /** The sequence of task ids. */
    public static final String TASKS = "atm_task_seq";

    /** The sequence of automation ids. */
    public static final String AUTOMATIONS = "atm_automation_seq";

    /** The increment of the engine's sequences (V1). */
    static final int BLOCK = 50;

    private static final Map<String, Block> BLOCKS = new ConcurrentHashMap<>();

    private String sequence;

    @Override
    public void initialize(PooledId annotation, Member member, GeneratorCreationContext context) {
        this.sequence = annotation.sequence();
    }

    @Override
    public Object generate(SharedSessionContractImplementor session, Object owner, Object currentValue,
            EventType eventType) {
        return currentValue != null ? currentValue : nextId(session, sequence);
    }

    @Override
    public EnumSet<EventType> getEventTypes() {
        return EventTypeSets.INSERT_ONLY;
    }

    @Override
    public boolean allowAssignedIdentifiers() {
        return true;
    }

    /** The next free id of the sequence; reads the sequence once per block, on the session's connection. */
    public static long nextId(SharedSessionContractImplementor session, String sequence) {
        Block block = BLOCKS.computeIfAbsent(sequence, name -> new Block());
        synchronized (block) {
            if (block.next > block.last) {
                long high = sequenceValue(session, sequence);
                block.last = high;
                block.next = Math.max(1, high - BLOCK + 1);
            }
            return block.next++;
        }
    }

    private static final class Block {
        private long next = 1;
        private long last = 0;
    }

    private static long sequenceValue(SharedSessionContractImplementor session, String sequence) {
        String sql = session.getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(sequence);
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
        try {
            ResultSet result = jdbc.getResultSetReturn().extract(statement, sql);
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the sequence " + sequence, e);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }
}
