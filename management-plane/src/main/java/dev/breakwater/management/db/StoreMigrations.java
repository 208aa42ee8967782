package dev.breakwater.management.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store's schema up to date with Flyway, on H2 and on PostgreSQL alike. A store that
 * our own migrator of earlier versions kept (its table {@code schema_version}, one row per applied
 * file) is taken over: Flyway records a baseline at the version that table reached and applies
 * only what came after, so V1..V4 never run twice. A store with versions this program does not
 * know is refused (Flyway's validation), as before.
 */
public final class StoreMigrations {

    /** The table of the migrator this replaces. */
    static final String OLD_TABLE = "schema_version";
    /** How many files the old migrator could have applied: a newer recording is not ours to take over. */
    static final int OLD_VERSIONS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(StoreMigrations.class);

    private StoreMigrations() {
    }

    /**
     * @return the schema version the store is at now
     * @throws SQLException when a migration fails or the store is newer than this program; nothing
     *                      half-applied stays (each version is one transaction where the database allows it)
     */
    public static String migrate(StoreDatabase database) throws SQLException {
        int oldVersion = oldVersion(database);
        var configuration = Flyway.configure(StoreMigrations.class.getClassLoader())
                .dataSource(database.dataSource())
                .locations(database.schemaLocations().toArray(String[]::new))
                .failOnMissingLocations(true)
                .validateMigrationNaming(true);
        if (oldVersion > 0) {
            if (oldVersion > OLD_VERSIONS) {
                throw new SQLException(database.describe() + " has schema version " + oldVersion
                        + ", newer than this program knows (" + OLD_VERSIONS + "); use a newer version");
            }
            // taken over: everything up to what the old migrator recorded counts as applied
            configuration.baselineOnMigrate(true).baselineVersion(Integer.toString(oldVersion))
                    .baselineDescription("taken over from " + OLD_TABLE);
        }
        try {
            MigrateResult result = configuration.load().migrate();
            if (oldVersion > 0 && result.initialSchemaVersion == null) {
                LOG.info("{}: schema version {} recorded by an earlier version, now kept by Flyway",
                        database.describe(), oldVersion);
            }
            if (result.migrationsExecuted > 0) {
                LOG.info("{}: applied {} schema version(s), now at {}", database.describe(),
                        result.migrationsExecuted, result.targetSchemaVersion);
            }
            return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        } catch (FlywayException e) {
            throw new SQLException("the schema of " + database.describe() + " cannot be brought up to date: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The version the old migrator recorded, or 0: none, or Flyway keeps the store already
     * (its history table exists, so the old table is only a leftover).
     */
    private static int oldVersion(StoreDatabase database) throws SQLException {
        try (Connection connection = database.connection()) {
            if (!hasTable(connection, OLD_TABLE) || hasTable(connection, "flyway_schema_history")) {
                return 0;
            }
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                    "SELECT COALESCE(MAX(version), 0) FROM " + OLD_TABLE)) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        for (String spelling : new String[] {name, name.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet tables = metadata.getTables(null, connection.getSchema(), spelling, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
