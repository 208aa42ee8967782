package dev.breakwater.gateway.backup;

import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.secrets.SecretException;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's local backup: every configuration it applies, as the exact document bytes,
 * encrypted (a served document can hold secret named values), the newest {@code generations}
 * kept, in the {@link GatewayStore}. Each save is one transaction written through to disk, so a
 * crash at any moment leaves the newest complete generation. Each document is sealed with its
 * revision as associated data and stored with the hash of the stored bytes.
 */
public final class ConfigBackup {

    /**
     * One stored configuration.
     *
     * @param document the decrypted document, or {@code null} when it is not usable
     * @param problem  why it is not usable (damaged, or not sealed with the backup's key), or {@code null}
     */
    public record Generation(long id, long revision, byte[] document, String source, Instant savedAt, String problem) {
    }

    private final H2Database database;
    private final SecretCipher cipher;
    private final String setAside;
    private final int generations;
    private final Clock clock;

    public ConfigBackup(GatewayStore.Opened store, int generations, Clock clock) {
        this.database = store.database();
        this.cipher = store.cipher();
        this.setAside = store.setAside();
        this.generations = generations;
        this.clock = clock;
    }

    /** The associated data a document is sealed with: its place. */
    static String context(long revision) {
        return "generations/" + revision;
    }

    /** Stores an applied configuration and drops generations beyond the newest {@code generations}. */
    public void save(long revision, byte[] document, String source) throws SQLException {
        byte[] stored = cipher.sealBytes(document, context(revision));
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO generations "
                    + "(revision, sha256, document, source, saved_at) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement prune = connection.prepareStatement("DELETE FROM generations WHERE id NOT IN "
                         + "(SELECT id FROM generations ORDER BY id DESC LIMIT ?)")) {
                insert.setLong(1, revision);
                insert.setString(2, SnapshotCompiler.sha256(stored));
                insert.setBytes(3, stored);
                insert.setString(4, source);
                insert.setTimestamp(5, Timestamp.from(clock.instant()));
                insert.executeUpdate();
                prune.setInt(1, generations);
                prune.executeUpdate();
            }
        });
    }

    /** Every stored generation, newest first, decrypted; one that is damaged says why. */
    public List<Generation> newestFirst() throws SQLException {
        List<Generation> all = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(
                "SELECT id, revision, sha256, document, source, saved_at FROM generations ORDER BY id DESC");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long revision = rows.getLong(2);
                byte[] stored = rows.getBytes(4);
                byte[] document = null;
                String problem = null;
                if (!SnapshotCompiler.sha256(stored).equals(rows.getString(3))) {
                    problem = "its document does not match its hash";
                } else {
                    try {
                        document = cipher.openBytes(stored, context(revision));
                    } catch (SecretException e) {
                        problem = "it cannot be decrypted with the backup key: " + e.getMessage();
                    }
                }
                all.add(new Generation(rows.getLong(1), revision, document, rows.getString(5),
                        rows.getTimestamp(6).toInstant(), problem));
            }
        }
        return all;
    }

    /** How many generations the backup holds. */
    public long count() throws SQLException {
        try (Connection connection = database.connection(); PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM generations"); ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public Path directory() {
        return database.file().getParent();
    }

    /** What was set aside when the store was opened, and why, or {@code null}. */
    public String setAside() {
        return setAside;
    }
}
