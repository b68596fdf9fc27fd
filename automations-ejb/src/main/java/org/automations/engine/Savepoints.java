package org.automations.engine;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Statement;
import org.hibernate.Session;
import org.hibernate.SessionEventListener;

/**
 * The savepoint before a step of a burst, set with SQL on the persistence unit's own connection
 * (JTA forbids the JDBC savepoint rollback; the SQL is the same on H2 and PostgreSQL). Rolling back
 * to it undoes exactly the rows the failed step wrote; clearing the persistence context drops what
 * it had not flushed.
 *
 * <p>The savepoint is set lazily: {@link #beforeStep} flushes what the earlier steps left and arms
 * this listener of the transaction's session; the savepoint statement goes out just before the
 * step's first statement through the persistence unit. A step that sends none (most only change
 * the automation's data, which the engine writes at the end of the burst) costs no round trip.
 * Writes through another persistence unit or a plain {@code DataSource} are not seen here; they are
 * outside the step guarantee (DESIGN.md, guarantee 1).
 */
final class Savepoints implements SessionEventListener {

    private static final long serialVersionUID = 1L;
    /** One instance per transaction, kept as a resource of it (a burst of the tick runs several automations). */
    private static final String RESOURCE = Savepoints.class.getName();

    private final transient Session session;
    /** A step runs and has sent no statement yet. */
    private boolean armed;
    /** The running step's savepoint exists. */
    private boolean set;

    private Savepoints(Session session) {
        this.session = session;
    }

    /** The savepoints of the current transaction's persistence context. */
    static Savepoints of(EntityManager em, TransactionSynchronizationRegistry transaction) {
        Savepoints savepoints = (Savepoints) transaction.getResource(RESOURCE);
        if (savepoints == null) {
            Session session = em.unwrap(Session.class);
            savepoints = new Savepoints(session);
            session.addEventListeners(savepoints);
            transaction.putResource(RESOURCE, savepoints);
        }
        return savepoints;
    }

    /** Flushes what the previous steps did; the step that follows gets its savepoint at its first statement. */
    void beforeStep() {
        armed = false; // the flush belongs to the steps before
        session.flush();
        set = false;
        armed = true;
    }

    /** The step is over: later statements (the engine's own) need no savepoint. */
    void afterStep() {
        armed = false;
    }

    /** Undoes the step since {@link #beforeStep}; every managed entity is detached. */
    void rollback() {
        armed = false;
        session.clear();
        if (set) {
            execute("rollback to savepoint atm_step");
            set = false;
        }
    }

    @Override
    public void jdbcPrepareStatementStart() {
        if (armed) {
            armed = false;
            execute("savepoint atm_step");
            set = true;
        }
    }

    /** Straight on the session's connection: as a JPA query it would flush (and dirty-check) again. */
    private void execute(String sql) {
        session.doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
    }
}
