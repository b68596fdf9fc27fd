package org.automations.engine.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 5: drops the foreign keys of {@code atm_task} (to its automation) and of
 * {@code atm_task_permission} (to its task). Their cascades ran a trigger per deleted row, which
 * made the history cleanup three times slower on PostgreSQL, and every task insert looked its
 * automation up again. The engine deletes tasks and permission rows itself, in the same statement
 * batch as their automation (kill, history cleanup). In Java because H2 names unnamed constraints
 * itself: their names are read from the JDBC metadata.
 */
public class V5HistoryWithoutCascades extends JavaSchemaMigration {

    public V5HistoryWithoutCascades() {
        super("5", "history without cascading foreign keys");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (String table : List.of("atm_task_permission", "atm_task")) {
            String name = identifier(connection.getMetaData(), table);
            for (String key : foreignKeys(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("alter table " + table + " drop constraint " + quoted(key));
                }
            }
        }
    }

    private static List<String> foreignKeys(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet keys = connection.getMetaData().getImportedKeys(connection.getCatalog(), connection.getSchema(),
                table)) {
            while (keys.next()) {
                String name = keys.getString("FK_NAME");
                if (name != null && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The table name as the database stores it (H2 upper case, PostgreSQL lower case). */
    private static String identifier(DatabaseMetaData metaData, String name) throws SQLException {
        return metaData.storesUpperCaseIdentifiers() ? name.toUpperCase() : name;
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
