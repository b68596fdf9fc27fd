package org.automations.engine.migration;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema version written in Java (registered in SchemaMigration): its number and description,
 * no checksum (Flyway has no script to hash), run inside the migration's transaction.
 */
abstract class JavaSchemaMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    JavaSchemaMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
