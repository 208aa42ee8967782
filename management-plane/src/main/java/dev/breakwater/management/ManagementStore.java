package dev.breakwater.management;

import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.management.db.H2StoreDatabase;
import dev.breakwater.management.db.PostgresStoreDatabase;
import dev.breakwater.management.db.StoreDatabase;
import dev.breakwater.management.db.StoreMigrations;
import java.sql.SQLException;

/**
 * Opens the management plane's store, its schema brought up to date by Flyway: H2 under
 * {@code data.dir}, or the PostgreSQL database of {@code store.url}.
 */
final class ManagementStore {

    static final String NAME = "management";

    private ManagementStore() {
    }

    /**
     * @throws SettingsException when another management plane uses the same {@code data.dir}, or
     *                           PostgreSQL cannot be reached or refuses the user
     */
    static StoreDatabase open(ManagementConfig config) throws SQLException, SettingsException {
        StoreDatabase database = config.store().postgresql() ? postgresql(config.store()) : h2(config);
        try {
            StoreMigrations.migrate(database);
            return database;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static StoreDatabase h2(ManagementConfig config) throws SQLException, SettingsException {
        try {
            return new H2StoreDatabase(H2Database.open(config.dataDir(), NAME));
        } catch (SQLException e) {
            if (e.getErrorCode() == H2Database.IN_USE) {
                throw new SettingsException("data.dir " + config.dataDir().toAbsolutePath() + " is in use by another "
                        + "management plane (H2 file lock); use a separate data.dir or stop the other one");
            }
            throw e;
        }
    }

    private static StoreDatabase postgresql(StoreConfig store) throws SettingsException {
        try {
            return PostgresStoreDatabase.open(store.url(), store.user(), store.password());
        } catch (SQLException e) {
            // the driver's message names the server and user, not the password; scrubbed all the same
            String reason = String.valueOf(e.getMessage());
            if (store.password() != null && !store.password().isEmpty()) {
                reason = reason.replace(store.password(), "***");
            }
            throw new SettingsException("cannot open the store " + PostgresStoreDatabase.withoutQuery(store.url())
                    + (store.user() != null ? " as user '" + store.user() + "'" : "") + ": " + reason
                    + "; check store.url, store.user and store.password (STORE_PASSWORD), and that PostgreSQL runs");
        }
    }
}
