package org.automations.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.automations.engine.migration.V3TaskPermissions;
import org.automations.engine.migration.V5HistoryWithoutCascades;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema to the current version with the versioned migrations in
 * {@code db/migration} (and the Java migrations registered here) before anything else of the engine runs.
 */
@Singleton
@Startup
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    @Resource(lookup = "java:jboss/datasources/AutomationsDS")
    DataSource dataSource;

    /** Tests only: drop everything in the schema first so every run starts empty. */
    @Inject
    @ConfigProperty(name = "automations.schema.clean", defaultValue = "false")
    boolean cleanFirst;

    /** The version the migrations brought the schema to at start-up (readiness compares the database's). */
    private volatile String version;

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .javaMigrations(new V3TaskPermissions(), new V5HistoryWithoutCascades())
                .cleanDisabled(!cleanFirst)
                .load();
        if (cleanFirst) {
            flyway.clean();
        }
        flyway.migrate();
        var current = flyway.info().current();
        version = current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
    }

    /** The schema version this deployment migrated to; null before the migrations ran. */
    public String version() {
        return version;
    }

    /** The schema history table (Flyway's), where the version of the database can be read. */
    public static final String HISTORY_TABLE = "atm_schema_history";
}
