package dev.breakwater.management.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store on PostgreSQL, shared by several management planes. A connection per operation:
 * the management plane writes at an operator's pace and long polls are served from memory, so a
 * pool would only add state to get wrong after an outage. Writers of all instances are serialised
 * by a transaction-scoped advisory lock; a change is announced with {@code NOTIFY}, which
 * PostgreSQL delivers only when the transaction commits.
 */
public final class PostgresStoreDatabase implements StoreDatabase {

    /** The channel changes are announced on. */
    public static final String CHANNEL = "breakwater_store";

    /** The advisory lock all writers take: any constant every instance agrees on. */
    private static final long WRITE_LOCK = 0x4277_5374_6f72_6531L; // "BwStore1"

    private final PGSimpleDataSource source;
    private final String description;

    private PostgresStoreDatabase(PGSimpleDataSource source, String description) {
        this.source = source;
        this.description = description;
    }

    /**
     * A data source for {@code url} (jdbc:postgresql://host:port/database), checked by opening
     * one connection.
     *
     * @throws SQLException when the server cannot be reached or refuses the user; the message names
     *                      neither the password nor anything taken from it
     */
    public static PostgresStoreDatabase open(String url, String user, String password) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        if (user != null) {
            source.setUser(user);
        }
        if (password != null) {
            source.setPassword(password);
        }
        source.setConnectTimeout(5);
        source.setLoginTimeout(5);
        source.setSocketTimeout(60); // a statement that hangs on a dead server ends
        source.setTcpKeepAlive(true);
        source.setApplicationName("breakwater-management");
        PostgresStoreDatabase database = new PostgresStoreDatabase(source, withoutQuery(url));
        try (Connection probe = database.connection()) {
            probe.isValid(5);
        }
        return database;
    }

    /** The URL without parameters (which may hold credentials), for messages. */
    public static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public Connection connection() throws SQLException {
        return source.getConnection();
    }

    @Override
    public DataSource dataSource() {
        return source;
    }

    @Override
    public void lockWrites(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, WRITE_LOCK);
            lock.execute();
        }
    }

    @Override
    public void announceChange(Connection connection, String what) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, what);
            notify.execute();
        }
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> keyColumns) {
        String updates = columns.stream().filter(c -> !keyColumns.contains(c)).map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") ON CONFLICT ("
                + String.join(", ", keyColumns) + ") DO UPDATE SET " + updates;
    }

    @Override
    public List<String> schemaLocations() {
        return List.of("classpath:sql/management-postgresql");
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void close() {
        // no pool, nothing held: each operation closed its connection
    }
}
