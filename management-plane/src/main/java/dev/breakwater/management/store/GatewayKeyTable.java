package dev.breakwater.management.store;

import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.secrets.SecretException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateways' signing keys in H2, each encrypted on its own ({@link SecretCipher}) with its
 * place ({@code gateway_keys/<gateway>/<primary|secondary>}) as associated data: the database
 * file alone does not give a key to sign tokens with.
 */
final class GatewayKeyTable {

    private final SecretCipher cipher;

    GatewayKeyTable(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** Every gateway's keys, decrypted. */
    Map<String, GatewayKeys> load(Connection connection) throws SQLException, SecretException {
        Map<String, GatewayKeys> keys = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT gateway_id, primary_key, secondary_key FROM gateway_keys")) {
            while (rows.next()) {
                String gatewayId = rows.getString(1);
                keys.put(gatewayId, new GatewayKeys(cipher.open(rows.getString(2), context(gatewayId, "primary")),
                        cipher.open(rows.getString(3), context(gatewayId, "secondary"))));
            }
        }
        return keys;
    }

    void insert(Connection connection, String gatewayId, GatewayKeys keys) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO gateway_keys (primary_key, secondary_key, gateway_id) VALUES (?, ?, ?)")) {
            bind(insert, gatewayId, keys);
            insert.executeUpdate();
        }
    }

    void update(Connection connection, String gatewayId, GatewayKeys keys) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE gateway_keys SET primary_key = ?, secondary_key = ? WHERE gateway_id = ?")) {
            bind(update, gatewayId, keys);
            update.executeUpdate();
        }
    }

    void delete(Connection connection, String gatewayId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM gateway_keys WHERE gateway_id = ?")) {
            delete.setString(1, gatewayId);
            delete.executeUpdate();
        }
    }

    /** Encrypts the keys an earlier version stored in plain text; returns how many gateways had such keys. */
    int sealPlain(Connection connection) throws SQLException {
        Map<String, GatewayKeys> plain = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT gateway_id, primary_key, secondary_key FROM gateway_keys")) {
            while (rows.next()) {
                if (!SecretCipher.isSealed(rows.getString(2)) && !SecretCipher.isSealed(rows.getString(3))) {
                    plain.put(rows.getString(1), new GatewayKeys(rows.getString(2), rows.getString(3)));
                }
            }
        }
        for (Map.Entry<String, GatewayKeys> entry : plain.entrySet()) {
            update(connection, entry.getKey(), entry.getValue());
        }
        return plain.size();
    }

    private void bind(PreparedStatement statement, String gatewayId, GatewayKeys keys) throws SQLException {
        statement.setString(1, cipher.seal(keys.primary(), context(gatewayId, "primary")));
        statement.setString(2, cipher.seal(keys.secondary(), context(gatewayId, "secondary")));
        statement.setString(3, gatewayId);
    }

    private static String context(String gatewayId, String keyType) {
        return "gateway_keys/" + gatewayId + "/" + keyType;
    }
}
