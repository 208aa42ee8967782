package dev.breakwater.gateway.backup;

import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.db.SchemaMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's local backup: every configuration it applies, as the exact document bytes,
 * in an H2 file, the newest {@code generations} kept. Each save is one transaction written
 * through to disk, so a crash at any moment leaves the newest complete generation. A file that
 * cannot be opened is set aside (renamed, never deleted) and a new one started.
 */
public final class ConfigBackup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigBackup.class);
    private static final String NAME = "config-backup";
    private static final List<String> SCHEMA = List.of("V1__backup.sql");

    /** One stored configuration. */
    public record Generation(long id, long revision, String sha256, byte[] document, String source, Instant savedAt) {
    }

    private final H2Database database;
    private final int generations;
    private final Clock clock;

    private ConfigBackup(H2Database database, int generations, Clock clock) {
        this.database = database;
        this.generations = generations;
        this.clock = clock;
    }

    /** Opens the backup in {@code directory}, setting aside a file that cannot be read. */
    public static ConfigBackup open(Path directory, int generations, Clock clock) throws SQLException {
        try {
            return new ConfigBackup(openAndMigrate(directory), generations, clock);
        } catch (SQLException unreadable) {
            Path file = directory.resolve(NAME + ".mv.db");
            if (!Files.exists(file) || isLockedByAnotherProcess(unreadable)) {
                throw unreadable;
            }
            Path aside = directory.resolve(NAME + ".mv.db.unreadable-" + clock.instant().toEpochMilli());
            try {
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new SQLException("the backup " + file + " cannot be read (" + unreadable.getMessage()
                        + ") and cannot be set aside: " + e, unreadable);
            }
            LOG.error("the configuration backup {} cannot be read ({}); set aside as {}, starting a new one",
                    file, firstLine(unreadable.getMessage()), aside.getFileName());
            return new ConfigBackup(openAndMigrate(directory), generations, clock);
        }
    }

    private static H2Database openAndMigrate(Path directory) throws SQLException {
        H2Database database = H2Database.open(directory, NAME);
        try {
            new SchemaMigrator("sql/gateway", SCHEMA).migrate(database);
            return database;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
        }
    }

    private static boolean isLockedByAnotherProcess(SQLException e) {
        return e.getErrorCode() == 90020; // DATABASE_ALREADY_OPEN: in use, not corrupt
    }

    /** Stores an applied configuration and drops generations beyond the newest {@code generations}. */
    public void save(long revision, String sha256, byte[] document, String source) throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
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
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
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

    public Path directory() {
        return database.file().getParent();
    }

    @Override
    public void close() {
        database.close();
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
