package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.secrets.SecretException;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.management.model.ManagementDocument;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

/**
 * The rows of {@code config_revisions} and {@code gateway_keys} as the store reads and writes
 * them: the newest revision's number, the newest document with every gateway's keys, a new revision.
 */
final class RevisionTable {

    /** What the database holds now: the newest document (empty when none) and the keys. */
    record Stored(ManagementDocument document, Map<String, GatewayKeys> keys) {
    }

    private final SealedValues sealedValues;
    private final GatewayKeyTable keyTable;
    private final StrictJson json;
    private final Clock clock;

    RevisionTable(SealedValues sealedValues, GatewayKeyTable keyTable, StrictJson json, Clock clock) {
        this.sealedValues = sealedValues;
        this.keyTable = keyTable;
        this.json = json;
        this.clock = clock;
    }

    /** The newest revision stored, 0 when none. */
    long newest(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COALESCE(MAX(revision), 0) FROM config_revisions")) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * The newest document and the keys, secrets opened.
     *
     * @throws SecretException when a stored secret does not open with the store key
     * @throws ConfigException when the stored document cannot be read
     */
    Stored load(Connection connection) throws SQLException, SecretException, ConfigException {
        ManagementDocument document = ManagementDocument.empty();
        try (Statement statement = connection.createStatement(); ResultSet newest = statement.executeQuery(
                "SELECT document FROM config_revisions ORDER BY revision DESC LIMIT 1")) {
            if (newest.next()) {
                document = sealedValues.opened(json.read(newest.getString(1).getBytes(StandardCharsets.UTF_8),
                        ManagementDocument.class));
            }
        }
        return new Stored(document, Map.copyOf(keyTable.load(connection)));
    }

    /** Every gateway's keys, opened. */
    Map<String, GatewayKeys> keys(Connection connection) throws SQLException, SecretException {
        return Map.copyOf(keyTable.load(connection));
    }

    /** Stores the document as its revision, secrets sealed; with the keys that came and went. */
    void insert(Connection connection, ManagementDocument next, Map<String, GatewayKeys> before,
                Map<String, GatewayKeys> after) throws SQLException {
        byte[] document = json.write(sealedValues.sealed(next));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO config_revisions (revision, document, sha256, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, next.revision());
            insert.setString(2, new String(document, StandardCharsets.UTF_8));
            insert.setString(3, SnapshotCompiler.sha256(document));
            insert.setTimestamp(4, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
        for (String gone : before.keySet()) {
            if (!after.containsKey(gone)) {
                keyTable.delete(connection, gone);
            }
        }
        for (Map.Entry<String, GatewayKeys> added : after.entrySet()) {
            if (!before.containsKey(added.getKey())) {
                keyTable.insert(connection, added.getKey(), added.getValue());
            }
        }
    }

    void updateKeys(Connection connection, String gatewayId, GatewayKeys keys) throws SQLException {
        keyTable.update(connection, gatewayId, keys);
    }
}
