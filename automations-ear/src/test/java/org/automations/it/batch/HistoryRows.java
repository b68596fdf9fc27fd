package org.automations.it.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Writes history straight into the engine's tables with JDBC batches: thousands of automations
 * finished weeks ago cannot be made through the engine (it stamps the present).
 */
final class HistoryRows {

    private final DataSource dataSource;
    private long nextId;

    /** Ids from {@code firstId} up; the engine's sequences stay far below in a test database. */
    HistoryRows(DataSource dataSource, long firstId) {
        this.dataSource = dataSource;
        this.nextId = firstId;
    }

    static void deleteAll(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from atm_task_permission");
            s.executeUpdate("delete from atm_task");
            s.executeUpdate("delete from atm_automation");
        }
    }

    /**
     * Inserts {@code count} automations in {@code status} (FINISHED and FAILED are finished), last
     * updated at {@code updated}, each with {@code tasks} finished tasks. Returns the first id.
     */
    long insert(int count, String status, Instant updated, int tasks) throws SQLException {
        long first = nextId;
        boolean finished = !status.equals("RUNNING");
        Timestamp time = Timestamp.from(updated);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement a = c.prepareStatement("insert into atm_automation (id, automation_class, status,"
                    + " finished, data, created, updated, version) values (?, 'org.example.Old', ?, ?, '{}', ?, ?, 0)");
                    PreparedStatement t = c.prepareStatement("insert into atm_task (id, automation_id, previous_id,"
                            + " status, locked, requires_interaction, interaction_permissions, created, finished,"
                            + " message) values (?, ?, null, ?, 0, false, '[]', ?, ?, 'OK')")) {
                for (int i = 0; i < count; i++) {
                    long id = nextId++;
                    a.setLong(1, id);
                    a.setString(2, status);
                    a.setBoolean(3, finished);
                    a.setTimestamp(4, time);
                    a.setTimestamp(5, time);
                    a.addBatch();
                    for (int k = 0; k < tasks; k++) {
                        t.setLong(1, id * 10 + k);
                        t.setLong(2, id);
                        t.setString(3, "step" + k);
                        t.setTimestamp(4, time);
                        t.setTimestamp(5, time);
                        t.addBatch();
                    }
                    if (i % 500 == 499) {
                        a.executeBatch();
                        t.executeBatch();
                    }
                }
                a.executeBatch();
                t.executeBatch();
            }
            c.commit();
        }
        return first;
    }

    /** Sets the last update of automations (the engine stamps the present; history must look old). */
    static void setUpdated(DataSource dataSource, Iterable<Long> ids, Instant updated) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update atm_automation set updated = ? where id = ?")) {
            for (long id : ids) {
                s.setTimestamp(1, Timestamp.from(updated));
                s.setLong(2, id);
                s.executeUpdate();
            }
        }
    }

    static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
