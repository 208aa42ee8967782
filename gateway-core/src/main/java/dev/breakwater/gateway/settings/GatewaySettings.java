package dev.breakwater.gateway.settings;

import dev.breakwater.gateway.net.AddressRange;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

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
    public static final String BACKUP_KEY = "config.backup.encryption.key";
    public static final String STARTUP_TIMEOUT = "config.startup.timeout";
    public static final String METRICS_ENABLED = "metrics.enabled";
    public static final String JMX_ENABLED = "metrics.jmx.enabled";
    public static final String JMX_DOMAIN = "metrics.jmx.domain";
    public static final String REQUEST_LOG_ENABLED = "log.requests.enabled";
    public static final String REQUEST_LOG_SAMPLE = "log.requests.sample";
    public static final String TELEMETRY_RETENTION = "telemetry.spool.retention";
    public static final String TELEMETRY_BUCKET = "telemetry.bucket";
    public static final String ADMIN_PATH = "server.admin.path";
    public static final String LOCAL_FILE = "config.local.file";
    public static final String LOCAL_FILE_POLL = "config.local.poll.interval";
    public static final String BACKEND_MAX_CONNECTIONS = "backend.max.connections";
    public static final String BACKEND_IDLE_TIMEOUT = "backend.idle.timeout";
    public static final String PROXY_MAX_THREADS = "proxy.max.threads";
    public static final String HTTP_MAX_CONNECTIONS = "server.http.max.connections";
    public static final String HTTP_IDLE_TIMEOUT = "server.http.idle.timeout";
    public static final String HTTP_HEADER_TIMEOUT = "server.http.header.timeout";
    public static final String HTTP_MIN_REQUEST_RATE = "server.http.min.request.rate";
    public static final String HTTP_MIN_RESPONSE_RATE = "server.http.min.response.rate";
    public static final String TRUSTED_PROXIES = "server.forwarded.trusted";
    public static final String BACKEND_MAX_RESPONSE_HEADERS = "backend.max.response.header.bytes";
    public static final String REQUEST_LOG_REDACT = "log.requests.redact";
    public static final String POLICY_BODY_LIMIT = "policy.body.max.bytes";
    public static final String REGION = "gateway.region";
    public static final String IDENTITY_ENDPOINT = "identity.endpoint";
    public static final String BACKEND_TLS_TRUST = "backend.tls.trust";
    public static final String BACKEND_TLS_PROTOCOLS = "backend.tls.protocols";
    public static final String AAD_AUTHORITY = "aad.authority";
    public static final String COUNTERS_STORE = "counters.store";
    public static final String COUNTERS_REDIS_UNAVAILABLE = "counters.redis.unavailable";
    public static final String COUNTERS_CONCURRENCY_LEASE = "counters.concurrency.lease";
    public static final String REDIS_URL = "redis.url";
    public static final String REDIS_PASSWORD = "redis.password";
    public static final String REDIS_TIMEOUT = "redis.timeout";
    public static final String REDIS_TLS_TRUST = "redis.tls.trust";
    public static final String CACHE_EXTERNAL = "cache.external";
    public static final String CACHE_EXTERNAL_MAX_VALUE_BYTES = "cache.external.max.value.bytes";
    public static final String H2C_ENABLED = "server.h2c.enabled";
    public static final String SERVICE_TRUST = "config.service.trust";

    /** The management plane's gateway ids. */
    private static final Pattern GATEWAY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,79}");

    public static final List<Setting> ALL = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            new Setting(HTTP_PORT, "8080", "port of the gateway's HTTP listener (runner only; 0 picks a free one)",
                    SettingCheck.integer(0, 65535)),
            new Setting(HTTP_HOST, "0.0.0.0", "address the HTTP listener binds to (runner only)"),
            new Setting(SHUTDOWN_TIMEOUT, "30s", "on SIGTERM, how long in-flight requests may take to finish (runner only)",
                    SettingCheck.duration(Duration.ZERO)),
            new Setting(ADMIN_PORT, "8091", "port of the admin listener: /status, /health (runner only; -1 turns it off)",
                    SettingCheck.integer(-1, 65535)),
            new Setting(ADMIN_HOST, "127.0.0.1", "address the admin listener binds to; other than loopback it needs server.admin.token"),
            new Setting(ADMIN_TOKEN, null, "bearer token the admin endpoints then require"),
            new Setting(GATEWAY_NAME, null, "the gateway's id in the management plane", SettingCheck.matching(GATEWAY_ID,
                    "a gateway id: a letter or digit, then up to 79 letters, digits, '.', '_', '~' or '-'")),
            new Setting(SERVICE_ENDPOINT, null, "base URL of the management plane; unset: standalone, from config.local.file",
                    SettingCheck.httpUrl()),
            new Setting(SERVICE_AUTH, null, "the gateway token, 'GatewayKey ...' (secret: prefer the environment variable)",
                    SettingCheck.secretStartingWith("GatewayKey ", "a gateway token from the management plane")),
            new Setting(SYNC_INTERVAL, "10s", "between configuration polls when not long polling; back-off stops at 6 times this",
                    SettingCheck.duration(Duration.ofSeconds(1))),
            new Setting(SYNC_WAIT, "30s", "how long the management plane may hold a poll open until a change (0s: plain polling)",
                    SettingCheck.duration(Duration.ZERO, Duration.ofHours(1))),
            new Setting(HEARTBEAT_INTERVAL, "60s", "between heartbeats to the management plane",
                    SettingCheck.duration(Duration.ofSeconds(1))),
            new Setting(BACKUP_ENABLED, "true", "keep a local backup of every applied configuration, to start from when "
                    + "the management plane does not answer", SettingCheck.bool()),
            new Setting(BACKUP_PATH, "./data/backup", "directory of the backup (H2); in a servlet container it has no "
                    + "default and must be set unless the backup is disabled"),
            new Setting(BACKUP_GENERATIONS, "5", "how many applied configurations the backup keeps",
                    SettingCheck.integer(1, 1000)),
            new Setting(BACKUP_KEY, null, "key that encrypts the backup: 32 random bytes in base64 (openssl rand "
                    + "-base64 32; secret: prefer the environment variable); unset: generated into "
                    + "<config.backup.path>/backup-key"),
            new Setting(STARTUP_TIMEOUT, "60s", "with neither the management plane nor a backup, how long to try before "
                    + "giving up the start", SettingCheck.duration(Duration.ofSeconds(1))),
            new Setting(METRICS_ENABLED, "true", "measure every request (timers per API and operation, status classes)",
                    SettingCheck.bool()),
            new Setting(JMX_ENABLED, "true", "publish the metrics and the status MBean to JMX (jconsole)",
                    SettingCheck.bool()),
            new Setting(JMX_DOMAIN, "breakwater", "JMX domain; in a servlet container breakwater.<context path>"),
            new Setting(REQUEST_LOG_ENABLED, "true", "one JSON line per request on the logger breakwater.requests",
                    SettingCheck.bool()),
            new Setting(REQUEST_LOG_SAMPLE, "1.0", "the share of requests the request log records, 0 to 1",
                    SettingCheck.decimal(0, 1)),
            new Setting(TELEMETRY_BUCKET, "1m", "the period of one telemetry aggregate (count, errors, latency percentiles per API)",
                    SettingCheck.duration(Duration.ofSeconds(1))),
            new Setting(TELEMETRY_RETENTION, "7d", "how long per-minute telemetry waits for the management plane before the oldest is dropped",
                    SettingCheck.duration(Duration.ofMinutes(1))),
            new Setting(ADMIN_PATH, null, "servlet container only: the path under which /status, /health and /metrics are "
                    + "served (off when unset; needs server.admin.token)"),
            new Setting(LOCAL_FILE, null, "standalone mode: the configuration document (JSON); re-read when it changes"),
            new Setting(LOCAL_FILE_POLL, "1s", "how often the configuration file is checked for changes",
                    SettingCheck.duration(Duration.ofMillis(10))),
            new Setting(BACKEND_MAX_CONNECTIONS, "1024", "most connections the gateway opens to one backend host and port",
                    SettingCheck.integer(1, 100_000)),
            new Setting(BACKEND_IDLE_TIMEOUT, "300s", "how long an unused backend connection is kept open (the default "
                    + "matches forward-request's default timeout: a connection whose timeout differs per request "
                    + "costs a timer reschedule per request)",
                    SettingCheck.duration(Duration.ofMillis(1))),
            new Setting(PROXY_MAX_THREADS, "200", "threads of the gateway: in the runner, its one pool (listener, policies, backend I/O); in a "
                    + "servlet container, the pool of backend I/O",
                    SettingCheck.integer(8, 10_000)),
            new Setting(HTTP_MAX_CONNECTIONS, "4096", "most client connections the traffic listener holds open at once; "
                    + "more wait to be accepted (runner only)", SettingCheck.integer(1, 1_000_000)),
            new Setting(HTTP_IDLE_TIMEOUT, "30s", "how long a client connection may stay silent, between or within "
                    + "requests (runner only)", SettingCheck.duration(Duration.ofSeconds(1))),
            new Setting(HTTP_HEADER_TIMEOUT, "15s", "how long a client may take to send a request's headers once it "
                    + "has started (runner only)", SettingCheck.duration(Duration.ofMillis(100))),
            new Setting(HTTP_MIN_REQUEST_RATE, "256", "bytes per second a client must at least send a request body "
                    + "at, or it gets 408 (runner only; 0: no minimum)", SettingCheck.integer(0, Integer.MAX_VALUE)),
            new Setting(HTTP_MIN_RESPONSE_RATE, "256", "bytes per second a client must at least read a response at, "
                    + "or its connection is closed (runner only; 0: no minimum)", SettingCheck.integer(0, Integer.MAX_VALUE)),
            new Setting(TRUSTED_PROXIES, null, "addresses or CIDR ranges of proxies in front of the gateway whose "
                    + "X-Forwarded-*, Forwarded and X-Real-IP headers are believed (default: none)", GatewaySettings::addressRanges),
            new Setting(BACKEND_MAX_RESPONSE_HEADERS, "8192", "largest size of a backend's response headers; "
                    + "a backend that sends more gets the client a 502", SettingCheck.integer(1024, 1024 * 1024)),
            new Setting(REQUEST_LOG_REDACT, null, "more query parameter names whose values the request log hides, "
                    + "comma-separated; '*' matches any characters (added to the built-in list)"),
            new Setting(POLICY_BODY_LIMIT, "4194304", "the largest body (bytes) the gateway buffers for a policy "
                    + "that reads it; a larger request gets 413, a larger backend response 502",
                    SettingCheck.integer(1024, 256 * 1024 * 1024)),
            new Setting(REGION, null, "the region policies see as context.Deployment.Region (default: empty)"),
            new Setting(IDENTITY_ENDPOINT, "http://169.254.169.254/metadata/identity/oauth2/token", "where "
                    + "authentication-managed-identity gets its tokens: an endpoint that answers as Azure's instance "
                    + "metadata service does (IMDS)", SettingCheck.httpUrl("http://169.254.169.254/metadata/identity/oauth2/token")),
            new Setting(BACKEND_TLS_TRUST, null, "a PEM file of CA certificates trusted for backends' TLS "
                    + "certificates (forwarded requests and call-outs), besides the JVM's default ones and the "
                    + "configuration's CA certificates (a private CA)"),
            new Setting(BACKEND_TLS_PROTOCOLS, "TLSv1.3,TLSv1.2", "the TLS versions offered to backends and "
                    + "call-outs, comma-separated"),
            new Setting(AAD_AUTHORITY, "https://login.microsoftonline.com", "the Microsoft Entra ID (Azure AD) "
                    + "authority validate-azure-ad-token fetches {authority}/{tenant}/v2.0/.well-known/openid-configuration "
                    + "from (a national cloud's, or a local OpenID provider in tests)",
                    SettingCheck.httpUrl("https://login.microsoftonline.com")),
            new Setting(COUNTERS_STORE, "local", "where rate-limit, quota, rate-limit-by-key, quota-by-key, the token "
                    + "limits and limit-concurrency count: "
                    + "'local', this gateway's memory, or 'redis', shared by the replicas of this gateway.name "
                    + "through redis.url", SettingCheck.oneOf("local", "redis")),
            new Setting(COUNTERS_REDIS_UNAVAILABLE, "local", "with counters.store=redis, while Redis cannot be "
                    + "reached: 'local', each gateway counts alone, or 'refuse', requests through limits get 503",
                    SettingCheck.oneOf("local", "refuse")),
            new Setting(COUNTERS_CONCURRENCY_LEASE, "5m", "with counters.store=redis, the longest a limit-concurrency "
                    + "slot is held in Redis: a gateway that stops without giving its slots back frees them after it, "
                    + "and a request holding one longer may see it given to another", SettingCheck.duration(
                    Duration.ofSeconds(1), Duration.ofHours(24))),
            new Setting(CACHE_EXTERNAL, "none", "the external cache of caching-type external and prefer-external: "
                    + "'none' (external is refused, prefer-external uses the internal cache) or 'redis', shared by the "
                    + "replicas of this gateway.name through redis.url", SettingCheck.oneOf("none", "redis")),
            new Setting(CACHE_EXTERNAL_MAX_VALUE_BYTES, "1048576", "with cache.external=redis, the largest value or "
                    + "response (serialized, bytes) kept in Redis; a larger one is not stored",
                    SettingCheck.integer(1024, 512 * 1024 * 1024)),
            new Setting(REDIS_URL, null, "the Redis server of counters.store=redis and cache.external=redis: redis://[:password@]host:port[/db], "
                    + "rediss:// for TLS", GatewaySettings::redisUrl),
            new Setting(REDIS_PASSWORD, null, "Redis's password, instead of the one in redis.url (secret: prefer "
                    + "the environment variable)"),
            new Setting(REDIS_TLS_TRUST, null, "with a rediss:// redis.url, a PEM file of the CA certificates the "
                    + "gateway trusts for Redis's certificate, instead of the JVM's trusted CAs (a private CA)"),
            new Setting(REDIS_TIMEOUT, "500ms", "the longest a request waits for Redis (one command, or connecting); "
                    + "then it counts as with Redis unreachable", SettingCheck.duration(Duration.ofMillis(1),
                    Duration.ofMinutes(1))),
            new Setting(SERVICE_TRUST, null, "a PEM file of the CA certificates the gateway trusts for the "
                    + "management plane's HTTPS certificate, instead of the JVM's trusted CAs (a private CA)"),
            new Setting(H2C_ENABLED, "false", "HTTP/2 without TLS (h2c: prior knowledge or Upgrade) on the HTTP "
                    + "listener (runner only; off: a front proxy that passes 'Upgrade: h2c' on would let clients "
                    + "tunnel past its own rules, h2c smuggling)", SettingCheck.bool())),
            dev.breakwater.gateway.tls.HttpsSettings.settings(HTTP_HOST, true).stream()).toList();

    /** A check: a redis:// or rediss:// URL with a host (never repeated in the message: it may hold a password). */
    private static String redisUrl(String value) {
        try {
            java.net.URI uri = new java.net.URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("redis") || scheme.equals("rediss")) && uri.getHost() != null) {
                return null;
            }
        } catch (java.net.URISyntaxException ignored) {
            // reported below
        }
        return "must be a redis:// or rediss:// URL with a host, such as redis://redis-host:6379/0";
    }

    /** A check: a comma-separated list of IP addresses and CIDR ranges. */
    private static String addressRanges(String value) {
        try {
            AddressRange.parseList(value);
            return null;
        } catch (IllegalArgumentException e) {
            return "must list IP addresses or CIDR ranges: " + e.getMessage();
        }
    }

    private GatewaySettings() {
    }

    /**
     * The settings in a servlet container: the backup path has no default there (no working
     * directory to trust), and the JMX domain names the context, so two deployments don't collide.
     */
    public static List<Setting> forContainer(String contextPath) {
        String context = contextPath.isEmpty() || contextPath.equals("/") ? "ROOT"
                : contextPath.substring(1).replace('/', '.');
        return ALL.stream().map(setting -> switch (setting.name()) {
            case BACKUP_PATH -> new Setting(BACKUP_PATH, null, setting.description(), setting.check());
            case JMX_DOMAIN -> new Setting(JMX_DOMAIN, "breakwater." + context, setting.description(), setting.check());
            default -> setting;
        }).toList();
    }
}
