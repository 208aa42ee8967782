package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.secrets.SecretException;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.management.ByteSize;
import dev.breakwater.management.ManagementSettings;
import dev.breakwater.management.db.StoreDatabase;
import dev.breakwater.management.model.GatewayDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The management plane's configuration: served from memory, written through to the store
 * database. Every change is validated, then stored as a new revision of the whole document
 * (secret named values sealed, {@link SealedValues}), together with any key changes, in one
 * transaction that is on disk before the change is confirmed. A change that changes nothing makes
 * no revision. Reads never wait; a new revision is announced after the write lock is released,
 * so the long polls it wakes never hold up the next writer.
 *
 * <p>Several instances may share one database (PostgreSQL): a change then takes the database's
 * write lock, and if another instance stored a newer revision meanwhile, that one is loaded first
 * and the edit applied to it, so no instance's change is lost or numbered twice. The others
 * learn of it by a notification ({@link #refresh()}).
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

    /** Work under the database's write lock, in one transaction. */
    @FunctionalInterface
    private interface Locked<T> {
        T run(Connection connection, State current) throws MissingException, ConfigException, SQLException;
    }

    private final StoreDatabase database;
    private final RevisionTable revisions;
    private final DocumentValidator validator;
    private final ServedDocuments served;
    private final StrictJson json;
    private final long maxDocumentBytes;
    private final LongConsumer onNewRevision;
    private final Object writeLock = new Object();
    private volatile State state;

    private ConfigStore(StoreDatabase database, RevisionTable revisions, DocumentValidator validator,
                        ServedDocuments served, StrictJson json, long maxDocumentBytes, LongConsumer onNewRevision,
                        State state) {
        this.database = database;
        this.revisions = revisions;
        this.validator = validator;
        this.served = served;
        this.json = json;
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
    public static ConfigStore open(StoreDatabase database, SecretCipher cipher, SnapshotCompiler compiler,
                                   StrictJson json, Clock clock, long maxDocumentBytes, LongConsumer onNewRevision)
            throws SQLException, ConfigException, SecretException {
        RevisionTable revisions = new RevisionTable(new SealedValues(cipher), new GatewayKeyTable(cipher), json, clock);
        RevisionTable.Stored stored;
        try (Connection connection = database.connection()) {
            stored = revisions.load(connection);
        }
        ServedDocuments served = new ServedDocuments(json, KeySalt.open(database, cipher));
        return new ConfigStore(database, revisions, new DocumentValidator(compiler, served), served, json,
                maxDocumentBytes, onNewRevision, new State(stored.document(), stored.keys(),
                served.render(stored.document())));
    }

    public State state() {
        return state;
    }

    /**
     * Validates and stores the edited document as the next revision; an edit that changes
     * nothing stores nothing and announces nothing. The edit applies to the newest revision in
     * the database, which another instance may have stored.
     *
     * @return the new revision, or the current one when nothing changed
     * @throws MissingException when the edit names something that does not exist
     * @throws ConfigException  when the result is not a document a gateway could serve
     * @throws SQLException     when it could not be stored; nothing changed then
     */
    public long change(Edit edit) throws MissingException, ConfigException, SQLException {
        return locked((connection, current) -> {
            ManagementDocument edited = edit.apply(current.document());
            if (edited.withRevision(current.revision()).equals(current.document())) {
                return current;
            }
            ManagementDocument next = edited.withRevision(current.revision() + 1);
            int size = json.write(next).length; // as a whole import would send it, secret values in clear
            if (size > maxDocumentBytes) {
                throw new ConfigException("the configuration would be " + size + " bytes, more than the "
                        + ByteSize.format(maxDocumentBytes) + " that " + ManagementSettings.REQUEST_MAX_SIZE
                        + " allows for one import (PUT /admin/config); raise it, or make the configuration smaller");
            }
            Map<String, byte[]> rendered = validator.validate(next);
            Map<String, GatewayKeys> keys = new HashMap<>();
            for (GatewayDefinition gateway : next.gateways()) {
                GatewayKeys existing = current.keys().get(gateway.id());
                keys.put(gateway.id(), existing != null ? existing : GatewayKeys.generate());
            }
            revisions.insert(connection, next, current.keys(), keys);
            database.announceChange(connection, "revision " + next.revision());
            return new State(next, Map.copyOf(keys), rendered);
        }).revision();
    }

    /** Replaces one of a gateway's keys; every token signed with the old one stops working. */
    public void regenerateKey(String gatewayId, String keyType) throws MissingException, SQLException {
        try {
            locked((connection, current) -> {
                GatewayKeys keys = current.keys().get(gatewayId);
                if (keys == null) {
                    throw new MissingException("no gateway '" + gatewayId + "'");
                }
                GatewayKeys next = keys.regenerate(keyType);
                revisions.updateKeys(connection, gatewayId, next);
                database.announceChange(connection, "keys " + gatewayId);
                Map<String, GatewayKeys> all = new HashMap<>(current.keys());
                all.put(gatewayId, next);
                return new State(current.document(), Map.copyOf(all), current.served());
            });
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e); // a key change validates no document
        }
    }

    /**
     * Reads what another instance may have stored (after a notification, a reconnect, or the
     * periodic re-check): a newer revision is loaded and announced; changed keys replace ours.
     */
    public void refresh() throws SQLException {
        long before;
        long after;
        synchronized (writeLock) {
            before = state.revision();
            try (Connection connection = database.connection()) {
                // one snapshot: the newest document with the keys of the same moment
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setAutoCommit(false);
                try {
                    state = caughtUp(connection, state);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection);
                    throw e;
                }
            }
            after = state.revision();
        }
        if (after > before) {
            onNewRevision.accept(after);
        }
    }

    /**
     * Runs the work in one transaction under the database's write lock (and ours), on the
     * newest state; the state it returns becomes ours once committed. A newer revision found in
     * the database is announced even when the work then fails.
     */
    private State locked(Locked<State> work) throws MissingException, ConfigException, SQLException {
        long before;
        long after;
        State result;
        synchronized (writeLock) {
            before = state.revision();
            try (Connection connection = database.connection()) {
                connection.setAutoCommit(false);
                try {
                    database.lockWrites(connection);
                    State current = caughtUp(connection, state);
                    state = current; // what the database holds, committed by whoever wrote it
                    result = work.run(connection, current);
                    connection.commit();
                    state = result;
                } catch (SQLException | MissingException | ConfigException | RuntimeException e) {
                    rollbackQuietly(connection);
                    throw e;
                } // closed next, autocommit reset by the pool (H2) or gone with the connection (PostgreSQL)
            } finally {
                after = state.revision();
            }
        }
        if (after > before) {
            onNewRevision.accept(after);
        }
        return result;
    }

    /** The state as stored now: ours, with the stored keys, or the newer revision another instance stored. */
    private State caughtUp(Connection connection, State current) throws SQLException {
        try {
            if (revisions.newest(connection) == current.revision()) {
                Map<String, GatewayKeys> keys = revisions.keys(connection); // another instance may have regenerated one
                return keys.equals(current.keys()) ? current : new State(current.document(), keys, current.served());
            }
            RevisionTable.Stored stored = revisions.load(connection);
            return new State(stored.document(), stored.keys(), served.render(stored.document()));
        } catch (SecretException | ConfigException e) {
            throw new IllegalStateException("the newest stored revision cannot be read: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone: nothing was committed
        }
    }
}
