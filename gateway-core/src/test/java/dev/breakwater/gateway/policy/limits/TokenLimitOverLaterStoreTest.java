package dev.breakwater.gateway.policy.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.llm.LlmTesting;
import dev.breakwater.gateway.policy.llm.TokenLimit;
import dev.breakwater.gateway.policy.llm.TokenLimitSpec;
import dev.breakwater.gateway.policy.runtime.BackendResponseHooksAccess;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * llm-token-limit over a counter store that answers later, as a shared one does: the step is pending
 * (no thread waits) until the store answers, a refusal by the minute gives back what the quota took,
 * the correction by the response's usage is sent without waiting for its answer, a failing store is
 * 500 CounterStoreUnavailable and a full one refuses as over the limit.
 */
class TokenLimitOverLaterStoreTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final LocalCounterStore local = new LocalCounterStore(new KeyedCounters(clock));
    private final LaterStore later = new LaterStore(local);
    private final TokenCounters counters = new TokenCounters(later, clock);

    private static TokenLimitSpec spec(Integer perMinute, Long quota) {
        return new TokenLimitSpec("api:chat:inbound:llm-token-limit[1]", "llm-token-limit", Value.of("k"),
                perMinute == null ? null : Value.of(perMinute), quota, quota == null ? null : TokenQuotaPeriod.DAILY,
                true, "Retry-After", null, null, null, null, "left", null, "used");
    }

    private static PolicyContext request(int promptChars) {
        return LlmTesting.context(new StubBackend(), LlmTesting.chat(promptChars, false), LlmTesting.answer(1, 1),
                "application/json");
    }

    private long count(CounterKey key) {
        return local.read(key).toCompletableFuture().join().count();
    }

    @Test
    void theStepIsPendingUntilTheStoreAnswersAndTheCorrectionIsNotWaitedFor() throws Exception {
        TokenLimit step = new TokenLimit(spec(50, null), counters, 1024);
        PolicyContext context = request(40); // 14 estimated tokens
        Outcome outcome = step.run(context);
        assertTrue(outcome.isPending(), "the store has not answered");
        CompletableFuture<Outcome> stage = outcome.stage().toCompletableFuture();
        assertFalse(stage.isDone());
        later.releaseOne();
        assertSame(Outcome.CONTINUE, stage.getNow(null));
        assertEquals(36, context.variables().get("left"));
        assertEquals(14, context.variables().get("used"));

        // the backend reports 30 tokens: the correction (+16) is sent, and the response goes on at once
        ResponseMessage response = ResponseMessage.fromBackend(200, null, new Headers().add("Content-Type", "application/json"));
        response.body().buffered(LlmTesting.answer(10, 20).getBytes(StandardCharsets.UTF_8));
        context.setResponse(response);
        BackendResponseHooksAccess.apply(context);
        assertEquals(30, context.variables().get("used"));
        assertEquals(20, context.variables().get("left"), "reckoned here while the store has not answered");
        assertEquals(1, later.waiting(), "the correction waits for the store, nobody waits for it");
        CounterKey minute = counters.minute("api:chat:inbound:llm-token-limit[1]", "k");
        assertEquals(14, count(minute));
        later.releaseOne();
        assertEquals(30, count(minute));
    }

    @Test
    void aRefusalByTheMinuteAnsweredLaterGivesBackWhatTheQuotaTook() throws Exception {
        TokenLimit step = new TokenLimit(spec(10, 1000L), counters, 1024);
        Outcome outcome = step.run(request(40)); // 14 estimated: more than the minute's 10
        later.releaseOne(); // the quota takes 14
        assertFalse(outcome.stage().toCompletableFuture().isDone(), "the minute is asked next");
        later.releaseOne(); // the minute refuses
        PolicyException error = StepFailures.failure(outcome);
        assertEquals("TokenLimitExceeded", error.error().reason());
        assertEquals(429, error.error().statusCode());
        assertEquals(1, later.waiting(), "the quota's 14 are being given back");
        CounterKey quota = counters.quota("api:chat:inbound:llm-token-limit[1]", TokenQuotaPeriod.DAILY, "k");
        assertEquals(14, count(quota));
        later.releaseOne();
        assertEquals(0, count(quota));
    }

    @Test
    void aFailingStoreIs500AndAFullOneRefusesAsOverTheLimit() throws Exception {
        CounterStore failing = new FailingStore(new IllegalStateException("connection refused"));
        PolicyException unavailable = failure(() -> new TokenLimit(spec(50, null), new TokenCounters(failing, clock),
                1024).run(request(40)));
        assertEquals("CounterStoreUnavailable", unavailable.error().reason());
        assertEquals(500, unavailable.error().statusCode());

        CounterStore full = new FailingStore(new CounterStoreFullException(1));
        PolicyException refused = failure(() -> new TokenLimit(spec(null, 1000L), new TokenCounters(full, clock),
                1024).run(request(40)));
        assertEquals("TokenQuotaExceeded", refused.error().reason());
        assertEquals(403, refused.error().statusCode());
    }

    /** A step's failure, thrown at once or through its pending stage. */
    private static PolicyException failure(ThrowingRun run) {
        try {
            return StepFailures.failure(run.run());
        } catch (PolicyException e) {
            return e;
        }
    }

    @FunctionalInterface
    private interface ThrowingRun {
        Outcome run() throws PolicyException;
    }

    /** A store whose every answer fails with one error, at once. */
    private record FailingStore(RuntimeException error) implements CounterStore {
        @Override
        public CompletionStage<CounterState> tryAdd(CounterKey key, long limit, long amount) {
            return CompletableFuture.failedFuture(error);
        }

        @Override
        public CompletionStage<CounterState> add(CounterKey key, long amount) {
            return CompletableFuture.failedFuture(error);
        }

        @Override
        public CompletionStage<CounterState> read(CounterKey key) {
            return CompletableFuture.failedFuture(error);
        }
    }
}
