package dev.breakwater.management.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.db.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway keeps the H2 store's schema: a new store gets V1..V4; a store our old migrator kept
 * (recorded in schema_version) is taken over at the version it reached, its rows untouched and
 * the old files never run again; a store newer than this program is refused.
 */
class StoreMigrationsTest {

    private static final List<String> OLD_FILES = List.of("V1__initial.sql", "V2__telemetry.sql", "V3__secrets.sql",
            "V4__subscription_key_salt.sql");

    @TempDir
    Path dir;

    @Test
    void aNewStoreGetsEveryVersion() throws Exception {
        try (H2Database h2 = H2Database.open(dir, "store")) {
            assertEquals("4", StoreMigrations.migrate(new H2StoreDatabase(h2)));
            assertEquals(List.of("1:SQL", "2:SQL", "3:SQL", "4:SQL"), history(h2));
            assertEquals("4", StoreMigrations.migrate(new H2StoreDatabase(h2)), "again: nothing to do");
            assertEquals(4, history(h2).size());
        }
    }

    @Test
    void aStoreOfTheOldMigratorIsTakenOverWithoutRunningItsVersionsAgain() throws Exception {
        try (H2Database h2 = H2Database.open(dir, "store")) {
            // made by the code path of earlier versions: V1 and V2, recorded in schema_version
            new SchemaMigrator("sql/management", OLD_FILES.subList(0, 2)).migrate(h2);
            sql(h2, "INSERT INTO gateway_keys (gateway_id, primary_key, secondary_key) VALUES ('gw', 'p', 's')");
            assertEquals("4", StoreMigrations.migrate(new H2StoreDatabase(h2)));
            assertEquals(List.of("2:BASELINE", "3:SQL", "4:SQL"), history(h2));
            assertEquals(1, count(h2, "SELECT COUNT(*) FROM gateway_keys"), "V1 did not run again (it would fail)");
            assertEquals(0, count(h2, "SELECT COUNT(*) FROM store_key_check"), "V3 applied by Flyway");
        }
    }

    @Test
    void aStoreTheOldMigratorBroughtToTheNewestVersionRunsNothing() throws Exception {
        try (H2Database h2 = H2Database.open(dir, "store")) {
            new SchemaMigrator("sql/management", OLD_FILES).migrate(h2);
            assertEquals("4", StoreMigrations.migrate(new H2StoreDatabase(h2)));
            assertEquals(List.of("4:BASELINE"), history(h2));
        }
    }

    @Test
    void aStoreNewerThanThisProgramIsRefused() throws Exception {
        try (H2Database h2 = H2Database.open(dir, "store")) {
            new SchemaMigrator("sql/management", OLD_FILES).migrate(h2);
            sql(h2, "INSERT INTO schema_version (version, file) VALUES (5, 'V5__future.sql')");
            SQLException refused = assertThrows(SQLException.class, () -> StoreMigrations.migrate(new H2StoreDatabase(h2)));
            assertTrue(refused.getMessage().contains("schema version 5, newer than this program knows"),
                    refused.getMessage());
        }
    }

    private static List<String> history(H2Database h2) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = h2.connection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT \"version\", \"type\", \"success\" FROM "
                     + "\"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (result.next()) {
                assertTrue(result.getBoolean(3), "version " + result.getString(1) + " succeeded");
                rows.add(result.getString(1) + ":" + result.getString(2));
            }
        }
        return rows;
    }

    private static void sql(H2Database h2, String sql) throws SQLException {
        try (Connection connection = h2.connection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(H2Database h2, String sql) throws SQLException {
        try (Connection connection = h2.connection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
