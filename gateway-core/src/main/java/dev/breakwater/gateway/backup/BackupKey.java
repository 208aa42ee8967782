package dev.breakwater.gateway.backup;

import dev.breakwater.gateway.secrets.StoreKeys;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.SettingsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The key the backup is encrypted with: the {@code config.backup.encryption.key} setting, or else
 * the file {@value #FILE} in the backup directory, generated ({@code 0600}) when there is none.
 * Kept out of the database file, so that the file alone (copied, or read with {@code strings})
 * gives away no secret a served document holds.
 */
public final class BackupKey {

    /** The file a generated key is kept in, beside the database. */
    public static final String FILE = "backup-key";

    private BackupKey() {
    }

    /**
     * The key the setting gives, checked before anything is created on disk.
     *
     * @param setting the setting's value, or {@code null} when unset
     * @return the key, or {@code null} when unset
     */
    public static byte[] fromSetting(String setting) throws SettingsException {
        if (setting == null) {
            return null;
        }
        try {
            return StoreKeys.decode(setting);
        } catch (IllegalArgumentException e) { // the message never holds the value
            throw new SettingsException("setting '" + GatewaySettings.BACKUP_KEY + "' " + e.getMessage());
        }
    }

    /**
     * The key in the key file, or {@code null} when there is no key file.
     *
     * @throws SettingsException when the file is there but cannot be read or holds no key
     */
    static byte[] read(Path file) throws SettingsException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return StoreKeys.read(file);
        } catch (IOException e) {
            throw new SettingsException("cannot read the backup key file " + file + " (" + e.getMessage()
                    + "); make it readable by the gateway's user, or set " + GatewaySettings.BACKUP_KEY);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("the backup key file " + file + " does not hold a key: it " + e.getMessage()
                    + "; restore the original, or delete it (the backup it encrypted is then set aside at the "
                    + "next start and a new one begun)");
        }
    }

    /** Generates a new key into the key file. */
    static byte[] create(Path file) throws SettingsException {
        try {
            return StoreKeys.create(file);
        } catch (IOException e) {
            throw new SettingsException("cannot create the backup key file " + file + ": " + e.getMessage()
                    + "; make " + file.getParent() + " writable by the gateway's user, or set "
                    + GatewaySettings.BACKUP_KEY);
        }
    }
}
