package org.automations.engine;

import jakarta.persistence.EntityManager;

/**
 * A savepoint before each step of a burst, set with SQL on the persistence unit's own connection
 * (JTA forbids the JDBC savepoint rollback, SQL is portable between H2 and PostgreSQL). Rolling back
 * to it undoes exactly the rows the failed step wrote; clearing the persistence context drops what
 * it had not flushed.
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
        em.createNativeQuery("savepoint atm_step").executeUpdate();
        set = true;
    }

    /** Undoes the step since the last {@link #set()}; every managed entity is detached. */
    void rollback() {
        if (!set) {
            throw new IllegalStateException("no savepoint to roll back to");
        }
        em.clear();
        em.createNativeQuery("rollback to savepoint atm_step").executeUpdate();
        set = false;
    }
}
