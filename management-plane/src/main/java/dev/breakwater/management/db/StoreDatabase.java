package dev.breakwater.management.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database the management plane keeps its store in: embedded H2 (one instance) or
 * PostgreSQL (several instances on one database). The stores see only this: connections, a
 * transaction, and the few statements whose SQL differs between the two.
 */
public interface StoreDatabase extends AutoCloseable {

    /** Work done in one transaction. */
    @FunctionalInterface
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** A connection of its own, autocommit on; the caller closes it. */
    Connection connection() throws SQLException;

    /** The data source Flyway migrates through. */
    DataSource dataSource();

    /** Runs the work in one transaction: all of it is committed, or none of it. */
    default void inTransaction(Work work) throws SQLException {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException broken) {
                    e.addSuppressed(broken); // the connection is gone; nothing was committed
                }
                throw e;
            }
            // no reset of autocommit: the connection is closed next (H2's pool resets it on close), and a
            // reset on a broken connection would throw and hide the failure that matters
        }
    }

    /**
     * Serialises writers of every instance on this database until the transaction ends; a
     * no-op where one process owns the database (H2 holds a file lock).
     */
    void lockWrites(Connection connection) throws SQLException;

    /**
     * Tells the other instances, once the transaction commits, that the store changed
     * (PostgreSQL {@code NOTIFY}); a no-op where there are none.
     */
    void announceChange(Connection connection, String what) throws SQLException;

    /**
     * An insert that replaces the row with the same key: H2's {@code MERGE ... KEY},
     * PostgreSQL's {@code INSERT ... ON CONFLICT}.
     */
    String upsert(String table, List<String> columns, List<String> keyColumns);

    /** The class path folders of the schema files, for Flyway ({@code classpath:sql/management}). */
    List<String> schemaLocations();

    /** What it is, for messages: a file, or a URL without credentials. */
    String describe();

    /** Whether several instances may share it (they then need the same store key and admin token). */
    boolean shared();

    @Override
    void close();
}
