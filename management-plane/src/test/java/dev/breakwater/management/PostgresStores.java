package dev.breakwater.management;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.PostgresServer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Settings of management planes sharing one database of a test's {@link PostgresServer}. */
final class PostgresStores {

    /** One store key for every instance of a test run, as operators must share theirs. */
    static final String STORE_KEY;

    static {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        STORE_KEY = Base64.getEncoder().encodeToString(key);
    }

    private PostgresStores() {
    }

    /**
     * @param pollInterval the safety-net re-read: long where only a notification may explain an arrival
     */
    static Map<String, String> settings(PostgresServer postgres, String url, String pollInterval) {
        Map<String, String> settings = new HashMap<>();
        settings.put(ManagementSettings.STORE_TYPE, "postgresql");
        settings.put(ManagementSettings.STORE_URL, url);
        settings.put(ManagementSettings.STORE_USER, postgres.user());
        settings.put(ManagementSettings.STORE_PASSWORD, postgres.password());
        settings.put(ManagementSettings.STORE_KEY, STORE_KEY);
        settings.put(ManagementSettings.STORE_POLL_INTERVAL, pollInterval);
        return settings;
    }

    /** The ids of the named values of a document as {@code GET /admin/config} answers it, parsed. */
    static Set<String> namedValueIds(String config) {
        Set<String> ids = new HashSet<>();
        JsonNode namedValues = Json.parse(config).path("namedValues");
        for (JsonNode namedValue : namedValues) {
            ids.add(Json.text(namedValue, "id"));
        }
        return ids;
    }

    /** Whether a store listener thread of any management plane in this JVM still runs. */
    static boolean listenerRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && thread.getName().equals("breakwater-store-listener"));
    }
}
