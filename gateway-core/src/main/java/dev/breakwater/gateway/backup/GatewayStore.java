package dev.breakwater.gateway.backup;

import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.db.SchemaMigrator;
import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.SettingsException;
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
 * The gateway's own H2 database (schema in {@code sql/gateway}): the configuration backup,
 * encrypted with the {@link BackupKey}, and the telemetry spool. A file that cannot be opened,
 * or that was encrypted with a key that is missing or another, is set aside (renamed, never
 * deleted) and a new one started: the gateway still starts when its management plane answers,
 * and the old file can be put back with its key. Its directory is created {@code 0700} and its
 * file kept {@code 0600} ({@link H2Database}).
 */
public final class GatewayStore {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayStore.class);
    static final String NAME = "config-backup";
    private static final List<String> SCHEMA = List.of("V1__backup.sql", "V2__telemetry_spool.sql",
            "V3__backup_encryption.sql");

    /**
     * An open store.
     *
     * @param cipher   encrypts the backed-up documents ({@code null} for the in-memory store of a gateway without backup)
     * @param setAside what was set aside at opening and why, or {@code null}
     */
    public record Opened(H2Database database, SecretCipher cipher, String setAside) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }

    private GatewayStore() {
    }

    /**
     * Opens (or creates) the store in {@code directory}, with its key; documents an earlier
     * version stored in plain text are encrypted, and the file compacted so no plain copy stays.
     *
     * @param configuredKey the {@code config.backup.encryption.key} setting ({@link BackupKey#fromSetting}), or
     *                      {@code null} for the key file
     * @throws SettingsException when the key file cannot be read or created
     */
    public static Opened open(Path directory, byte[] configuredKey, Clock clock) throws SQLException, SettingsException {
        Path keyFile = directory.toAbsolutePath().resolve(BackupKey.FILE);
        String setAside = null;
        H2Database database = openReadable(directory, clock);
        try {
            if (database == null) {
                setAside = "the previous backup could not be read and was set aside";
                database = migrated(H2Database.open(directory, NAME));
            }
            String check = BackupEncryption.check(database);
            byte[] key = configuredKey != null ? configuredKey : BackupKey.read(keyFile);
            if (check != null && (key == null || !BackupEncryption.opens(check, new SecretCipher(key)))) {
                database.close();
                setAside = setAsideForKey(directory, key == null, configuredKey != null, keyFile, clock);
                database = migrated(H2Database.open(directory, NAME));
                check = null;
            }
            if (key == null) {
                key = BackupKey.create(keyFile);
                LOG.info("backup key generated in {}; the backup in {} cannot be read without it", keyFile, directory);
            }
            SecretCipher cipher = new SecretCipher(key);
            int sealed = BackupEncryption.sealPlain(database, cipher, check == null);
            if (sealed > 0) {
                database.closeCompacted(); // no plain copy of a document may stay in the file
                database = migrated(H2Database.open(directory, NAME));
                LOG.info("encrypted {} backed-up configuration(s) that an earlier version stored in plain text", sealed);
            }
            return new Opened(database, cipher, setAside);
        } catch (SQLException | SettingsException | RuntimeException e) {
            if (database != null) {
                database.close();
            }
            throw e;
        }
    }

    /** A store that lives as long as the process: the telemetry spool of a gateway without a backup. */
    public static H2Database inMemory() throws SQLException {
        return migrated(H2Database.inMemory("gateway-" + UUID.randomUUID()));
    }

    /** The store, or {@code null} when its file could not be opened and was set aside. */
    private static H2Database openReadable(Path directory, Clock clock) throws SQLException {
        try {
            return migrated(H2Database.open(directory, NAME));
        } catch (SQLException unreadable) {
            Path file = directory.resolve(NAME + ".mv.db");
            if (!Files.exists(file) || unreadable.getErrorCode() == H2Database.IN_USE) { // in use, not damaged
                throw unreadable;
            }
            Path aside = moveAside(directory, "unreadable", clock, unreadable);
            LOG.error("the configuration backup {} cannot be read ({}); set aside as {}, starting a new one",
                    file, unreadable.getMessage().lines().findFirst().orElse(""), aside.getFileName());
            return null;
        }
    }

    private static String setAsideForKey(Path directory, boolean keyMissing, boolean fromSetting, Path keyFile,
                                         Clock clock) throws SQLException {
        Path aside = moveAside(directory, "other-key", clock, null);
        String why = keyMissing ? "its key file " + keyFile + " is missing"
                : "the key from " + (fromSetting ? "the setting " + GatewaySettings.BACKUP_KEY : keyFile)
                + " is not the key it was encrypted with";
        String howBack = "to use it again, stop the gateway, "
                + (keyMissing || !fromSetting ? "put the original " + BackupKey.FILE + " back in " + directory
                : "set " + GatewaySettings.BACKUP_KEY + " to the original key")
                + " and rename " + aside.getFileName() + " to " + NAME + ".mv.db";
        LOG.error("the configuration backup in {} cannot be decrypted: {}; set aside as {} (not deleted), starting a "
                + "new backup; {}", directory, why, aside.getFileName(), howBack);
        return "the previous backup was set aside as " + aside + " because " + why + "; " + howBack;
    }

    private static Path moveAside(Path directory, String reason, Clock clock, SQLException cause) throws SQLException {
        Path file = directory.resolve(NAME + ".mv.db");
        Path aside = directory.resolve(NAME + ".mv.db." + reason + "-" + clock.instant().toEpochMilli());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            return aside;
        } catch (IOException e) {
            throw new SQLException("the backup " + file + " cannot be used" + (cause == null ? "" : " ("
                    + cause.getMessage() + ")") + " and cannot be set aside: " + e, cause);
        }
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
