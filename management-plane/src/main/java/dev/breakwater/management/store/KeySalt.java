package dev.breakwater.management.store;

import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.secrets.SecretException;
import dev.breakwater.gateway.subscription.KeyHash;
import dev.breakwater.management.db.StoreDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * The store's one salt for subscription key hashes ({@link KeyHash}): made the first time it is
 * needed, then kept sealed with the store key beside the other secrets, so that a gateway is served
 * the same hashes after a restart (an unchanged document renders to the same bytes).
 */
final class KeySalt {

    private static final String CONTEXT = "subscription_key_salt";

    private KeySalt() {
    }

    /**
     * The stored salt, or a new one stored now.
     *
     * @throws SecretException when the stored salt does not open with the cipher
     */
    static byte[] open(StoreDatabase database, SecretCipher cipher) throws SQLException, SecretException {
        byte[] fresh = KeyHash.newSalt();
        String[] stored = new String[1];
        // under the write lock: two instances starting on one new database make one salt between them
        database.inTransaction(connection -> {
            database.lockWrites(connection);
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                    "SELECT sealed FROM subscription_key_salt WHERE id = 1")) {
                if (row.next()) {
                    stored[0] = row.getString(1);
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO subscription_key_salt (id, sealed) VALUES (1, ?)")) {
                insert.setString(1, cipher.seal(Base64.getEncoder().encodeToString(fresh), CONTEXT));
                insert.executeUpdate();
            }
        });
        return stored[0] == null ? fresh : Base64.getDecoder().decode(cipher.open(stored[0], CONTEXT));
    }
}
