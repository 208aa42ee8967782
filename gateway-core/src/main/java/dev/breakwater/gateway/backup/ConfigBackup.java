package dev.breakwater.gateway.backup;

import dev.breakwater.gateway.db.H2Database;
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
 * the newest {@code generations} kept, in the {@link GatewayStore}. Each save is one
 * transaction written through to disk, so a crash at any moment leaves the newest complete
 * generation.
 */
public final class ConfigBackup {

    /** One stored configuration. */
    public record Generation(long id, long revision, String sha256, byte[] document, String source, Instant savedAt) {
    }

    private final H2Database database;
    private final int generations;
    private final Clock clock;

    public ConfigBackup(H2Database database, int generations, Clock clock) {
        this.database = database;
        this.generations = generations;
        this.clock = clock;
    }
    /** Stores an applied configuration and drops generations beyond the newest {@code generations}. */
    public void save(long revision, String sha256, byte[] document, String source) throws SQLException {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO generations "
                    + "(revision, sha256, document, source, saved_at) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement prune = connection.prepareStatement("DELETE FROM generations WHERE id NOT IN "
                         + "(SELECT id FROM generations ORDER BY id DESC LIMIT ?)")) {
                insert.setLong(1, revision);
                insert.setString(2, sha256);
                insert.setBytes(3, document);
                insert.setString(4, source);
                insert.setTimestamp(5, Timestamp.from(clock.instant()));
                insert.executeUpdate();
                prune.setInt(1, generations);
                prune.executeUpdate();
            }
        });
    }

    /** Every stored generation, newest first. */
    public List<Generation> newestFirst() throws SQLException {
        List<Generation> all = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(
                "SELECT id, revision, sha256, document, source, saved_at FROM generations ORDER BY id DESC");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                all.add(new Generation(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getBytes(4),
                        rows.getString(5), rows.getTimestamp(6).toInstant()));
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
}
