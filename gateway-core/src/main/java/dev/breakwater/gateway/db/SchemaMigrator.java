package dev.breakwater.gateway.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema files of {@code sql/} (packaged on the class path) that a
 * database has not seen yet, in order, and records each in {@code schema_version}. A
 * database newer than this program is refused rather than used.
 */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final String resourceFolder;
    private final List<String> files;

    /**
     * @param resourceFolder class path folder, e.g. {@code sql/management}
     * @param files          file names in version order: the first is version 1
     */
    public SchemaMigrator(String resourceFolder, List<String> files) {
        this.resourceFolder = resourceFolder;
        this.files = List.copyOf(files);
    }

    /** Brings the schema up to date; returns the version it is at. */
    public int migrate(H2Database database) throws SQLException {
        try (Connection connection = database.connection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, "
                        + "file VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP)");
            }
            int current = currentVersion(connection);
            if (current > files.size()) {
                throw new SQLException(database.file() + " has schema version " + current
                        + ", newer than this program knows (" + files.size() + "); use a newer version");
            }
            for (int version = current + 1; version <= files.size(); version++) {
                apply(database, version, files.get(version - 1));
                LOG.info("{}: applied schema version {} ({})", database.file(), version, files.get(version - 1));
            }
            return files.size();
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            result.next();
            return result.getInt(1);
        }
    }

    private void apply(H2Database database, int version, String file) throws SQLException {
        String script = read(resourceFolder + "/" + file);
        try {
            database.inTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : script.split(";\\s*(\\r?\\n|$)")) {
                        String withoutComments = sql.replaceAll("(?m)^\\s*--.*$", "").trim();
                        if (!withoutComments.isEmpty()) {
                            statement.execute(withoutComments);
                        }
                    }
                }
                try (PreparedStatement record = connection.prepareStatement(
                        "INSERT INTO schema_version (version, file) VALUES (?, ?)")) {
                    record.setInt(1, version);
                    record.setString(2, file);
                    record.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new SQLException("schema " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static String read(String resource) throws SQLException {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SQLException("schema file " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read schema file " + resource + ": " + e.getMessage(), e);
        }
    }
}
