package dev.breakwater.gateway.policy.expression;

/**
 * What one evaluation of an expression may spend. A step is a loop iteration, a lambda or method call,
 * or an element a library method walks through.
 *
 * @param maxSteps          steps per evaluation
 * @param maxStringLength   characters of any string built (concatenation, StringBuilder, Join, Replace…)
 * @param maxCollectionSize elements of any collection built (arrays, lists, dictionaries, JSON arrays)
 * @param maxCallDepth      nesting of local function calls
 */
public record ExpressionLimits(int maxSteps, int maxStringLength, int maxCollectionSize, int maxCallDepth) {

    /** 100,000 steps, 8 Mi characters, 100,000 elements, 64 nested calls. */
    public static final ExpressionLimits DEFAULT = new ExpressionLimits(100_000, 8 * 1024 * 1024, 100_000, 64);

    public ExpressionLimits {
        if (maxSteps < 1 || maxStringLength < 1 || maxCollectionSize < 1 || maxCallDepth < 1) {
            throw new IllegalArgumentException("expression limits must be positive");
        }
    }
}
