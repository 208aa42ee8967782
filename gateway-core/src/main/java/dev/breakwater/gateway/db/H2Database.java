package dev.breakwater.gateway.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An embedded H2 file database. Commits reach the operating system before they return
 * ({@code WRITE_DELAY=0}): H2's default of 500 ms lost the last half second of confirmed
 * writes on {@code kill -9}. The data source is H2's own, not {@code DriverManager}, which
 * breaks after a redeploy in a servlet container.
 */
public final class H2Database implements AutoCloseable {

    private final JdbcConnectionPool pool;
    private final Path file;

    private H2Database(JdbcConnectionPool pool, Path file) {
        this.pool = pool;
        this.file = file;
    }

    /**
     * Opens (or creates) {@code <directory>/<name>.mv.db}.
     *
     * @throws SQLException when the file cannot be opened, for example because another
     *                      process holds it
     */
    public static H2Database open(Path directory, String name) throws SQLException {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
        Path file = directory.toAbsolutePath().resolve(name);
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        source.setUser("breakwater");
        source.setPassword("");
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
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

    /** The database file, without H2's suffix, for messages. */
    public Path file() {
        return file;
    }

    /** Closes the database cleanly, so that the next start has nothing to recover. */
    @Override
    public void close() {
        try (Connection connection = pool.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // closing anyway
        }
        pool.dispose();
    }
}
