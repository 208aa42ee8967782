package dev.breakwater.gateway.policy.xml;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds where a policy expression ({@code @(...)} or {@code @{...}}) really ends. It balances
 * brackets as C# does: brackets inside string, verbatim, interpolated and char literals and
 * inside comments do not count, and the holes of interpolated strings ({@code $"{x}"}) are code
 * again, nested to any depth. The state is an explicit stack, so deep nesting cannot overflow
 * the Java stack.
 *
 * <p>An expression that never closes, closes with the wrong bracket, or runs into an end tag
 * ({@code </}, which is no C# outside a literal) has no end: the caller leaves its text alone and
 * the XML parser reports whatever is wrong there, with its line.
 *
 * <p>One scanner serves one document, with a budget of steps for all its scans: scans that fail
 * may each run to the end of the document, and a document made of thousands of them must not
 * cost the square of its length. A well-formed document needs about one step per character.
 */
final class ExpressionScanner {

    /** What the characters at the top of the stack are. */
    private enum Kind { CODE, HOLE, FORMAT, INTERPOLATED, INTERPOLATED_VERBATIM }

    /** One level of nesting; {@code closer} is the bracket that ends a CODE or HOLE level. */
    private record Level(Kind kind, char closer) {
    }

    private static final int NO_END = -1;

    private final XmlChars text;
    private final Deque<Level> levels = new ArrayDeque<>();
    private long stepsLeft;

    /** A scanner for this document, with a budget of steps a few times its length. */
    ExpressionScanner(XmlChars text) {
        this.text = text;
        this.stepsLeft = 4L * text.length() + 65_536;
    }

    /**
     * The index just after the bracket that closes the expression whose {@code @} is at
     * {@code at} (followed by {@code (} or <code>{</code>), or -1 if it has no end or the
     * budget is spent.
     */
    int endOf(int at) {
        levels.clear();
        char open = text.raw(at + 1);
        levels.push(new Level(Kind.CODE, open == '(' ? ')' : '}'));
        int i = at + 2;
        while (more(i)) {
            Level level = levels.peek();
            i = switch (level.kind()) {
                case CODE, HOLE -> code(i, level);
                case FORMAT -> format(i);
                case INTERPOLATED, INTERPOLATED_VERBATIM -> interpolated(i, level.kind() == Kind.INTERPOLATED_VERBATIM);
            };
            if (i == NO_END || levels.isEmpty()) {
                return i;
            }
        }
        return NO_END;
    }

    /** One token of C# code: a bracket, a literal or comment skipped whole, or one character. */
    private int code(int i, Level level) {
        char c = text.at(i);
        int next = i + text.width(i);
        char following = text.after(i);
        switch (c) {
            case '(' -> levels.push(new Level(Kind.CODE, ')'));
            case '[' -> levels.push(new Level(Kind.CODE, ']'));
            case '{' -> levels.push(new Level(Kind.CODE, '}'));
            case ')', ']', '}' -> {
                if (c != level.closer()) {
                    return NO_END;
                }
                levels.pop();
            }
            case ':' -> {
                if (level.kind() == Kind.HOLE) {
                    // {value:format}: the format is text up to the closing brace.
                    levels.pop();
                    levels.push(new Level(Kind.FORMAT, '}'));
                }
            }
            case '"' -> {
                return quoted(next, '"');
            }
            case '\'' -> {
                return quoted(next, '\'');
            }
            case '@' -> {
                if (following == '"') {
                    return verbatim(next + text.width(next));
                }
                if (following == '$' && text.after(next) == '"') {
                    return startInterpolated(next, Kind.INTERPOLATED_VERBATIM);
                }
            }
            case '$' -> {
                if (following == '"') {
                    return startInterpolated(i, Kind.INTERPOLATED);
                }
                if (following == '@' && text.after(next) == '"') {
                    return startInterpolated(next, Kind.INTERPOLATED_VERBATIM);
                }
            }
            case '/' -> {
                if (following == '/') {
                    return lineComment(next);
                }
                if (following == '*') {
                    return blockComment(next + text.width(next));
                }
            }
            case '<' -> {
                if (text.raw(i) == '<' && following == '/') {
                    return NO_END; // an end tag, written raw: the expression ran out of its element
                }
            }
            default -> {
                // any other character is part of the expression and changes no state
            }
        }
        return next;
    }

    /** Enters an interpolated string whose opening quote follows the character at {@code i}. */
    private int startInterpolated(int i, Kind kind) {
        levels.push(new Level(kind, '"'));
        int quote = i + text.width(i);
        return quote + text.width(quote);
    }

    /** The literal text of an interpolated string: escapes, doubled braces, holes, its end. */
    private int interpolated(int i, boolean verbatim) {
        char c = text.at(i);
        int next = i + text.width(i);
        char following = text.after(i);
        if (c == '\\' && !verbatim) {
            return next < text.length() ? next + text.width(next) : NO_END;
        }
        if (((c == '{' || c == '}') && following == c) || (c == '"' && verbatim && following == '"')) {
            return next + text.width(next);
        }
        if (c == '{') {
            levels.push(new Level(Kind.HOLE, '}'));
        } else if (c == '"') {
            levels.pop();
        } else if (c == '\n' && !verbatim) {
            return NO_END;
        }
        return next;
    }

    private int format(int i) {
        if (text.at(i) == '}') {
            levels.pop();
        }
        return i + text.width(i);
    }

    /** Skips a string or char literal with backslash escapes; it may not span lines. */
    private int quoted(int i, char quote) {
        while (more(i)) {
            char c = text.at(i);
            int next = i + text.width(i);
            if (c == quote) {
                return next;
            }
            if (c == '\n') {
                return NO_END;
            }
            i = c == '\\' && next < text.length() ? next + text.width(next) : next;
        }
        return NO_END;
    }

    /** Skips a verbatim string ({@code @"..."}), where {@code ""} stands for one quote. */
    private int verbatim(int i) {
        while (more(i)) {
            int next = i + text.width(i);
            if (text.at(i) == '"') {
                if (text.after(i) != '"') {
                    return next;
                }
                next += text.width(next);
            }
            i = next;
        }
        return NO_END;
    }

    private int lineComment(int i) {
        while (more(i) && text.at(i) != '\n') {
            i += text.width(i);
        }
        return i;
    }

    private int blockComment(int i) {
        while (more(i)) {
            int next = i + text.width(i);
            if (text.at(i) == '*' && text.after(i) == '/') {
                return next + text.width(next);
            }
            i = next;
        }
        return NO_END;
    }

    /** Whether scanning may go on at {@code i}: not at the end, and the budget not spent. */
    private boolean more(int i) {
        return i < text.length() && stepsLeft-- > 0;
    }
}
