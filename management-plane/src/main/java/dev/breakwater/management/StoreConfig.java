package dev.breakwater.management;

import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the management plane keeps its store: {@code store.type} {@code h2} (the file under
 * {@code data.dir}) or {@code postgresql} ({@code store.url}, {@code store.user},
 * {@code store.password}). Instances sharing one PostgreSQL database must share the store key and
 * the admin token too, so with PostgreSQL both must be set: a key or token generated into one
 * instance's {@code data.dir} would differ on the next. The password is never shown.
 *
 * @param pollInterval how often a PostgreSQL instance re-reads the store in case it missed a notification
 */
record StoreConfig(boolean postgresql, String url, String user, String password, Duration pollInterval) {

    static final String POSTGRESQL_PREFIX = "jdbc:postgresql://";

    static StoreConfig from(Settings settings) throws SettingsException {
        String type = settings.require(ManagementSettings.STORE_TYPE).toLowerCase(Locale.ROOT);
        Duration poll = settings.duration(ManagementSettings.STORE_POLL_INTERVAL);
        if (poll.compareTo(Duration.ofSeconds(1)) < 0 || poll.compareTo(Duration.ofHours(24)) > 0) {
            throw new SettingsException("setting '" + ManagementSettings.STORE_POLL_INTERVAL
                    + "' must be from 1s to 24h, not '" + settings.get(ManagementSettings.STORE_POLL_INTERVAL) + "'");
        }
        if (type.equals("h2")) {
            for (String onlyPostgres : new String[] {ManagementSettings.STORE_URL, ManagementSettings.STORE_USER,
                    ManagementSettings.STORE_PASSWORD}) {
                if (settings.get(onlyPostgres) != null) {
                    throw new SettingsException("setting '" + onlyPostgres + "' is for " + ManagementSettings.STORE_TYPE
                            + "=postgresql; the store is H2 under data.dir (store.type=h2)");
                }
            }
            return new StoreConfig(false, null, null, null, poll);
        }
        if (!type.equals("postgresql")) {
            throw new SettingsException("setting '" + ManagementSettings.STORE_TYPE + "' must be 'h2' or 'postgresql', "
                    + "not '" + settings.get(ManagementSettings.STORE_TYPE) + "'");
        }
        String url = settings.get(ManagementSettings.STORE_URL);
        if (url == null || !url.startsWith(POSTGRESQL_PREFIX) || url.length() == POSTGRESQL_PREFIX.length()) {
            throw new SettingsException("setting '" + ManagementSettings.STORE_URL + "' must be "
                    + POSTGRESQL_PREFIX + "host:port/database with " + ManagementSettings.STORE_TYPE + "=postgresql");
        }
        if (url.toLowerCase(Locale.ROOT).contains("password=")) { // not repeated: it holds a password
            throw new SettingsException("setting '" + ManagementSettings.STORE_URL + "' holds a password; put it in "
                    + ManagementSettings.STORE_PASSWORD + " (environment variable STORE_PASSWORD) instead");
        }
        for (String shared : new String[] {ManagementSettings.STORE_KEY, ManagementSettings.ADMIN_TOKEN}) {
            if (settings.get(shared) == null) {
                throw new SettingsException("setting '" + shared + "' is required with " + ManagementSettings.STORE_TYPE
                        + "=postgresql: every management plane on one database must have the same one, so none is "
                        + "generated into data.dir");
            }
        }
        return new StoreConfig(true, url, settings.get(ManagementSettings.STORE_USER),
                settings.get(ManagementSettings.STORE_PASSWORD), poll);
    }

    @Override
    public String toString() { // never the password
        return postgresql ? "store=postgresql " + dev.breakwater.management.db.PostgresStoreDatabase.withoutQuery(url)
                : "store=h2";
    }
}
