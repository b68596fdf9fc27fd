package org.automations.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.automations.engine.SchemaMigration;
import org.automations.health.publish.EngineChecks;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Ready when the database answers and its schema is at the version this deployment migrated it to
 * (SchemaMigration): one query of the schema history's newest row proves both. It never waits long:
 * the query times out after {@link #QUERY_TIMEOUT_SECONDS}, and AutomationsDS hands out a connection
 * within 5 s or fails (blocking-timeout-wait-millis, configure.cli).
 */
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = EngineChecks.DATABASE;
    static final int QUERY_TIMEOUT_SECONDS = 2;

    /** Flyway quotes the names of its table and columns (lower case) on H2 and PostgreSQL alike. */
    private static final String NEWEST_VERSION = "select \"version\" from \"" + SchemaMigration.HISTORY_TABLE + "\""
            + " where \"success\" = true and \"version\" is not null order by \"installed_rank\" desc";

    @Resource(lookup = "java:jboss/datasources/AutomationsDS")
    DataSource dataSource;

    @Inject
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        String expected = migration.version();
        response.withData("expectedSchemaVersion", String.valueOf(expected));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(NEWEST_VERSION)) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            statement.setMaxRows(1);
            String version;
            try (ResultSet rows = statement.executeQuery()) {
                version = rows.next() ? rows.getString(1) : null;
            }
            response.withData("database", connection.getMetaData().getDatabaseProductName())
                    .withData("schemaVersion", String.valueOf(version));
            if (expected == null || !Objects.equals(expected, version)) {
                return response.withData("error", "the schema is not at the version this deployment migrated to").down()
                        .build();
            }
            return response.up().build();
        } catch (SQLException | RuntimeException e) {
            return response.withData("database", "unreachable").withData("error", String.valueOf(e.getMessage())).down()
                    .build();
        }
    }
}
