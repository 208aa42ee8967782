package dev.breakwater.gateway.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PoolBackendTest {

    private final ManualClock clock = new ManualClock();

    private SingleBackend service(String id) {
        BreakerRule rule = new BreakerRule(1, Duration.ofMinutes(1), List.<int[]>of(new int[] {500, 599}), Set.of(),
                Duration.ofMinutes(1), false);
        return new SingleBackend(id, "http://" + id, Map.of(), Map.of(), null, new CircuitBreaker(rule, clock));
    }

    private static Map<String, Integer> spread(Backend pool, int requests) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            SingleBackend chosen = pool.select();
            counts.merge(chosen == null ? "none" : chosen.id(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void equalWeightsTakeTurns() {
        PoolBackend pool = new PoolBackend("p", List.of(new PoolBackend.Member(service("a"), 0, 1),
                new PoolBackend.Member(service("b"), 0, 1), new PoolBackend.Member(service("c"), 0, 1)));
        assertEquals(Map.of("a", 100, "b", 100, "c", 100), spread(pool, 300));
    }

    @Test
    void weightsShareRequestsInProportion() {
        PoolBackend pool = new PoolBackend("p", List.of(new PoolBackend.Member(service("a"), 0, 3),
                new PoolBackend.Member(service("b"), 0, 1)));
        assertEquals(Map.of("a", 300, "b", 100), spread(pool, 400));
    }

    @Test
    void aLowerPriorityTakesOverOnlyWhileEveryHigherOneIsTripped() {
        SingleBackend primary1 = service("primary1");
        SingleBackend primary2 = service("primary2");
        PoolBackend pool = new PoolBackend("p", List.of(new PoolBackend.Member(service("standby"), 2, 1),
                new PoolBackend.Member(primary1, 1, 1), new PoolBackend.Member(primary2, 1, 1)));
        assertEquals(Map.of("primary1", 50, "primary2", 50), spread(pool, 100));
        primary1.breaker().answered(500, null);
        assertEquals(Map.of("primary2", 100), spread(pool, 100), "the other primary takes all");
        primary2.breaker().answered(500, null);
        assertEquals(Map.of("standby", 100), spread(pool, 100), "fail-over to the next priority");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Map.of("primary1", 50, "primary2", 50), spread(pool, 100), "back once the breakers close");
    }

    @Test
    void nothingWhenEveryMemberIsTripped() {
        SingleBackend only = service("only");
        PoolBackend pool = new PoolBackend("p", List.of(new PoolBackend.Member(only, 0, 1)));
        only.breaker().answered(502, null);
        assertNull(pool.select());
    }
}
