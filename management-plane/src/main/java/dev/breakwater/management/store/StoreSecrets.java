package dev.breakwater.management.store;

import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.secrets.SecretException;
import dev.breakwater.gateway.secrets.StoreKeys;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.management.ManagementSettings;
import dev.breakwater.management.db.StoreDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store key, found and checked before any secret is read or written: the
 * {@code store.encryption.key} setting, or else {@code <data.dir>/store-key}, generated
 * ({@code 0600}) only while the store holds no encrypted secret yet. A store that holds some is
 * never given a new key: a missing or different key stops the start with what to restore,
 * since a new key would make every gateway token invalid. Gateway keys stored in plain text by
 * an earlier version are encrypted on the way, in one transaction with the check value.
 */
public final class StoreSecrets {

    /** The file the generated key is kept in, beside the database. */
    public static final String KEY_FILE = "store-key";

    private static final Logger LOG = LoggerFactory.getLogger(StoreSecrets.class);
    private static final String CHECK_CONTEXT = "store_key_check";
    private static final String CHECK_VALUE = "breakwater store key";

    /** The cipher, and how many gateways' keys were found in plain text and encrypted just now. */
    public record Opened(SecretCipher cipher, int encryptedNow) {
    }

    private StoreSecrets() {
    }

    /**
     * @param configuredKey the {@code store.encryption.key} setting, already checked, or {@code null}
     * @throws SettingsException when the key is missing, unreadable or not the store's
     */
    public static Opened open(StoreDatabase database, String configuredKey, Path dataDir)
            throws SQLException, SettingsException {
        String check = check(database);
        Path keyFile = dataDir.resolve(KEY_FILE).toAbsolutePath();
        String source = configuredKey != null ? "the setting " + ManagementSettings.STORE_KEY : keyFile.toString();
        SecretCipher cipher = new SecretCipher(key(configuredKey, keyFile, check != null, database));
        if (check != null) {
            try {
                cipher.open(check, CHECK_CONTEXT);
            } catch (SecretException e) {
                throw new SettingsException("the store key from " + source + " is not the key the secrets in "
                        + database.describe() + " were encrypted with; restore the original " + KEY_FILE
                        + " file in data.dir, or set " + ManagementSettings.STORE_KEY + " to the original key");
            }
        }
        GatewayKeyTable keys = new GatewayKeyTable(cipher);
        int[] encrypted = new int[1];
        String[] madeMeanwhile = new String[1];
        database.inTransaction(connection -> {
            database.lockWrites(connection); // another instance may be starting on the same new database
            encrypted[0] = keys.sealPlain(connection);
            if (check == null) {
                madeMeanwhile[0] = check(connection);
                if (madeMeanwhile[0] == null) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO store_key_check (id, sealed) VALUES (1, ?)")) {
                        insert.setString(1, cipher.seal(CHECK_VALUE, CHECK_CONTEXT));
                        insert.executeUpdate();
                    }
                }
            }
        });
        if (madeMeanwhile[0] != null) {
            try {
                cipher.open(madeMeanwhile[0], CHECK_CONTEXT);
            } catch (SecretException e) {
                throw new SettingsException("the store key from " + source + " is not the key another management "
                        + "plane on " + database.describe() + " started with just now; give every instance the same "
                        + ManagementSettings.STORE_KEY);
            }
        }
        if (encrypted[0] > 0) {
            LOG.info("encrypted the keys of {} gateway(s) that an earlier version stored in plain text", encrypted[0]);
        }
        return new Opened(cipher, encrypted[0]);
    }

    private static byte[] key(String configuredKey, Path keyFile, boolean storeHasSecrets, StoreDatabase database)
            throws SettingsException {
        if (configuredKey != null) {
            return StoreKeys.decode(configuredKey);
        }
        if (Files.exists(keyFile)) {
            try {
                return StoreKeys.read(keyFile);
            } catch (IOException e) {
                throw new SettingsException("cannot read the store key file " + keyFile + " (" + e.getMessage()
                        + "); make it readable by this user, or set " + ManagementSettings.STORE_KEY);
            } catch (IllegalArgumentException e) {
                throw new SettingsException("the store key file " + keyFile + " does not hold a key: it "
                        + e.getMessage() + "; restore the original from your backup of data.dir");
            }
        }
        if (storeHasSecrets) {
            throw new SettingsException("the store key file " + keyFile + " is missing, and " + database.describe()
                    + " holds secrets encrypted with it; restore it from your backup of data.dir, or set "
                    + ManagementSettings.STORE_KEY + " to the key (a new key would invalidate every gateway token)");
        }
        try {
            byte[] key = StoreKeys.create(keyFile);
            LOG.info("store key generated in {}; keep it with the backups of data.dir: the database's secrets need it",
                    keyFile);
            return key;
        } catch (IOException e) {
            throw new SettingsException("cannot create the store key file " + keyFile + ": " + e.getMessage());
        }
    }

    /** The sealed check value, or {@code null} while the store holds no encrypted secret. */
    private static String check(StoreDatabase database) throws SQLException {
        try (Connection connection = database.connection()) {
            return check(connection);
        }
    }

    private static String check(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT sealed FROM store_key_check WHERE id = 1")) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
