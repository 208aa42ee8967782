package dev.breakwater.gateway.policy.transform;

/**
 * How large a transformation's result may grow: eight times its input plus 1 MiB. A transformation
 * may expand a body (XML repeats every name, indentation grows with depth, a replacement may be
 * longer than what it replaces), but a small body must not turn into gigabytes: the input is already
 * bounded by {@code policy.body.max.bytes}, and so, through this, is the output.
 */
public final class OutputBudget {

    private static final long FLOOR = 1024 * 1024;
    private static final long FACTOR = 8;
    /** Java arrays and strings stop here. */
    private static final long CEILING = Integer.MAX_VALUE - 16;

    private OutputBudget() {
    }

    /** The most characters (or bytes) a transformation of {@code inputLength} may produce. */
    public static int forInput(int inputLength) {
        return (int) Math.min(CEILING, FLOOR + FACTOR * Math.max(inputLength, 0));
    }

    /** The message of a result over the budget. */
    static String exceeded(int budget) {
        return "the result would be larger than " + budget + " characters (8 times the body plus 1 MiB)";
    }
}
