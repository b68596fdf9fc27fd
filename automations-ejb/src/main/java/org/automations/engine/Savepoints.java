package org.automations.engine;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;

/**
 * A JDBC savepoint before each step of a burst. Inside a JTA transaction the datasource hands out the
 * connection the persistence unit already uses, so rolling back to the savepoint undoes exactly the
 * rows the failed step flushed; clearing the persistence context drops what it had not flushed.
 */
final class Savepoints implements AutoCloseable {

    private final EntityManager em;
    private final DataSource dataSource;
    private Connection connection;
    private Savepoint savepoint;

    Savepoints(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** Flushes what the previous steps did, then marks the point to return to. */
    void set() throws SQLException {
        em.flush();
        if (connection == null) {
            connection = dataSource.getConnection();
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
        savepoint = connection.setSavepoint();
    }

    /** Undoes the step since the last {@link #set()}; every managed entity is detached. */
    void rollback() throws SQLException {
        connection.rollback(savepoint);
        savepoint = null;
        em.clear();
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
