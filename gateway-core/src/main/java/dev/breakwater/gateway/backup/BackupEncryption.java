package dev.breakwater.gateway.backup;

import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.secrets.SecretException;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The encryption of the backup in its database: a sealed check value that tells at once
 * whether a key is the backup's, and the sealing of documents an earlier version stored in
 * plain text.
 */
final class BackupEncryption {

    private static final String CHECK_CONTEXT = "backup_key_check";
    private static final String CHECK_VALUE = "breakwater backup key";

    private BackupEncryption() {
    }

    /** The sealed check value, or {@code null} while the backup has never been encrypted. */
    static String check(H2Database database) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT sealed FROM backup_key_check WHERE id = 1")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    /** Whether the check value opens with this cipher: whether it holds the backup's key. */
    static boolean opens(String check, SecretCipher cipher) {
        try {
            return CHECK_VALUE.equals(cipher.open(check, CHECK_CONTEXT));
        } catch (SecretException e) {
            return false;
        }
    }

    /**
     * In one transaction: encrypts every document stored in plain text, and stores the check
     * value when there is none yet. A plain document that no longer matches its hash is
     * encrypted too (no plain copy may stay) but keeps the hash, so it is still passed over.
     *
     * @return how many documents were stored in plain text
     */
    static int sealPlain(H2Database database, SecretCipher cipher, boolean addCheck) throws SQLException {
        int[] sealed = new int[1];
        database.inTransaction(connection -> {
            record Plain(long id, long revision, String sha256, byte[] document) {
            }
            List<Plain> plain = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT id, revision, sha256, document FROM generations")) {
                while (rows.next()) {
                    byte[] document = rows.getBytes(4);
                    if (!SecretCipher.isSealed(document)) {
                        plain.add(new Plain(rows.getLong(1), rows.getLong(2), rows.getString(3), document));
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE generations SET document = ?, sha256 = ? WHERE id = ?")) {
                for (Plain row : plain) {
                    byte[] stored = cipher.sealBytes(row.document(), ConfigBackup.context(row.revision()));
                    boolean intact = SnapshotCompiler.sha256(row.document()).equals(row.sha256());
                    update.setBytes(1, stored);
                    update.setString(2, intact ? SnapshotCompiler.sha256(stored) : row.sha256());
                    update.setLong(3, row.id());
                    update.executeUpdate();
                }
            }
            if (addCheck) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO backup_key_check (id, sealed) VALUES (1, ?)")) {
                    insert.setString(1, cipher.seal(CHECK_VALUE, CHECK_CONTEXT));
                    insert.executeUpdate();
                }
            }
            sealed[0] = plain.size();
        });
        return sealed[0];
    }
}
