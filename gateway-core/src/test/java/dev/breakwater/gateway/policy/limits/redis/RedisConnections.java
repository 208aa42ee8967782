package dev.breakwater.gateway.policy.limits.redis;

import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.RedisServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real redis-server for the tests of what is kept in Redis, with the executor the stores answer on
 * and the connectors made to it. {@link #connect} returns a connector once it is connected;
 * {@link #closeConnectors()} closes those made so far (a test's own), {@link #close()} closes them,
 * the executor, then the server.
 */
public final class RedisConnections implements AutoCloseable {

    public final RedisServer redis;
    public final ExecutorService executor;
    private final List<RedisConnector> connectors = new ArrayList<>();

    public RedisConnections() throws IOException, InterruptedException {
        redis = RedisServer.startOnFreePort();
        executor = Executors.newFixedThreadPool(2);
    }

    /** A new connector (a replica's own connection) with this command timeout, once it is connected. */
    public RedisConnector connect(Duration commandTimeout, Clock clock) throws InterruptedException {
        RedisConnector connector = new RedisConnector(redis.url(), null, null, commandTimeout, clock);
        connectors.add(connector);
        Await.until("connected to redis", Duration.ofSeconds(10), () -> connector.commands() != null);
        return connector;
    }

    /** Closes the connectors made so far. */
    public void closeConnectors() {
        connectors.forEach(RedisConnector::close);
        connectors.clear();
    }

    @Override
    public void close() throws InterruptedException {
        closeConnectors();
        executor.shutdownNow();
        redis.close();
    }
}
