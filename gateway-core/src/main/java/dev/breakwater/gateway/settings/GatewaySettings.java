package dev.breakwater.gateway.settings;

import java.util.List;

/** The settings of a gateway, in the runner and in a servlet container alike. */
public final class GatewaySettings {

    public static final String HTTP_PORT = "server.http.port";
    public static final String HTTP_HOST = "server.http.host";
    public static final String SHUTDOWN_TIMEOUT = "server.shutdown.timeout";
    public static final String ADMIN_PORT = "server.admin.port";
    public static final String ADMIN_HOST = "server.admin.host";
    public static final String ADMIN_TOKEN = "server.admin.token";
    public static final String GATEWAY_NAME = "gateway.name";
    public static final String SERVICE_ENDPOINT = "config.service.endpoint";
    public static final String SERVICE_AUTH = "config.service.auth";
    public static final String SYNC_INTERVAL = "config.sync.interval";
    public static final String SYNC_WAIT = "config.sync.wait";
    public static final String HEARTBEAT_INTERVAL = "heartbeat.interval";
    public static final String BACKUP_ENABLED = "config.backup.enabled";
    public static final String BACKUP_PATH = "config.backup.path";
    public static final String BACKUP_GENERATIONS = "config.backup.generations";
    public static final String STARTUP_TIMEOUT = "config.startup.timeout";
    public static final String LOCAL_FILE = "config.local.file";
    public static final String LOCAL_FILE_POLL = "config.local.poll.interval";
    public static final String BACKEND_MAX_CONNECTIONS = "backend.max.connections";
    public static final String BACKEND_IDLE_TIMEOUT = "backend.idle.timeout";
    public static final String PROXY_MAX_THREADS = "proxy.max.threads";

    public static final List<Setting> ALL = List.of(
            new Setting(HTTP_PORT, "8080", "port of the gateway's HTTP listener (runner only; 0 picks a free one)"),
            new Setting(HTTP_HOST, "0.0.0.0", "address the HTTP listener binds to (runner only)"),
            new Setting(SHUTDOWN_TIMEOUT, "30s", "on SIGTERM, how long in-flight requests may take to finish (runner only)"),
            new Setting(ADMIN_PORT, "8091", "port of the admin listener: /status, /health (runner only; -1 turns it off)"),
            new Setting(ADMIN_HOST, "127.0.0.1", "address the admin listener binds to; other than loopback it needs server.admin.token"),
            new Setting(ADMIN_TOKEN, null, "bearer token the admin endpoints then require"),
            new Setting(GATEWAY_NAME, null, "the gateway's id in the management plane"),
            new Setting(SERVICE_ENDPOINT, null, "base URL of the management plane; unset: standalone, from config.local.file"),
            new Setting(SERVICE_AUTH, null, "the gateway token, 'GatewayKey ...' (secret: prefer the environment variable)"),
            new Setting(SYNC_INTERVAL, "10s", "between configuration polls when not long polling; back-off stops at 6 times this"),
            new Setting(SYNC_WAIT, "30s", "how long the management plane may hold a poll open until a change (0s: plain polling)"),
            new Setting(HEARTBEAT_INTERVAL, "60s", "between heartbeats to the management plane"),
            new Setting(BACKUP_ENABLED, "true", "keep a local backup of every applied configuration, to start from when "
                    + "the management plane does not answer"),
            new Setting(BACKUP_PATH, "./data/backup", "directory of the backup (H2); in a servlet container it has no "
                    + "default and must be set unless the backup is disabled"),
            new Setting(BACKUP_GENERATIONS, "5", "how many applied configurations the backup keeps"),
            new Setting(STARTUP_TIMEOUT, "60s", "with neither the management plane nor a backup, how long to try before "
                    + "giving up the start"),
            new Setting(LOCAL_FILE, null, "standalone mode: the configuration document (JSON); re-read when it changes"),
            new Setting(LOCAL_FILE_POLL, "1s", "how often the configuration file is checked for changes"),
            new Setting(BACKEND_MAX_CONNECTIONS, "256", "most connections the gateway opens to one backend host and port"),
            new Setting(BACKEND_IDLE_TIMEOUT, "30s", "how long an unused backend connection is kept open"),
            new Setting(PROXY_MAX_THREADS, "200", "threads for backend I/O in a servlet container (the runner uses its own pool)"));

    private GatewaySettings() {
    }

    /** The settings in a servlet container: the backup path has no default there (no working directory to trust). */
    public static List<Setting> forContainer() {
        return ALL.stream().map(setting -> setting.name().equals(BACKUP_PATH)
                ? new Setting(BACKUP_PATH, null, setting.description()) : setting).toList();
    }
}
