package dev.breakwater.management;

import dev.breakwater.gateway.settings.Setting;
import dev.breakwater.gateway.settings.SettingCheck;
import java.time.Duration;
import java.util.List;

/** The settings of the management plane. */
public final class ManagementSettings {

    public static final String HTTP_PORT = "server.http.port";
    public static final String HTTP_HOST = "server.http.host";
    public static final String SHUTDOWN_TIMEOUT = "server.shutdown.timeout";
    public static final String DATA_DIR = "data.dir";
    public static final String ADMIN_TOKEN = "admin.token";
    public static final String LONG_POLL_MAX = "gateway.long.poll.max";
    public static final String REQUEST_MAX_SIZE = "server.request.max.size";
    public static final String STORE_KEY = "store.encryption.key";
    public static final String STORE_TYPE = "store.type";
    public static final String STORE_URL = "store.url";
    public static final String STORE_USER = "store.user";
    public static final String STORE_PASSWORD = "store.password";
    public static final String STORE_POLL_INTERVAL = "store.poll.interval";

    public static final List<Setting> ALL = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            new Setting(HTTP_PORT, "9090", "port of the admin and gateway API (0 picks a free one)",
                    SettingCheck.integer(0, 65535)),
            new Setting(HTTP_HOST, "0.0.0.0", "address the listener binds to"),
            new Setting(SHUTDOWN_TIMEOUT, "10s", "on SIGTERM, how long requests in flight may take to finish",
                    SettingCheck.duration(Duration.ZERO)),
            // the size, the token and the key are checked by ManagementConfig, which reads them
            new Setting(REQUEST_MAX_SIZE, "4MiB", "the largest request body accepted (413 beyond it), also the largest "
                    + "the whole configuration may grow; at least 256KiB, the most one policy document may have"),
            new Setting(DATA_DIR, "./data", "where the H2 store (and a generated admin token and store key) live; "
                    + "created 0700"),
            new Setting(ADMIN_TOKEN, null, "bearer token of the admin API (at least 16 characters); when unset, one is "
                    + "generated on first start and stored as <data.dir>/admin-token"),
            new Setting(STORE_KEY, null, "key that encrypts the secrets in the store: 32 random bytes in base64 "
                    + "(openssl rand -base64 32); when unset, one is generated on first start and stored as "
                    + "<data.dir>/store-key"),
            new Setting(STORE_TYPE, "h2", "where the configuration is stored: 'h2' (a file under data.dir, one "
                    + "management plane) or 'postgresql' (store.url; several management planes may share it, each with "
                    + "the same store.encryption.key and admin.token, both then required)",
                    SettingCheck.oneOf("h2", "postgresql")),
            new Setting(STORE_URL, null, "with store.type=postgresql, the database: jdbc:postgresql://host:port/database "
                    + "(no password in it: use store.password)"),
            new Setting(STORE_USER, null, "with store.type=postgresql, the database user"),
            new Setting(STORE_PASSWORD, null, "with store.type=postgresql, the user's password (secret: prefer the "
                    + "environment variable STORE_PASSWORD; never logged)"),
            new Setting(STORE_POLL_INTERVAL, "30s", "with store.type=postgresql, how often an instance re-reads the "
                    + "newest revision in case a change notification was missed (changes normally arrive at once, "
                    + "by LISTEN/NOTIFY)", SettingCheck.duration(Duration.ofSeconds(1), Duration.ofHours(24))),
            new Setting(LONG_POLL_MAX, "60s", "the longest a gateway's configuration request is held open waiting for a change",
                    SettingCheck.duration(Duration.ofSeconds(1), Duration.ofHours(1)))),
            // the gateway's HTTPS settings and certificate code; HTTP/1.1 only
            dev.breakwater.gateway.tls.HttpsSettings.settings(HTTP_HOST, false).stream()).toList();

    private ManagementSettings() {
    }
}
