package org.automations.it.versions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * What a redeployment that changed {@link Migratable} leaves behind, written with JDBC batches:
 * running automations that last ran with an older version and wait at nodes it no longer declares.
 */
public final class OldVersionRows {

    /** The version the rows last ran with (not the deployed one). */
    public static final String OLD_VERSION = "0123456789ab";

    private OldVersionRows() {
    }

    /**
     * Inserts running automations of {@link Migratable} that last ran with {@link #OLD_VERSION}, each
     * with an open task at each node given (as the older version left them); returns the first id.
     */
    static long insert(DataSource dataSource, long firstId, int count, String... nodes) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement a = c.prepareStatement("insert into atm_automation (id, automation_class, status,"
                    + " finished, data, automation_key, created, updated, version, started_version, run_version)"
                    + " values (?, ?, 'RUNNING', false, '{}', ?, ?, ?, 0, ?, ?)");
                    PreparedStatement t = c.prepareStatement("insert into atm_task (id, automation_id, previous_id,"
                            + " status, locked, requires_interaction, awaits_person, interaction_permissions, created,"
                            + " overdue_handled, priority) values (?, ?, null, ?, 0, false, false, '[]', ?, false, 0)")) {
                for (int i = 0; i < count; i++) {
                    long id = firstId + i;
                    a.setLong(1, id);
                    a.setString(2, Migratable.class.getName());
                    a.setString(3, "m" + id);
                    a.setTimestamp(4, now);
                    a.setTimestamp(5, now);
                    a.setString(6, OLD_VERSION);
                    a.setString(7, OLD_VERSION);
                    a.addBatch();
                    for (int k = 0; k < nodes.length; k++) {
                        t.setLong(1, id * 10 + k);
                        t.setLong(2, id);
                        t.setString(3, nodes[k]);
                        t.setTimestamp(4, now);
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
        return firstId;
    }

    static void delete(DataSource dataSource, long first, int count) throws SQLException {
        String range = " between " + first + " and " + (first + count - 1);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from atm_task_permission where task_id in (select id from atm_task where automation_id" + range + ")");
            s.executeUpdate("update atm_task set previous_id = null where automation_id" + range);
            s.executeUpdate("delete from atm_task where automation_id" + range);
            s.executeUpdate("delete from atm_automation where id" + range);
        }
    }
}
