package dev.breakwater.gateway.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded H2 file database. Commits reach the operating system before they return
 * ({@code WRITE_DELAY=0}): H2's default of 500 ms lost the last half second of confirmed
 * writes on {@code kill -9}. The data source is H2's own, not {@code DriverManager}, which
 * breaks after a redeploy in a servlet container. Only the owner may read it: the directory is
 * created {@code 0700} and the file kept {@code 0600} (see {@link PrivateFiles}); H2 writes no
 * trace file, which would be created with the umask's permissions.
 */
public final class H2Database implements AutoCloseable {

    /** H2's error code for a database file locked by another process. */
    public static final int IN_USE = 90020;

    private static final Logger LOG = LoggerFactory.getLogger(H2Database.class);

    private final JdbcConnectionPool pool;
    private final Path file;

    private H2Database(JdbcConnectionPool pool, Path file) {
        this.pool = pool;
        this.file = file;
    }

    /**
     * Opens (or creates) {@code <directory>/<name>.mv.db}.
     *
     * @throws SQLException when the file cannot be opened; with error code {@link #IN_USE}
     *                      when another process holds it
     */
    public static H2Database open(Path directory, String name) throws SQLException {
        Path file = directory.toAbsolutePath().resolve(name);
        Path dataFile = dataFile(file);
        try {
            PrivateFiles.createDirectories(directory);
            if (PrivateFiles.openToOthers(directory)) {
                LOG.warn("{} can be read by other users; 'chmod 700 {}' keeps them out of its database", directory,
                        directory);
            }
            if (!Files.exists(dataFile)) {
                PrivateFiles.createFile(dataFile); // H2 starts a new database in an empty file
            }
            PrivateFiles.restrict(dataFile); // a file an earlier version created 0644
        } catch (IOException e) {
            throw new SQLException("cannot create the database " + dataFile + ": " + e.getMessage(), e);
        }
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0");
        source.setUser("breakwater");
        source.setPassword("");
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            if (e.getErrorCode() == IN_USE) {
                throw new SQLException(dataFile + " is in use by another process (H2 file lock)", e.getSQLState(),
                        IN_USE, e);
            }
            throw e;
        }
        return new H2Database(pool, file);
    }

    /** A database in memory, gone when closed. */
    public static H2Database inMemory(String name) throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        source.setUser("breakwater");
        source.setPassword("");
        return new H2Database(JdbcConnectionPool.create(source), Path.of("memory:" + name));
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** The pool as a data source, for a migration library that takes one. */
    public javax.sql.DataSource dataSource() {
        return pool;
    }

    /** Work done in one transaction. */
    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** Runs the work in one transaction: all of it is committed, or none of it. */
    public void inTransaction(Work work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Closes the database and rewrites its file with only the live data, so that no older
     * version of a changed value (a secret stored in plain text before) remains in it.
     */
    public void closeCompacted() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } finally {
            pool.dispose();
        }
        try {
            PrivateFiles.restrict(dataFile(file)); // the file was written anew
        } catch (IOException e) {
            throw new SQLException("cannot restrict " + dataFile(file) + " to its owner: " + e.getMessage(), e);
        }
    }

    /** The file H2 keeps the database in. */
    private static Path dataFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".mv.db");
    }

    /** The database file, without H2's suffix, for messages. */
    public Path file() {
        return file;
    }

    /** Closes the database cleanly, so that the next start has nothing to recover; again, nothing. */
    @Override
    public void close() {
        try (Connection connection = pool.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        } catch (SQLException | IllegalStateException ignored) {
            // closing anyway; IllegalStateException: closed already
        }
        pool.dispose();
    }
}
