package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.secrets.SecretException;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.management.ByteSize;
import dev.breakwater.management.ManagementSettings;
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
 * change is validated, then stored as a new revision of the whole document (secret named
 * values sealed, {@link SealedValues}), together with any key changes, in one transaction that
 * is on disk before the change is confirmed. A change
 * that changes nothing makes no revision. Changes are serialised; reads never wait; a new
 * revision is announced after the write lock is released, so the long polls it wakes never
 * hold up the next writer.
 */
public final class ConfigStore {

    /** A change of the document; may fail because what it edits does not exist, or cannot be completed from it. */
    @FunctionalInterface
    public interface Edit {
        ManagementDocument apply(ManagementDocument current) throws MissingException, ConfigException;
    }

    /**
     * The configuration as of one revision: the document, the gateways' keys, and the document
     * each gateway is served, rendered when the revision was made.
     */
    public record State(ManagementDocument document, Map<String, GatewayKeys> keys, Map<String, byte[]> served) {
        public long revision() {
            return document.revision();
        }
    }

    private final H2Database database;
    private final GatewayKeyTable keyTable;
    private final SealedValues sealedValues;
    private final DocumentValidator validator;
    private final StrictJson json;
    private final Clock clock;
    private final long maxDocumentBytes;
    private final LongConsumer onNewRevision;
    private final Object writeLock = new Object();
    private volatile State state;

    private ConfigStore(H2Database database, GatewayKeyTable keyTable, SealedValues sealedValues,
                        DocumentValidator validator, StrictJson json, Clock clock, long maxDocumentBytes,
                        LongConsumer onNewRevision, State state) {
        this.database = database;
        this.keyTable = keyTable;
        this.sealedValues = sealedValues;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.maxDocumentBytes = maxDocumentBytes;
        this.onNewRevision = onNewRevision;
        this.state = state;
    }

    /**
     * Loads the newest revision and the keys, their secrets decrypted with the store's cipher.
     *
     * @param maxDocumentBytes the largest the whole document may grow (it must fit in one import)
     * @throws SecretException when a stored key, secret or the subscription key salt does not open with the cipher
     */
    public static ConfigStore open(H2Database database, SecretCipher cipher, SnapshotCompiler compiler, StrictJson json,
                                   Clock clock, long maxDocumentBytes, LongConsumer onNewRevision)
            throws SQLException, ConfigException, SecretException {
        ManagementDocument document = ManagementDocument.empty();
        GatewayKeyTable keyTable = new GatewayKeyTable(cipher);
        SealedValues sealedValues = new SealedValues(cipher);
        Map<String, GatewayKeys> keys;
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            try (ResultSet newest = statement.executeQuery(
                    "SELECT document FROM config_revisions ORDER BY revision DESC LIMIT 1")) {
                if (newest.next()) {
                    document = sealedValues.opened(json.read(newest.getString(1).getBytes(StandardCharsets.UTF_8),
                            ManagementDocument.class));
                }
            }
            keys = keyTable.load(connection);
        }
        ServedDocuments served = new ServedDocuments(json, KeySalt.open(database, cipher));
        return new ConfigStore(database, keyTable, sealedValues, new DocumentValidator(compiler, served), json, clock,
                maxDocumentBytes, onNewRevision, new State(document, Map.copyOf(keys), served.render(document)));
    }

    public State state() {
        return state;
    }

    /**
     * Validates and stores the edited document as the next revision; an edit that changes
     * nothing stores nothing and announces nothing.
     *
     * @return the new revision, or the current one when nothing changed
     * @throws MissingException when the edit names something that does not exist
     * @throws ConfigException  when the result is not a document a gateway could serve
     * @throws SQLException     when it could not be stored; nothing changed then
     */
    public long change(Edit edit) throws MissingException, ConfigException, SQLException {
        long revision;
        synchronized (writeLock) {
            State current = state;
            ManagementDocument edited = edit.apply(current.document());
            if (edited.withRevision(current.revision()).equals(current.document())) {
                return current.revision();
            }
            revision = current.revision() + 1;
            ManagementDocument next = edited.withRevision(revision);
            int size = json.write(next).length; // as a whole import would send it, secret values in clear
            if (size > maxDocumentBytes) {
                throw new ConfigException("the configuration would be " + size + " bytes, more than the "
                        + ByteSize.format(maxDocumentBytes) + " that " + ManagementSettings.REQUEST_MAX_SIZE
                        + " allows for one import (PUT /admin/config); raise it, or make the configuration smaller");
            }
            Map<String, byte[]> served = validator.validate(next);
            Map<String, GatewayKeys> keys = new HashMap<>();
            for (GatewayDefinition gateway : next.gateways()) {
                GatewayKeys existing = current.keys().get(gateway.id());
                keys.put(gateway.id(), existing != null ? existing : GatewayKeys.generate());
            }
            persist(next, json.write(sealedValues.sealed(next)), current.keys(), keys);
            state = new State(next, Map.copyOf(keys), served);
        }
        onNewRevision.accept(revision);
        return revision;
    }

    /** Replaces one of a gateway's keys; every token signed with the old one stops working. */
    public void regenerateKey(String gatewayId, String keyType) throws MissingException, SQLException {
        synchronized (writeLock) {
            State current = state;
            GatewayKeys keys = current.keys().get(gatewayId);
            if (keys == null) {
                throw new MissingException("no gateway '" + gatewayId + "'");
            }
            GatewayKeys next = keys.regenerate(keyType);
            try (Connection connection = database.connection()) {
                keyTable.update(connection, gatewayId, next);
            }
            Map<String, GatewayKeys> all = new HashMap<>(current.keys());
            all.put(gatewayId, next);
            state = new State(current.document(), Map.copyOf(all), current.served());
        }
    }

    private void persist(ManagementDocument next, byte[] document, Map<String, GatewayKeys> before,
                         Map<String, GatewayKeys> after) throws SQLException {
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
                    keyTable.delete(connection, gone);
                }
            }
            for (Map.Entry<String, GatewayKeys> added : after.entrySet()) {
                if (!before.containsKey(added.getKey())) {
                    keyTable.insert(connection, added.getKey(), added.getValue());
                }
            }
        });
    }
}
