package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.management.model.GatewayDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The management plane's configuration: served from memory, written through to H2. Every
 * change is validated, then stored as a new revision of the whole document, together with
 * any key changes, in one transaction that is on disk before the change is confirmed.
 * Changes are serialised; reads never wait.
 */
public final class ConfigStore {

    /** A change of the document; may fail because what it edits does not exist. */
    @FunctionalInterface
    public interface Edit {
        ManagementDocument apply(ManagementDocument current) throws MissingException;
    }

    /** The configuration as of one revision, with the gateways' keys. */
    public record State(ManagementDocument document, Map<String, GatewayKeys> keys) {
        public long revision() {
            return document.revision();
        }
    }

    private final H2Database database;
    private final DocumentValidator validator;
    private final StrictJson json;
    private final Clock clock;
    private final LongConsumer onNewRevision;
    private volatile State state;

    private ConfigStore(H2Database database, DocumentValidator validator, StrictJson json, Clock clock,
                        LongConsumer onNewRevision, State state) {
        this.database = database;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.onNewRevision = onNewRevision;
        this.state = state;
    }

    /** Loads the newest revision and the keys. */
    public static ConfigStore open(H2Database database, SnapshotCompiler compiler, StrictJson json, Clock clock,
                                   LongConsumer onNewRevision) throws SQLException, ConfigException {
        ManagementDocument document = ManagementDocument.empty();
        Map<String, GatewayKeys> keys = new HashMap<>();
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            try (ResultSet newest = statement.executeQuery(
                    "SELECT document FROM config_revisions ORDER BY revision DESC LIMIT 1")) {
                if (newest.next()) {
                    document = json.read(newest.getString(1).getBytes(StandardCharsets.UTF_8), ManagementDocument.class);
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT gateway_id, primary_key, secondary_key FROM gateway_keys")) {
                while (rows.next()) {
                    keys.put(rows.getString(1), new GatewayKeys(rows.getString(2), rows.getString(3)));
                }
            }
        }
        return new ConfigStore(database, new DocumentValidator(compiler), json, clock, onNewRevision,
                new State(document, Map.copyOf(keys)));
    }

    public State state() {
        return state;
    }

    /**
     * Validates and stores the edited document as the next revision.
     *
     * @return the new revision
     * @throws MissingException when the edit names something that does not exist
     * @throws ConfigException  when the result is not a document a gateway could serve
     * @throws SQLException     when it could not be stored; nothing changed then
     */
    public synchronized long change(Edit edit) throws MissingException, ConfigException, SQLException {
        State current = state;
        ManagementDocument edited = edit.apply(current.document());
        long revision = current.revision() + 1;
        ManagementDocument next = new ManagementDocument(revision, edited.policy(), edited.apis(), edited.gateways());
        validator.validate(next);
        Map<String, GatewayKeys> keys = new HashMap<>();
        for (GatewayDefinition gateway : next.gateways()) {
            GatewayKeys existing = current.keys().get(gateway.id());
            keys.put(gateway.id(), existing != null ? existing : GatewayKeys.generate());
        }
        persist(next, current.keys(), keys);
        state = new State(next, Map.copyOf(keys));
        onNewRevision.accept(revision);
        return revision;
    }

    /** Replaces one of a gateway's keys; every token signed with the old one stops working. */
    public synchronized void regenerateKey(String gatewayId, String keyType) throws MissingException, SQLException {
        State current = state;
        GatewayKeys keys = current.keys().get(gatewayId);
        if (keys == null) {
            throw new MissingException("no gateway '" + gatewayId + "'");
        }
        GatewayKeys next = keys.regenerate(keyType);
        try (Connection connection = database.connection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE gateway_keys SET primary_key = ?, secondary_key = ? WHERE gateway_id = ?")) {
            update.setString(1, next.primary());
            update.setString(2, next.secondary());
            update.setString(3, gatewayId);
            update.executeUpdate();
        }
        Map<String, GatewayKeys> all = new HashMap<>(current.keys());
        all.put(gatewayId, next);
        state = new State(current.document(), Map.copyOf(all));
    }

    private void persist(ManagementDocument next, Map<String, GatewayKeys> before, Map<String, GatewayKeys> after)
            throws SQLException {
        byte[] document = json.write(next);
        database.inTransaction(connection -> {
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
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM gateway_keys WHERE gateway_id = ?")) {
                        delete.setString(1, gone);
                        delete.executeUpdate();
                    }
                }
            }
            for (Map.Entry<String, GatewayKeys> added : after.entrySet()) {
                if (!before.containsKey(added.getKey())) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO gateway_keys (gateway_id, primary_key, secondary_key) VALUES (?, ?, ?)")) {
                        insert.setString(1, added.getKey());
                        insert.setString(2, added.getValue().primary());
                        insert.setString(3, added.getValue().secondary());
                        insert.executeUpdate();
                    }
                }
            }
        });
    }
}
