package dev.breakwater.management;

import dev.breakwater.gateway.config.ConfigLimits;
import dev.breakwater.management.auth.AdminToken;
import dev.breakwater.gateway.secrets.StoreKeys;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The management plane's settings, every one of them checked before anything is created on
 * disk: a typo in the last setting must not leave a new, empty {@code data.dir} behind.
 *
 * @param adminToken the {@code admin.token} setting, or {@code null} for the token file
 * @param storeKey   the {@code store.encryption.key} setting (checked, never shown), or {@code null} for the key file
 * @param https      the HTTPS listener's options, or {@code null} when {@code server.https.port} is unset
 * @param store      where the store is: H2 under {@code data.dir}, or PostgreSQL
 */
record ManagementConfig(String httpHost, int httpPort, Duration shutdownTimeout, Duration longPollMax,
                        long maxRequestBytes, Path dataDir, String adminToken, String storeKey,
                        dev.breakwater.gateway.tls.HttpsOptions https, StoreConfig store) {

    private static final long MAX_REQUEST_BYTES = 1L << 30;

    static ManagementConfig from(Settings settings) throws SettingsException {
        return new ManagementConfig(settings.require(ManagementSettings.HTTP_HOST),
                settings.integer(ManagementSettings.HTTP_PORT, 0, 65535),
                between(settings, ManagementSettings.SHUTDOWN_TIMEOUT, Duration.ZERO, Duration.ofHours(1)),
                between(settings, ManagementSettings.LONG_POLL_MAX, Duration.ofSeconds(1), Duration.ofHours(1)),
                requestSize(settings), dataDir(settings), adminToken(settings), storeKey(settings),
                dev.breakwater.gateway.tls.HttpsOptions.from(settings, settings.require(ManagementSettings.HTTP_HOST),
                        false),
                StoreConfig.from(settings));
    }

    private static Duration between(Settings settings, String name, Duration min, Duration max) throws SettingsException {
        Duration value = settings.duration(name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new SettingsException("setting '" + name + "' must be from " + min.toSeconds() + "s to "
                    + max.toSeconds() + "s, not '" + settings.get(name) + "'");
        }
        return value;
    }

    private static long requestSize(Settings settings) throws SettingsException {
        String text = settings.require(ManagementSettings.REQUEST_MAX_SIZE);
        long bytes;
        try {
            bytes = ByteSize.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting '" + ManagementSettings.REQUEST_MAX_SIZE + "' " + e.getMessage());
        }
        if (bytes < ConfigLimits.MAX_POLICY_BYTES || bytes > MAX_REQUEST_BYTES) {
            throw new SettingsException("setting '" + ManagementSettings.REQUEST_MAX_SIZE + "' must be from 256KiB "
                    + "(one policy document must fit) to 1GiB, not '" + text + "'");
        }
        return bytes;
    }

    private static Path dataDir(Settings settings) throws SettingsException {
        String text = settings.require(ManagementSettings.DATA_DIR);
        Path dir;
        try {
            dir = Path.of(text);
        } catch (InvalidPathException e) {
            throw new SettingsException("setting '" + ManagementSettings.DATA_DIR + "' is not a valid path: '" + text + "'");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new SettingsException("setting '" + ManagementSettings.DATA_DIR + "': " + dir.toAbsolutePath()
                    + " is a file, not a directory");
        }
        return dir;
    }

    private static String adminToken(Settings settings) throws SettingsException {
        String token = settings.get(ManagementSettings.ADMIN_TOKEN);
        String problem = token == null ? null : AdminToken.problem(token);
        if (problem != null) {
            throw new SettingsException("setting '" + ManagementSettings.ADMIN_TOKEN + "' " + problem
                    + "; or leave it unset to have one generated");
        }
        return token;
    }

    private static String storeKey(Settings settings) throws SettingsException {
        String key = settings.get(ManagementSettings.STORE_KEY);
        if (key != null) {
            try {
                StoreKeys.decode(key);
            } catch (IllegalArgumentException e) {
                throw new SettingsException("setting '" + ManagementSettings.STORE_KEY + "' " + e.getMessage());
            }
        }
        return key;
    }

    @Override
    public String toString() { // never the token or the key
        return "ManagementConfig[" + httpHost + ":" + httpPort + ", data.dir=" + dataDir + ", " + store + "]";
    }
}
