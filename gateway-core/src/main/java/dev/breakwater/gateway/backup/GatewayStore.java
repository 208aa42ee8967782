package dev.breakwater.gateway.backup;

import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.db.SchemaMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own H2 database (schema in {@code sql/gateway}): the configuration backup and
 * the telemetry spool. A file that cannot be opened is set aside (renamed, never deleted) and
 * a new one started. Its directory is created {@code 0700} and its file kept {@code 0600} ({@link H2Database}).
 */
public final class GatewayStore {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayStore.class);
    static final String NAME = "config-backup";
    private static final List<String> SCHEMA = List.of("V1__backup.sql", "V2__telemetry_spool.sql");

    private GatewayStore() {
    }

    /** Opens (or creates) the store in {@code directory}. */
    public static H2Database open(Path directory, Clock clock) throws SQLException {
        try {
            return migrated(H2Database.open(directory, NAME));
        } catch (SQLException unreadable) {
            Path file = directory.resolve(NAME + ".mv.db");
            if (!Files.exists(file) || unreadable.getErrorCode() == H2Database.IN_USE) { // in use, not damaged
                throw unreadable;
            }
            Path aside = directory.resolve(NAME + ".mv.db.unreadable-" + clock.instant().toEpochMilli());
            try {
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new SQLException("the backup " + file + " cannot be read (" + unreadable.getMessage()
                        + ") and cannot be set aside: " + e, unreadable);
            }
            LOG.error("the configuration backup {} cannot be read ({}); set aside as {}, starting a new one",
                    file, unreadable.getMessage().lines().findFirst().orElse(""), aside.getFileName());
            return migrated(H2Database.open(directory, NAME));
        }
    }

    /** A store that lives as long as the process: the telemetry spool of a gateway without a backup. */
    public static H2Database inMemory() throws SQLException {
        return migrated(H2Database.inMemory("gateway-" + UUID.randomUUID()));
    }

    private static H2Database migrated(H2Database database) throws SQLException {
        try {
            new SchemaMigrator("sql/gateway", SCHEMA).migrate(database);
            return database;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
        }
    }
}
