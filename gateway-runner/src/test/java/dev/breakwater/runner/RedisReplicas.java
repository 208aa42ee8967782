package dev.breakwater.runner;

import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.RedisServer;
import dev.breakwater.gateway.testing.TestBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replicas of one gateway (one gateway.name) on one real redis-server, with one backend: the fixture
 * of the tests of what replicas share through Redis. Each replica gets the shared settings plus its
 * own (e.g. counters.redis.unavailable=refuse); closing closes the replicas, then the backend, then
 * Redis, so no replica outlives what it talks to.
 */
final class RedisReplicas implements AutoCloseable {

    final RedisServer redis;
    final TestBackend backend;
    private final Path dir;
    private final Map<String, String> settings = new HashMap<>();
    private final List<InProcessGateway> replicas = new ArrayList<>();

    /** Starts redis-server and the backend; {@code settings} come on top of the name, the Redis URL and no backup. */
    RedisReplicas(Path dir, String gatewayName, Map<String, String> settings) throws Exception {
        this.dir = dir;
        this.redis = RedisServer.startOnFreePort();
        try {
            this.backend = new TestBackend();
        } catch (Exception | Error e) {
            redis.close();
            throw e;
        }
        this.settings.putAll(Map.of(GatewaySettings.GATEWAY_NAME, gatewayName, GatewaySettings.REDIS_URL, redis.url(),
                GatewaySettings.BACKUP_ENABLED, "false"));
        this.settings.putAll(settings);
    }

    /** Starts a replica serving {@code config}, in its own directory named {@code name}. */
    InProcessGateway replica(String name, String config) throws Exception {
        return replica(name, config, Map.of());
    }

    /** Starts a replica serving {@code config} with these settings on top of the shared ones. */
    InProcessGateway replica(String name, String config, Map<String, String> own) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.putAll(own);
        InProcessGateway replica = new InProcessGateway(Files.createDirectories(dir.resolve(name)), config, all);
        replicas.add(replica);
        return replica;
    }

    @Override
    public void close() throws Exception {
        for (InProcessGateway replica : replicas) {
            replica.close();
        }
        backend.close();
        redis.close();
    }
}
