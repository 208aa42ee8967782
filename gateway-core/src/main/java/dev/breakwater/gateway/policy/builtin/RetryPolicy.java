package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Steps;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code <retry condition="@(...)" count="3" interval="1" [delta max-interval first-fast-retry]>}:
 * runs its policies, then runs them again while the condition holds and retries are left, waiting
 * between attempts without a thread. The waits follow APIM: {@code interval} alone is fixed,
 * with {@code delta} linear ({@code interval + n·delta}), with {@code delta} and
 * {@code max-interval} exponential ({@code interval + (2^n − 1)·delta·random(0.8..1.2)}, at most
 * max-interval), for the n-th retry counted from 0; {@code first-fast-retry} makes the first
 * retry immediate. A failure of the policies inside (a backend that cannot be reached) is retried
 * too when the condition, evaluated with {@code context.Response} null and {@code context.LastError}
 * set, holds; otherwise it goes on to on-error. A forward-request inside resends the request body,
 * which the gateway therefore buffers.
 */
public final class RetryPolicy implements Step {

    /** APIM's bounds: 1 to 50 retries; an interval of at most an hour here. */
    static final int MAX_COUNT = 50;
    static final int MAX_SECONDS = 3600;

    private final Value<Boolean> condition;
    private final Value<Integer> count;
    private final Value<Integer> interval;
    private final Value<Integer> delta;
    private final Value<Integer> maxInterval;
    private final Value<Boolean> firstFastRetry;
    private final Step[] policies;
    private final PolicyServices services;

    private RetryPolicy(Value<Boolean> condition, Value<Integer> count, Value<Integer> interval, Value<Integer> delta,
                        Value<Integer> maxInterval, Value<Boolean> firstFastRetry, Step[] policies,
                        PolicyServices services) {
        this.condition = condition;
        this.count = count;
        this.interval = interval;
        this.delta = delta;
        this.maxInterval = maxInterval;
        this.firstFastRetry = firstFastRetry;
        this.policies = policies;
        this.services = services;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        int retries = checked(count.get(context), 1, MAX_COUNT, "count");
        return attempt(context, 0, retries);
    }

    /** Runs the policies once; {@code done} retries were made before this attempt. */
    private Outcome attempt(PolicyContext context, int done, int retries) throws PolicyException {
        Outcome outcome;
        try {
            outcome = Steps.run(policies, context);
        } catch (PolicyException failure) {
            return afterFailure(context, done, retries, failure);
        }
        if (!outcome.isPending()) {
            return afterAttempt(context, done, retries, outcome);
        }
        return Outcome.pending(outcome.stage().handle((settled, thrown) -> {
            try {
                if (thrown == null) {
                    return Steps.settle(afterAttempt(context, done, retries, settled));
                }
                if (Steps.cause(thrown) instanceof PolicyException failure) {
                    return Steps.settle(afterFailure(context, done, retries, failure));
                }
                return CompletableFuture.<Outcome>failedFuture(thrown);
            } catch (PolicyException e) {
                return CompletableFuture.<Outcome>failedFuture(e);
            }
        }).thenCompose(next -> next));
    }

    private Outcome afterAttempt(PolicyContext context, int done, int retries, Outcome outcome)
            throws PolicyException {
        if (outcome == Outcome.RESPOND || done >= retries || !Boolean.TRUE.equals(condition.get(context))) {
            return outcome; // return-response inside ends the request; no retry after it
        }
        return retry(context, done, retries);
    }

    /** The attempt failed: retried when the condition holds with the failure in view, else the failure stands. */
    private Outcome afterFailure(PolicyContext context, int done, int retries, PolicyException failure)
            throws PolicyException {
        if (done >= retries || !conditionAfterFailure(context, failure)) {
            throw failure;
        }
        return retry(context, done, retries);
    }

    private boolean conditionAfterFailure(PolicyContext context, PolicyException failure) throws PolicyException {
        var lastError = context.lastError();
        var response = context.responseIfAny();
        context.setLastError(failure.error());
        context.setResponseAbsent(true); // as in APIM, an attempt that got no response leaves none
        try {
            return Boolean.TRUE.equals(condition.get(context));
        } finally {
            context.setResponseAbsent(false);
            context.setResponse(response);
            context.setLastError(lastError);
        }
    }

    private Outcome retry(PolicyContext context, int done, int retries) throws PolicyException {
        long millis = delayMillis(context, done);
        if (millis == 0) {
            return attempt(context, done + 1, retries);
        }
        CompletionStage<Outcome> next = services.after(millis).thenCompose(ignored -> {
            try {
                return Steps.settle(attempt(context, done + 1, retries));
            } catch (PolicyException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
        return Outcome.pending(next);
    }

    /** The wait before retry number {@code n} (from 0), its values evaluated for this request. */
    private long delayMillis(PolicyContext context, int n) throws PolicyException {
        boolean fast = Boolean.TRUE.equals(firstFastRetry.get(context));
        int base = checked(interval.get(context), 0, MAX_SECONDS, "interval");
        Integer step = delta == null ? null : checked(delta.get(context), 0, MAX_SECONDS, "delta");
        Integer max = maxInterval == null ? null : checked(maxInterval.get(context), 0, MAX_SECONDS, "max-interval");
        return waitMillis(n, base, step, max, fast, 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble());
    }

    /**
     * APIM's waits, in milliseconds: fixed, linear with a delta, exponential with a delta and a
     * maximum; {@code spread} is the random factor (0.8 to 1.2) of the exponential form.
     */
    static long waitMillis(int n, int interval, Integer delta, Integer maxInterval, boolean firstFastRetry,
                           double spread) {
        if (n == 0 && firstFastRetry) {
            return 0;
        }
        double wait = interval * 1000.0;
        if (delta != null && maxInterval != null) {
            wait += (Math.pow(2, Math.min(n, 30)) - 1) * delta * 1000.0 * spread;
        } else if (delta != null) {
            wait += (double) n * delta * 1000.0;
        }
        if (maxInterval != null) {
            wait = Math.min(wait, maxInterval * 1000.0);
        }
        return (long) Math.min(wait, MAX_SECONDS * 1000.0);
    }

    private static int checked(int value, int min, int max, String attribute) throws PolicyException {
        if (value < min || value > max) {
            throw new PolicyException("retry", "InvalidRetryValue", 500, attribute + " must be from " + min + " to "
                    + max + ", not " + value);
        }
        return value;
    }

    /** Registered for {@code <retry>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "retry";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("condition", "count", "interval", "delta", "max-interval", "first-fast-retry");
            element.forbidText();
            for (PolicyElement child : element.children()) {
                if (child.name().equals("wait")) {
                    throw new PolicyCompileException(child, "cannot stand inside <retry> (APIM does not allow it)");
                }
            }
            Value<Boolean> condition = context.values().condition(element, "condition");
            Value<Integer> count = required(element, context, "count", 1, MAX_COUNT);
            Value<Integer> interval = required(element, context, "interval", 0, MAX_SECONDS);
            Value<Integer> delta = element.attribute("delta") == null ? null
                    : context.values().integer(element, "delta", 0, 0, MAX_SECONDS);
            Value<Integer> maxInterval = element.attribute("max-interval") == null ? null
                    : context.values().integer(element, "max-interval", 0, 0, MAX_SECONDS);
            Value<Boolean> firstFast = context.values().bool(element, "first-fast-retry", false);
            Step[] policies = context.compileChildren("retry", element.children());
            if (context.childrenHave(Trait.FORWARDS)) {
                context.addTrait(Trait.READS_REQUEST_BODY); // each attempt resends the body: it is buffered once
            }
            context.addTrait(Trait.MAY_PAUSE);
            return new RetryPolicy(condition, count, interval, delta, maxInterval, firstFast, policies,
                    context.services());
        }

        private static Value<Integer> required(PolicyElement element, CompileContext context, String attribute,
                                               int min, int max) throws PolicyCompileException {
            if (element.attribute(attribute) == null) {
                throw new PolicyCompileException(element, "attribute '" + attribute + "' is required");
            }
            return context.values().integer(element, attribute, min, min, max);
        }
    }
}
