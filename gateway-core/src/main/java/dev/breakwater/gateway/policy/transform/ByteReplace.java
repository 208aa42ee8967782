package dev.breakwater.gateway.policy.transform;

import java.io.ByteArrayOutputStream;

/**
 * Replaces every occurrence of a byte sequence, left to right and without overlaps, as .NET's ordinal
 * {@code String.Replace} does on text. On UTF-8 this is the same as replacing text: a valid UTF-8
 * sequence only matches at character boundaries of valid UTF-8. Bytes that are not UTF-8 pass
 * through untouched. The search is Knuth-Morris-Pratt, so its work is linear in the body whatever
 * the pattern.
 */
public final class ByteReplace {

    private ByteReplace() {
    }

    /**
     * The content with each {@code from} replaced by {@code to}; the same array when nothing matched.
     *
     * @throws ConversionException when the result would exceed {@link OutputBudget#forInput}
     */
    public static byte[] replaceAll(byte[] content, byte[] from, byte[] to) throws ConversionException {
        if (from.length == 0 || content.length < from.length) {
            return content;
        }
        int[] fallback = fallback(from);
        int[] ends = new int[16];
        int count = 0;
        int matched = 0;
        for (int i = 0; i < content.length; i++) {
            while (matched > 0 && content[i] != from[matched]) {
                matched = fallback[matched - 1];
            }
            if (content[i] == from[matched]) {
                matched++;
            }
            if (matched == from.length) {
                if (count == ends.length) {
                    ends = java.util.Arrays.copyOf(ends, count * 2);
                }
                ends[count++] = i + 1;
                matched = 0; // no overlaps: the next match starts after this one
            }
        }
        if (count == 0) {
            return content;
        }
        long size = content.length + (long) count * (to.length - from.length);
        int budget = OutputBudget.forInput(content.length);
        if (size > budget) {
            throw new ConversionException(OutputBudget.exceeded(budget));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        int copied = 0;
        for (int m = 0; m < count; m++) {
            int start = ends[m] - from.length;
            out.write(content, copied, start - copied);
            out.write(to, 0, to.length);
            copied = ends[m];
        }
        out.write(content, copied, content.length - copied);
        return out.toByteArray();
    }

    /** KMP's table: for each prefix, the length of its longest proper prefix that is also its suffix. */
    private static int[] fallback(byte[] pattern) {
        int[] table = new int[pattern.length];
        int length = 0;
        for (int i = 1; i < pattern.length; i++) {
            while (length > 0 && pattern[i] != pattern[length]) {
                length = table[length - 1];
            }
            if (pattern[i] == pattern[length]) {
                length++;
            }
            table[i] = length;
        }
        return table;
    }
}
