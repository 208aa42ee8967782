package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.concurrency.ConcurrencySlot;
import dev.breakwater.gateway.policy.concurrency.ConcurrencyStore;
import dev.breakwater.gateway.policy.limits.CounterStoreUnavailableException;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Steps;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <limit-concurrency key="@(...)" max-count="3">policies</limit-concurrency>}: at most
 * {@code max-count} requests run the enclosed policies at once per key; one more fails at once with
 * 429 (APIM: "new requests will fail immediately"), as an error that runs on-error, like rate-limit's.
 * The slot is held until the enclosed policies are done, a forward-request inside included (until the
 * backend's response head is back), and released exactly once whatever ends them: success, an error,
 * a return-response. With {@code counters.store=redis} the slots are shared by the gateway's replicas
 * ({@link ConcurrencyStore}): the step waits for Redis's answer without holding a thread.
 */
public final class LimitConcurrencyPolicy implements Step {

    static final String REASON = "ConcurrencyLimitExceeded";
    private static final String SOURCE = "limit-concurrency";
    private static final Logger LOG = LoggerFactory.getLogger(LimitConcurrencyPolicy.class);

    private final Value<String> key;
    private final int maxCount;
    private final Step[] children;
    private final ConcurrencyStore store;

    private LimitConcurrencyPolicy(Value<String> key, int maxCount, Step[] children, ConcurrencyStore store) {
        this.key = key;
        this.maxCount = maxCount;
        this.children = children;
        this.store = store;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        String name = key.get(context);
        CompletableFuture<ConcurrencySlot> acquiring = store.acquire(name == null ? "" : name, maxCount)
                .toCompletableFuture();
        if (acquiring.isDone()) {
            // the local store's answer, always: read at once, no pending outcome
            ConcurrencySlot slot = null;
            Throwable failure = null;
            try {
                slot = acquiring.join();
            } catch (CompletionException | CancellationException e) {
                failure = e;
            }
            return inside(context, granted(slot, failure));
        }
        // the enclosed policies start on the thread that completes the acquisition (the store's executor,
        // never Lettuce's); nothing cancels this stage, so a slot that is granted is always held by them and
        // released once they end
        return Outcome.pending(acquiring.handle((slot, failure) -> {
            try {
                return Steps.settle(inside(context, granted(slot, failure)));
            } catch (PolicyException e) {
                return CompletableFuture.<Outcome>failedFuture(e);
            }
        }).thenCompose(next -> next));
    }

    /** The slot, or the error of a full key (429) or of shared slots that cannot be reached (503). */
    private static ConcurrencySlot granted(ConcurrencySlot slot, Throwable failure) throws PolicyException {
        if (failure != null) {
            Throwable cause = Steps.cause(failure);
            if (cause instanceof CounterStoreUnavailableException) {
                // counters.redis.unavailable=refuse: the outage is logged once by the store
                throw new PolicyException(SOURCE, "CounterStoreUnavailable", 503,
                        "The counters of " + SOURCE + " cannot be reached; try again later");
            }
            LOG.warn("{}: the concurrency store failed: {}", SOURCE, cause.toString());
            throw new PolicyException(SOURCE, "CounterStoreUnavailable", 500, "The counters of " + SOURCE
                    + " cannot be reached");
        }
        if (slot == null) {
            throw new PolicyException(SOURCE, REASON, 429, "Concurrency limit is exceeded");
        }
        return slot;
    }

    /** Runs the enclosed policies holding {@code slot}, and releases it once whatever ends them. */
    private Outcome inside(PolicyContext context, ConcurrencySlot slot) throws PolicyException {
        boolean handedOver = false;
        try {
            Outcome outcome = Steps.run(children, context);
            if (!outcome.isPending()) {
                return outcome;
            }
            // the stage that goes on completes only after the release: what follows the policy never sees
            // the slot still taken
            Outcome waiting = Outcome.pending(outcome.stage().whenComplete((settled, failure) -> slot.release()));
            handedOver = true;
            return waiting;
        } finally {
            if (!handedOver) {
                slot.release();
            }
        }
    }

    /** Registered for {@code <limit-concurrency>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "limit-concurrency";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            for (String queueing : new String[] {"timeout", "max-queue-length"}) {
                if (element.attribute(queueing) != null) {
                    throw new PolicyCompileException(element, "attribute '" + queueing + "' is not supported yet "
                            + "(requests over max-count get 429 at once, as APIM documents)");
                }
            }
            element.allowAttributes("key", "max-count");
            element.forbidText();
            Value<String> key = context.values().requiredString(element, "key");
            int maxCount = QuotaAttributes.whole(element, context.values().requiredLiteral(element, "max-count"),
                    "max-count", 1);
            Step[] children = context.compileChildren(element.children());
            return new LimitConcurrencyPolicy(key, maxCount, children, context.services().concurrencyStore());
        }
    }
}
