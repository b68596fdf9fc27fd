package org.automations.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.automations.flow.Automation;
import org.automations.security.AutomationKeys;

/**
 * Writes benchmark states straight into the engine's tables with JDBC batches (setting up 20 000
 * waiting automations through the engine would take longer than the measurement itself).
 */
final class BulkRows {

    /** Ids far above what the sequences hand out while the benchmark runs. */
    private static final long FIRST_ID = 1_000_000_000L;

    private final DataSource dataSource;
    private long nextId = FIRST_ID;

    BulkRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void deleteAll() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from atm_task_permission");
            s.executeUpdate("delete from atm_task");
            s.executeUpdate("delete from atm_automation");
        }
    }

    /**
     * Inserts {@code count} running automations of a class, each with one open task at {@code node}.
     *
     * @param due the task's not-before time (null for none)
     * @param nextRun the automation's next run (null: never polled)
     * @param group the task's interaction group (null: no person needed)
     */
    void insertWaiting(Class<? extends Automation> type, int count, String node, Instant due, Instant nextRun,
            String group) throws SQLException {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement a = c.prepareStatement("insert into atm_automation (id, automation_class, status,"
                    + " finished, data, automation_key, unique_key, paused_until, next_run, created, updated, version)"
                    + " values (?, ?, 'RUNNING', false, '{}', ?, null, ?, ?, ?, ?, 0)");
                    PreparedStatement t = c.prepareStatement("insert into atm_task (id, automation_id, previous_id,"
                            + " status, locked, requires_interaction, interaction_user, interaction_group,"
                            + " interaction_permissions, created, finished, due, message, result, awaits_person)"
                            + " values (?, ?, null, ?, 0, ?, null, ?, '[]', ?, null, ?, null, null, ?)")) {
                for (int i = 0; i < count; i++) {
                    long id = nextId++;
                    a.setLong(1, id);
                    a.setString(2, type.getName());
                    a.setString(3, AutomationKeys.newKey());
                    a.setTimestamp(4, ts(due));
                    a.setTimestamp(5, ts(nextRun));
                    a.setTimestamp(6, ts(now));
                    a.setTimestamp(7, ts(now));
                    a.addBatch();
                    t.setLong(1, id);
                    t.setLong(2, id);
                    t.setString(3, node);
                    t.setBoolean(4, group != null);
                    t.setString(5, group == null ? null : "group" + (i % 10));
                    t.setTimestamp(6, ts(now.minusMillis(count - i)));
                    t.setTimestamp(7, ts(due));
                    t.setBoolean(8, group != null);
                    t.addBatch();
                    if (i % 1000 == 999) {
                        a.executeBatch();
                        t.executeBatch();
                    }
                }
                a.executeBatch();
                t.executeBatch();
            }
            c.commit();
        }
    }

    /**
     * Inserts {@code count} running automations of a class, each with one open Form task at {@code node}
     * for one of {@code groups} groups ("group0" ...), as the task list sees them (W4): within each group every
     * tenth with a due time (half of those past), priorities 0 to 4, every hundredth claimed by {@code claimer}.
     */
    void insertOpenTasks(Class<? extends Automation> type, int count, String node, int groups, String claimer)
            throws SQLException {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement a = c.prepareStatement("insert into atm_automation (id, automation_class, status,"
                    + " finished, data, automation_key, created, updated, version)"
                    + " values (?, ?, 'RUNNING', false, '{}', ?, ?, ?, 0)");
                    PreparedStatement t = c.prepareStatement("insert into atm_task (id, automation_id, status, locked,"
                            + " requires_interaction, interaction_group, interaction_permissions, created, awaits_person,"
                            + " deadline, priority, claimed_by, overdue_handled)"
                            + " values (?, ?, ?, 0, true, ?, '[]', ?, true, ?, ?, ?, false)")) {
                for (int i = 0; i < count; i++) {
                    long id = nextId++;
                    Timestamp created = ts(now.minusMillis(count - i));
                    a.setLong(1, id);
                    a.setString(2, type.getName());
                    a.setString(3, AutomationKeys.newKey());
                    a.setTimestamp(4, created);
                    a.setTimestamp(5, created);
                    a.addBatch();
                    t.setLong(1, id);
                    t.setLong(2, id);
                    t.setString(3, node);
                    t.setString(4, "group" + (i % groups));
                    t.setTimestamp(5, created);
                    int k = i / groups; // the task's place within its group: each group gets the same mix
                    t.setTimestamp(6, k % 10 == 0 ? ts(now.plusSeconds(k % 20 == 0 ? -3600 : 3600)) : null);
                    t.setInt(7, k % 5);
                    t.setString(8, k % 100 == 3 ? claimer : null);
                    t.addBatch();
                    if (i % 1000 == 999) {
                        a.executeBatch();
                        t.executeBatch();
                    }
                }
                a.executeBatch();
                t.executeBatch();
            }
            c.commit();
        }
    }

    /** Fresh planner statistics after a bulk insert (PostgreSQL; H2 keeps its own). */
    void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                s.execute("analyze atm_automation");
                s.execute("analyze atm_task");
            }
        }
    }

    /** How many automations of the class have not finished. */
    long unfinished(Class<? extends Automation> type) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*) from atm_automation where automation_class = ?"
                        + " and finished = false")) {
            q.setString(1, type.getName());
            try (var result = q.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Inserts count automation rows to be updated by the physical-limit measurement. */
    long[] insertPlain(int count) throws SQLException {
        long[] ids = new long[count];
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement a = c.prepareStatement("insert into atm_automation (id, automation_class, status,"
                    + " finished, data, created, updated, version) values (?, 'plain', 'RUNNING', false, '{}', ?, ?, 0)")) {
                Timestamp now = ts(Instant.now());
                for (int i = 0; i < count; i++) {
                    ids[i] = nextId++;
                    a.setLong(1, ids[i]);
                    a.setTimestamp(2, now);
                    a.setTimestamp(3, now);
                    a.addBatch();
                }
                a.executeBatch();
            }
            c.commit();
        }
        return ids;
    }

    /**
     * The physical limit of a step: one transaction inserting a task row and updating its automation
     * row, single-threaded. Returns transactions per second.
     */
    double minimalStepRate(long[] automations) throws SQLException {
        Timestamp now = ts(Instant.now());
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement t = c.prepareStatement("insert into atm_task (id, automation_id, previous_id, status,"
                    + " locked, requires_interaction, interaction_permissions, created, finished, message)"
                    + " values (?, ?, null, 's1', 0, false, '[]', ?, ?, 'OK')");
                    PreparedStatement a = c.prepareStatement(
                            "update atm_automation set data = ?, updated = ?, version = version + 1 where id = ?")) {
                for (long id : automations) {
                    t.setLong(1, nextId++);
                    t.setLong(2, id);
                    t.setTimestamp(3, now);
                    t.setTimestamp(4, now);
                    t.executeUpdate();
                    a.setString(1, "{\"s1\":" + id + "}");
                    a.setTimestamp(2, now);
                    a.setLong(3, id);
                    a.executeUpdate();
                    c.commit();
                }
            }
        }
        return automations.length / ((System.nanoTime() - start) / 1e9);
    }

    private static Timestamp ts(Instant time) {
        return time == null ? null : Timestamp.from(time);
    }
}
