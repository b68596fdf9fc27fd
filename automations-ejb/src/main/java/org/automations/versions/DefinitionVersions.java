package org.automations.versions;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.AutomationRegistry;

/**
 * Records the declaration of every deployed automation class under its version when the deployment
 * starts (after the schema migration), and reads old declarations back for comparison. Rows are only
 * ever added: a version names one declaration for good, on every server of a cluster.
 */
@Singleton
@Startup
@Lock(LockType.READ) // history pages read versions at once; only the startup writes, before any read
@DependsOn("SchemaMigration")
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefinitionVersions {

    private static final Logger LOG = Logger.getLogger(DefinitionVersions.class.getName());

    @Resource(lookup = "java:jboss/datasources/AutomationsDS")
    DataSource dataSource;

    @Inject
    AutomationRegistry registry;

    @PostConstruct
    void recordDeployedDeclarations() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (AutomationDefinition definition : registry.all()) {
                record(connection, Declaration.of(definition));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the versions of the deployed automation classes: " + e.getMessage(), e);
        }
    }

    /** Inserts the declaration unless its version is there; another server inserting it at once is fine. */
    private static void record(Connection connection, Declaration declaration) throws SQLException {
        if (stored(connection, declaration.className(), declaration.version()).isPresent()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into atm_definition_version (class_name, version, declaration, recorded) values (?, ?, ?, ?)")) {
            insert.setString(1, declaration.className());
            insert.setString(2, declaration.version());
            insert.setString(3, declaration.toJson());
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            LOG.info(() -> "New version " + declaration.version() + " of " + declaration.className());
        } catch (SQLException raced) {
            if (stored(connection, declaration.className(), declaration.version()).isEmpty()) {
                throw raced;
            }
        }
    }

    /** The declaration stored under that version of the class, if any. */
    public Optional<Declaration> declaration(String className, String version) {
        if (version == null) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            return stored(connection, className, version).map(Declaration::fromJson);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read version " + version + " of " + className + ": " + e.getMessage(), e);
        }
    }

    /**
     * What changed from the given version of the class to the deployed declaration; empty when the
     * class is not deployed or the version is unknown (an instance started before versions were kept).
     */
    public Optional<DeclarationChanges> changesSince(String className, String version) {
        Optional<AutomationDefinition> deployed = registry.find(className);
        if (deployed.isEmpty()) {
            return Optional.empty();
        }
        Declaration current = Declaration.of(deployed.get());
        if (current.version().equals(version)) {
            return Optional.of(current.changesTo(current));
        }
        return declaration(className, version).map(old -> old.changesTo(current));
    }

    private static Optional<String> stored(Connection connection, String className, String version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select declaration from atm_definition_version where class_name = ? and version = ?")) {
            select.setString(1, className);
            select.setString(2, version);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
