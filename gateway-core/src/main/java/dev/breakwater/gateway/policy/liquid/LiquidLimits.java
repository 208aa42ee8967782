package dev.breakwater.gateway.policy.liquid;

import java.time.Duration;

/**
 * What one render may use, so that a template cannot hang or flood the gateway.
 *
 * @param maxRenderTime  wall-clock time of one render, checked as output is written, at each loop
 *                       iteration and while a filter (also a regular expression) runs
 * @param maxIterations  loop iterations of one render, all loops together
 * @param maxOutputChars characters of the rendered body, and of any string a filter or capture builds
 */
public record LiquidLimits(Duration maxRenderTime, int maxIterations, int maxOutputChars) {

    /** One second, a million iterations, 4 MiB of characters. */
    public static final LiquidLimits DEFAULT = new LiquidLimits(Duration.ofSeconds(1), 1_000_000, 4 * 1024 * 1024);

    public LiquidLimits {
        if (maxRenderTime.isNegative() || maxRenderTime.isZero() || maxIterations < 1 || maxOutputChars < 1) {
            throw new IllegalArgumentException("Liquid limits must be positive");
        }
    }
}
