package dev.breakwater.gateway.policy.liquid;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import liqp.TemplateContext;

/**
 * One render's state outside Liqp: what is left of its limits, and its clock for {@code "now"}.
 * Liqp's own time limit runs each render on a new thread and leaves it running after the timeout,
 * so time is checked here instead, cooperatively: as output is written, in every filter and while
 * a regular expression reads its input.
 */
final class RenderScope {

    /** Key in Liqp's per-render environment map; not a name a template can write as a variable. */
    static final String KEY = "\u0000breakwater.renderScope";

    private final LiquidLimits limits;
    private final Clock clock;
    private final long deadlineNanos;

    RenderScope(LiquidLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.deadlineNanos = System.nanoTime() + limits.maxRenderTime().toNanos();
    }

    /** The time {@code "now"} and {@code "today"} mean. */
    Instant now() {
        return clock.instant();
    }

    /** The scope of the render that {@code context} belongs to. */
    static RenderScope of(TemplateContext context) {
        Object scope = context.getEnvironmentMap().get(KEY);
        if (scope instanceof RenderScope renderScope) {
            return renderScope;
        }
        throw new IllegalStateException("Liquid render without its scope");
    }

    void install(Map<String, Object> environment) {
        environment.put(KEY, this);
    }

    void checkTime() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new LimitExceededException("Liquid template took longer than "
                    + limits.maxRenderTime().toMillis() + " ms to render");
        }
    }

    void checkLength(int length) {
        if (length > limits.maxOutputChars()) {
            throw new LimitExceededException("Liquid template output exceeds " + limits.maxOutputChars()
                    + " characters");
        }
    }

    LiquidLimits limits() {
        return limits;
    }

    /** Never shown: the scope is not a template value. */
    @Override
    public String toString() {
        return "";
    }

    /** Unwinds Liqp's render; {@link LiquidTemplate} turns it into a {@link LiquidException}. */
    static final class LimitExceededException extends RuntimeException {
        LimitExceededException(String message) {
            super(message, null, false, false);
        }
    }
}
