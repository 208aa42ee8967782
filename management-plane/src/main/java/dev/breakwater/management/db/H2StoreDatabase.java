package dev.breakwater.management.db;

import dev.breakwater.gateway.db.H2Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The default store: H2 in one file under {@code data.dir}, which one process holds locked,
 * so the in-process write lock of the stores is all the serialisation there is to do.
 */
public final class H2StoreDatabase implements StoreDatabase {

    private final H2Database database;

    public H2StoreDatabase(H2Database database) {
        this.database = database;
    }

    /** The H2 database underneath, for what only H2 does (compacting its file). */
    public H2Database h2() {
        return database;
    }

    @Override
    public Connection connection() throws SQLException {
        return database.connection();
    }

    @Override
    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public void lockWrites(Connection connection) {
        // one process owns the file (H2's file lock); the store's own lock serialises its writers
    }

    @Override
    public void announceChange(Connection connection, String what) {
        // no other instance can be reading this file
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> keyColumns) {
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keyColumns)
                + ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public List<String> schemaLocations() {
        return List.of("classpath:sql/management");
    }

    @Override
    public String describe() {
        return database.file() + ".mv.db";
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public void close() {
        database.close();
    }
}
