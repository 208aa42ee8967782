package dev.breakwater.gateway.policy.limits.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.concurrency.ConcurrencyLimits;
import dev.breakwater.gateway.policy.concurrency.ConcurrencySlot;
import dev.breakwater.gateway.policy.limits.CounterStoreUnavailableException;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.ManualClock;
import io.lettuce.core.RedisCommandTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * limit-concurrency's slots in a real redis-server: replicas (stores on their own connections) share
 * a key's max-count and different gateways do not, a release frees the slot once, an ended lease frees
 * a slot nobody gave back, and acquiring is atomic under concurrency. Then the shared store while
 * Redis is killed: it counts in memory or refuses, a slot taken in Redis is released without failing,
 * and slots are taken in Redis again once it is back.
 */
class RedisConcurrencyStoreTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static RedisConnections connections;

    @BeforeAll
    static void startRedis() throws Exception {
        connections = new RedisConnections();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (connections != null) {
            connections.close();
        }
    }

    @AfterEach
    void closeConnectors() {
        connections.closeConnectors();
    }

    private RedisConnector connector(Clock clock) throws InterruptedException {
        return connections.connect(Duration.ofMillis(500), clock);
    }

    private RedisConcurrencyStore store(String gateway, Clock clock) throws InterruptedException {
        return new RedisConcurrencyStore(connector(clock), gateway, clock, connections.executor, LEASE);
    }

    private static ConcurrencySlot slot(CompletionStage<ConcurrencySlot> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static long held(String key) throws Exception {
        return Long.parseLong(connections.redis.command("ZCARD " + key).substring(1));
    }

    @Test
    void replicasShareMaxCountAndAReleaseFreesItsSlotOnce() throws Exception {
        ManualClock clock = new ManualClock(Instant.ofEpochMilli(T0));
        RedisConcurrencyStore a = store("shared", clock);
        RedisConcurrencyStore b = store("shared", clock);
        ConcurrencySlot first = slot(a.acquire("backend", 2));
        ConcurrencySlot second = slot(b.acquire("backend", 2));
        assertNotNull(first);
        assertNotNull(second);
        assertNull(slot(a.acquire("backend", 2)), "a third slot, from either replica, is refused");
        assertNull(slot(b.acquire("backend", 2)));
        assertEquals(2, held("breakwater:shared:concurrency:backend"));

        first.release();
        first.release(); // twice: once
        Await.until("the release reached Redis", Duration.ofSeconds(10),
                () -> held("breakwater:shared:concurrency:backend") == 1);
        ConcurrencySlot third = slot(b.acquire("backend", 2));
        assertNotNull(third, "the freed slot is taken again");
        assertNull(slot(a.acquire("backend", 2)), "the double release freed one slot, not two");

        second.release();
        third.release();
        Await.until("the key is gone with its last slot", Duration.ofSeconds(10),
                () -> ":0".equals(connections.redis.command("EXISTS breakwater:shared:concurrency:backend")));
    }

    @Test
    void differentGatewaysAndKeysDoNotShare() throws Exception {
        Clock clock = new ManualClock(Instant.ofEpochMilli(T0));
        RedisConcurrencyStore north = store("north", clock);
        RedisConcurrencyStore south = store("south", clock);
        assertNotNull(slot(north.acquire("k", 1)));
        assertNotNull(slot(south.acquire("k", 1)), "another gateway has its own slots");
        assertNotNull(slot(north.acquire("other", 1)), "another key has its own slots");
        assertNull(slot(north.acquire("k", 1)));
    }

    @Test
    void anEndedLeaseFreesASlotNobodyGaveBackAndTheKeyExpiresWithTheLease() throws Exception {
        ManualClock clock = new ManualClock(Instant.ofEpochMilli(T0));
        RedisConcurrencyStore store = store("leases", clock);
        assertNotNull(slot(store.acquire("k", 2)));
        clock.advance(Duration.ofSeconds(10));
        assertNotNull(slot(store.acquire("k", 2))); // neither is released: their gateway died
        assertNull(slot(store.acquire("k", 2)));
        long ttl = Long.parseLong(connections.redis.command("PTTL breakwater:leases:concurrency:k").substring(1));
        assertTrue(ttl > 0 && ttl <= LEASE.toMillis(), "the key ends with its last lease: " + ttl);

        clock.advance(LEASE.minusSeconds(10)); // the first lease ends now, the second in 10 s
        assertNotNull(slot(store.acquire("k", 2)), "the ended lease's slot is free");
        assertEquals(2, held("breakwater:leases:concurrency:k"), "the ended lease is gone from the set");
        assertNull(slot(store.acquire("k", 2)));
    }

    @Test
    void aLongKeyIsKeyedByItsHash() throws Exception {
        RedisConcurrencyStore store = store("long", new ManualClock(Instant.ofEpochMilli(T0)));
        String key = "x".repeat(1000);
        assertNotNull(slot(store.acquire(key, 1)));
        assertEquals(1, held(store.keyOf(key)));
        assertTrue(store.keyOf(key).startsWith("breakwater:long:concurrency:sha256:"));
    }

    @Test
    void twoHundredConcurrentAcquiresWithAMaxOfTwentyGetExactlyTwenty() throws Exception {
        RedisConcurrencyStore store = store("concurrent", new ManualClock(Instant.ofEpochMilli(T0)));
        List<CompletableFuture<ConcurrencySlot>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(store.acquire("k", 20).toCompletableFuture());
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertEquals(20, answers.stream().filter(answer -> answer.join() != null).count());
        assertEquals(20, held("breakwater:concurrent:concurrency:k"));
    }

    @Test
    void anAcquireThatTimesOutButIsRunLaterGivesItsSlotBack() throws Exception {
        RedisConcurrencyStore store = store("late", new ManualClock(Instant.ofEpochMilli(T0)));
        // the server knows the script: the late acquire is run, not answered NOSCRIPT
        slot(store.acquire("warm-up", 1)).release();
        // the server holds every command for longer than the connector's timeout (500 ms), then runs them
        assertEquals("+OK", connections.redis.command("CLIENT PAUSE 1500 ALL"));
        ExecutionException late = assertThrows(ExecutionException.class, () -> slot(store.acquire("k", 1)));
        assertInstanceOf(RedisCommandTimeoutException.class, late.getCause());
        // sent on the same connection, so run after the late acquire and the release its timeout sent:
        // had that lease stayed, every later acquire of max-count 1 would be refused
        ConcurrencySlot next = Await.until("the slot of the late acquire is free", Duration.ofSeconds(10),
                () -> slot(store.acquire("k", 1)), Objects::nonNull);
        assertEquals(1, held("breakwater:late:concurrency:k"));
        next.release();
    }

    @Test
    void whileRedisIsGoneSlotsAreCountedInMemoryAndInRedisAgainOnceItIsBack() throws Exception {
        Clock clock = Clock.systemUTC();
        RedisConnector connector = connector(clock);
        ConcurrencyLimits memory = new ConcurrencyLimits();
        SharedConcurrencyStore store = new SharedConcurrencyStore(
                new RedisConcurrencyStore(connector, "outage", clock, connections.executor, LEASE), memory,
                new RedisOutage(false));
        SharedConcurrencyStore refusing = new SharedConcurrencyStore(
                new RedisConcurrencyStore(connector, "outage", clock, connections.executor, LEASE),
                new ConcurrencyLimits(), new RedisOutage(true));
        ConcurrencySlot inRedis = slot(store.acquire("k", 1));
        assertNotNull(inRedis);
        assertEquals(1, held("breakwater:outage:concurrency:k"));
        assertEquals(0, memory.inUse("k"));

        connections.redis.stop();
        try {
            inRedis.release(); // its acquire went to Redis: its release too, or it ends with its lease; never a failure
            ConcurrencySlot alone = slot(store.acquire("k", 1));
            assertNotNull(alone, "counted in memory, from zero");
            assertEquals(1, memory.inUse("k"));
            assertNull(slot(store.acquire("k", 1)), "the memory's count holds max-count");
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> slot(refusing.acquire("k", 1)));
            assertInstanceOf(CounterStoreUnavailableException.class, refused.getCause());
            alone.release();
            assertEquals(0, memory.inUse("k"), "a slot taken in memory is given back there");
        } finally {
            connections.redis.start(); // on the same port, empty
        }
        Await.until("slots are taken in Redis again", Duration.ofSeconds(30), () -> {
            ConcurrencySlot probe = slot(store.acquire("probe", 5));
            boolean shared = ":1".equals(connections.redis.command("ZCARD breakwater:outage:concurrency:probe"));
            probe.release();
            return shared;
        });
        ConcurrencySlot back = slot(store.acquire("k", 1));
        assertNotNull(back);
        assertEquals(1, held("breakwater:outage:concurrency:k"));
        assertEquals(0, memory.inUse("k"));
        back.release();
    }
}
