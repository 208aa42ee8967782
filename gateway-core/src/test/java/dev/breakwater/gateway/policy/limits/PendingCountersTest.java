package dev.breakwater.gateway.policy.limits;

import static dev.breakwater.gateway.policy.limits.StepFailures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.testing.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The limits over a store that answers later: the step is pending (no thread waits), goes on when the
 * store answers, and fails with the limit's error when the answer is a refusal. Over the local
 * store the step is not pending at all.
 */
class PendingCountersTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final LocalCounterStore local = new LocalCounterStore(new KeyedCounters(clock));
    private final LaterStore later = new LaterStore(local);

    private static LimitSpec spec() {
        return new LimitSpec("api:echo:inbound:rate-limit-by-key[1]", "rate-limit-by-key", Value.of("k"), Value.of(1),
                Value.of(60), 1, 300, null, null, Value.of(1), "Retry-After", null, null, "left", null, 429,
                "RateLimitExceeded", seconds -> "Rate limit is exceeded. Try again in " + seconds + " seconds.");
    }

    @Test
    void aStepOverALaterStoreIsPendingUntilTheStoreAnswers() throws Exception {
        KeyedLimit step = new KeyedLimit(spec(), later);
        PolicyContext context = PolicyTesting.context();
        Outcome outcome = step.run(context);
        assertTrue(outcome.isPending());
        CompletableFuture<Outcome> stage = outcome.stage().toCompletableFuture();
        assertFalse(stage.isDone(), "nothing answered yet");
        assertEquals(1, later.waiting());
        later.releaseOne();
        assertSame(Outcome.CONTINUE, stage.getNow(null));
        assertEquals(0, context.variables().get("left"));

        PolicyContext refused = PolicyTesting.context();
        Outcome second = step.run(refused);
        assertTrue(second.isPending());
        later.releaseOne();
        PolicyException error = failure(second);
        assertEquals("RateLimitExceeded", error.error().reason());
        assertEquals(429, error.error().statusCode());
    }

    @Test
    void overTheLocalStoreTheStepIsNotPending() throws Exception {
        KeyedLimit step = new KeyedLimit(spec(), local);
        assertSame(Outcome.CONTINUE, step.run(PolicyTesting.context()));
    }

    @Test
    void levelsAnsweredLaterChainAndARefusalGivesBackTheEarlierCount() throws Exception {
        LimitLevel top = new LimitLevel(null, null, 5, -1, 60, List.of());
        LimitLevel api = new LimitLevel("echo", null, 1, -1, 60, List.of());
        SubscriptionLimit step = new SubscriptionLimit("product:starter:inbound:rate-limit[1]", "rate-limit", top,
                List.of(api), false, new LimitHeaders("Retry-After", null, null, "left", null), 429,
                "RateLimitExceeded", seconds -> "over", seconds -> "over", later);
        PolicyContext context = PolicyTesting.context();
        Outcome first = step.run(context);
        later.releaseOne(); // the policy's level
        assertFalse(first.stage().toCompletableFuture().isDone(), "the API's level is asked next");
        later.releaseOne();
        assertSame(Outcome.CONTINUE, first.stage().toCompletableFuture().getNow(null));
        assertEquals(0, context.variables().get("left"), "the API's level is the tightest");

        Outcome second = step.run(PolicyTesting.context());
        later.releaseOne();
        later.releaseOne(); // the API's level refuses
        assertEquals("over", failure(second).error().message());
        assertEquals(1, later.waiting(), "the policy's count is given back");
        later.releaseOne();
        CounterKey topKey = new CounterKey("product:starter:inbound:rate-limit[1]||60|null|anonymous", 60_000, null);
        assertEquals(1, local.read(topKey).toCompletableFuture().getNow(null).count());
    }
}
