package org.automations.engine.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.automations.json.JsonValues;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 3: copies the permissions of tasks written before version 2 from their JSON list
 * into {@code atm_task_permission}. In Java because parsing JSON in SQL is not portable. Without it
 * the task list would treat an older task as if it required no permission.
 */
public class V3TaskPermissions extends JavaSchemaMigration {

    public V3TaskPermissions() {
        super("3", "task permissions from JSON");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        // Only tasks without rows, so running it again (or over new tasks) inserts nothing twice.
        try (PreparedStatement select = connection.prepareStatement("select t.id, t.interaction_permissions from atm_task t"
                + " where t.interaction_permissions is not null and t.interaction_permissions <> '[]'"
                + " and not exists (select 1 from atm_task_permission p where p.task_id = t.id)");
                PreparedStatement insert = connection.prepareStatement(
                        "insert into atm_task_permission (task_id, permission) values (?, ?)");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                for (String permission : permissions(rows.getString(2))) {
                    insert.setLong(1, rows.getLong(1));
                    insert.setString(2, permission);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static Set<String> permissions(String json) {
        Set<String> permissions = new LinkedHashSet<>();
        if (JsonValues.parse(json) instanceof List<?> list) {
            list.forEach(p -> permissions.add(String.valueOf(p)));
        }
        return permissions;
    }
}
