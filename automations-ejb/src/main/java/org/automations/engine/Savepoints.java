package org.automations.engine;

import jakarta.persistence.EntityManager;
import java.sql.Statement;
import org.hibernate.Session;

/**
 * A savepoint before each step of a burst, set with SQL on the persistence unit's own connection
 * (JTA forbids the JDBC savepoint rollback, SQL is portable between H2 and PostgreSQL). Rolling back
 * to it undoes exactly the rows the failed step wrote; clearing the persistence context drops what
 * it had not flushed. The statements go straight to the session's JDBC connection: as JPA queries
 * they would cost a second dirty check of every managed entity per step.
 */
final class Savepoints {

    private final EntityManager em;
    private boolean set;

    Savepoints(EntityManager em) {
        this.em = em;
    }

    /** Flushes what the previous steps did, then marks the point to return to. */
    void set() {
        em.flush();
        execute("savepoint atm_step");
        set = true;
    }

    /** Undoes the step since the last {@link #set()}; every managed entity is detached. */
    void rollback() {
        if (!set) {
            throw new IllegalStateException("no savepoint to roll back to");
        }
        em.clear();
        execute("rollback to savepoint atm_step");
        set = false;
    }

    private void execute(String sql) {
        em.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
    }
}
