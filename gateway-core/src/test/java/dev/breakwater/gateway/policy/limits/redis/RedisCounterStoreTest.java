package dev.breakwater.gateway.policy.limits.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.limits.CounterKey;
import dev.breakwater.gateway.policy.limits.CounterState;
import dev.breakwater.gateway.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Redis counter store against a real redis-server: tryAdd is atomic under concurrency, windows
 * renew on the gateway's clock, a first-use anchor is shared by replicas, and a server that forgot
 * the script (restart, SCRIPT FLUSH) gets it again.
 */
class RedisCounterStoreTest {

    private static final long T0 = 1_700_000_000_000L;
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

    private RedisCounterStore store(String gateway, ManualClock clock) throws InterruptedException {
        return new RedisCounterStore(connections.connect(Duration.ofSeconds(2), clock), gateway, clock,
                connections.executor);
    }

    private static CounterState answer(java.util.concurrent.CompletionStage<CounterState> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void twoHundredConcurrentTryAddsWithALimitOfFiftyAcceptExactlyFifty() throws Exception {
        RedisCounterStore store = store("concurrent", new ManualClock(Instant.ofEpochMilli(T0)));
        CounterKey key = new CounterKey("calls", 60_000, null);
        List<CompletableFuture<CounterState>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(store.tryAdd(key, 50, 1).toCompletableFuture());
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        long accepted = answers.stream().filter(answer -> answer.join().accepted()).count();
        assertEquals(50, accepted);
        assertEquals(50, answer(store.read(key)).count());
        assertEquals("50", connections.redis.command("GET breakwater:concurrent:counter:calls:0"));
    }

    @Test
    void aWindowRenewsAtItsEndAndItsKeyExpiresWithIt() throws Exception {
        ManualClock clock = new ManualClock(Instant.ofEpochMilli(T0));
        RedisCounterStore store = store("renewal", clock);
        CounterKey key = new CounterKey("quota", 10_000, T0 - 4_000); // windows at T0-4s, T0+6s, ...
        assertTrue(answer(store.tryAdd(key, 2, 1)).accepted());
        CounterState second = answer(store.tryAdd(key, 2, 1));
        assertTrue(second.accepted());
        assertEquals(2, second.count());
        assertEquals(6_000, second.millisToRenewal());
        CounterState third = answer(store.tryAdd(key, 2, 1));
        assertFalse(third.accepted());
        assertEquals(2, third.count());
        long ttl = Long.parseLong(connections.redis.command("PTTL breakwater:renewal:counter:quota:0").substring(1));
        assertTrue(ttl > 0 && ttl <= 6_000, "the window's key expires with the window: " + ttl);

        clock.advance(Duration.ofMillis(6_000));
        CounterState renewed = answer(store.tryAdd(key, 2, 1));
        assertTrue(renewed.accepted());
        assertEquals(1, renewed.count());
        assertEquals(10_000, renewed.millisToRenewal());
        assertEquals("1", connections.redis.command("GET breakwater:renewal:counter:quota:1"));
    }

    @Test
    void aFirstUseAnchorIsSharedByReplicas() throws Exception {
        ManualClock first = new ManualClock(Instant.ofEpochMilli(T0));
        ManualClock second = new ManualClock(Instant.ofEpochMilli(T0 + 1_500));
        RedisCounterStore a = store("anchored", first);
        RedisCounterStore b = store("anchored", second);
        CounterKey key = new CounterKey("per-minute", 60_000, null);
        assertEquals(60_000, answer(a.tryAdd(key, 10, 1)).millisToRenewal());
        CounterState fromB = answer(b.tryAdd(key, 10, 1));
        assertEquals(2, fromB.count(), "the replicas count in one window");
        assertEquals(58_500, fromB.millisToRenewal(), "the window started at the first use, on replica a");
        assertEquals(Long.toString(T0),
                connections.redis.command("HGET breakwater:anchored:counter:per-minute anchor"));
    }

    @Test
    void addCountsWhateverTheLimitAndNeverBelowZero() throws Exception {
        RedisCounterStore store = store("add", new ManualClock(Instant.ofEpochMilli(T0)));
        CounterKey key = new CounterKey("bytes", 0, null); // a window that never ends
        assertEquals(5, answer(store.add(key, 5)).count());
        CounterState undone = answer(store.add(key, -9));
        assertEquals(0, undone.count());
        assertEquals(Long.MAX_VALUE, undone.millisToRenewal());
        assertEquals(0, answer(store.read(key)).count());
    }

    @Test
    void aServerThatForgotTheScriptGetsItAgain() throws Exception {
        RedisCounterStore store = store("flushed", new ManualClock(Instant.ofEpochMilli(T0)));
        CounterKey key = new CounterKey("calls", 60_000, T0);
        assertTrue(answer(store.tryAdd(key, 5, 1)).accepted());
        assertEquals("+OK", connections.redis.command("SCRIPT FLUSH"));
        CounterState again = answer(store.tryAdd(key, 5, 1));
        assertTrue(again.accepted());
        assertEquals(2, again.count());
    }

    @Test
    void aLongCounterNameIsKeyedByItsHash() throws Exception {
        RedisCounterStore store = store("long", new ManualClock(Instant.ofEpochMilli(T0)));
        String name = "k".repeat(5_000);
        assertTrue(store.keyOf(name).startsWith("breakwater:long:counter:sha256:"));
        assertTrue(store.keyOf(name).length() < 120);
        assertEquals("breakwater:long:counter:short", store.keyOf("short"));
    }
}
