package dev.breakwater.gateway.policy.limits.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.limits.CounterKey;
import dev.breakwater.gateway.policy.limits.CounterState;
import dev.breakwater.gateway.policy.limits.CounterStoreUnavailableException;
import dev.breakwater.gateway.policy.limits.KeyedCounters;
import dev.breakwater.gateway.policy.limits.LocalCounterStore;
import dev.breakwater.gateway.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis store's degradation against a real redis-server that is killed and started again: the
 * gateway counts alone (or refuses) while it is gone, without waiting for it, and counts in Redis
 * again once it is back, without a restart.
 */
class SharedCounterStoreTest {

    private RedisConnections connections;
    private RedisConnector connector;

    @BeforeEach
    void start() throws Exception {
        connections = new RedisConnections();
        connector = connections.connect(Duration.ofMillis(500), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (connections != null) {
            connections.close();
        }
    }

    private SharedCounterStore store(boolean refuse) {
        Clock clock = Clock.systemUTC();
        return new SharedCounterStore(new RedisCounterStore(connector, "shared", clock, connections.executor),
                connector, new LocalCounterStore(new KeyedCounters(clock)), refuse);
    }

    private static CounterState answer(CompletionStage<CounterState> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void whileRedisIsGoneTheGatewayCountsAloneAndSharesAgainWhenItIsBack() throws Exception {
        SharedCounterStore store = store(false);
        CounterKey key = new CounterKey("calls", 3_600_000, null);
        assertEquals(1, answer(store.tryAdd(key, 100, 1)).count());
        assertEquals(2, answer(store.tryAdd(key, 100, 1)).count());
        assertEquals("2", connections.redis.command("GET breakwater:shared:counter:calls:0"));
        assertTrue(store.available());

        connections.redis.stop();
        // whatever Lettuce has noticed yet, every operation is answered, from the gateway's memory
        CounterState alone = answer(store.tryAdd(key, 100, 1));
        assertTrue(alone.accepted());
        assertEquals(1, alone.count(), "the local counter starts afresh");
        assertFalse(store.available());
        assertEquals(2, answer(store.tryAdd(key, 100, 1)).count());

        connections.redis.start(); // on the same port, empty
        Await.until("counting in Redis again", Duration.ofSeconds(30), () -> {
            answer(store.read(key));
            return store.available();
        });
        assertEquals(1, answer(store.tryAdd(key, 100, 1)).count(), "Redis's count, not the local one");
        assertEquals("1", connections.redis.command("GET breakwater:shared:counter:calls:0"));
    }

    @Test
    void setToRefuseItFailsTheOperationWhileRedisIsGone() throws Exception {
        SharedCounterStore store = store(true);
        CounterKey key = new CounterKey("calls", 3_600_000, null);
        assertTrue(answer(store.tryAdd(key, 100, 1)).accepted());
        connections.redis.stop();
        ExecutionException refused = assertThrows(ExecutionException.class, () -> answer(store.tryAdd(key, 100, 1)));
        assertInstanceOf(CounterStoreUnavailableException.class, refused.getCause());
        assertFalse(store.available());
    }
}
