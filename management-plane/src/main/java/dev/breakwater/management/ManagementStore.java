package dev.breakwater.management;

import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.db.SchemaMigrator;
import dev.breakwater.gateway.settings.SettingsException;
import java.sql.SQLException;
import java.util.List;

/** Opens the management plane's H2 store under {@code data.dir}, its schema brought up to date. */
final class ManagementStore {

    static final String NAME = "management";
    static final List<String> SCHEMA = List.of("V1__initial.sql", "V2__telemetry.sql", "V3__secrets.sql",
            "V4__subscription_key_salt.sql");

    private ManagementStore() {
    }

    /** @throws SettingsException when another management plane uses the same {@code data.dir} */
    static H2Database open(ManagementConfig config) throws SQLException, SettingsException {
        H2Database database;
        try {
            database = H2Database.open(config.dataDir(), NAME);
        } catch (SQLException e) {
            if (e.getErrorCode() == H2Database.IN_USE) {
                throw new SettingsException("data.dir " + config.dataDir().toAbsolutePath() + " is in use by another "
                        + "management plane (H2 file lock); use a separate data.dir or stop the other one");
            }
            throw e;
        }
        try {
            new SchemaMigrator("sql/management", SCHEMA).migrate(database);
            return database;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }
}
