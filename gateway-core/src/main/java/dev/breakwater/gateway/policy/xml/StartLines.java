package dev.breakwater.gateway.policy.xml;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the line a start tag begins on. SAX reports where a start tag ends, which for a tag
 * with its attributes spread over several lines is not the line a user looks for.
 */
final class StartLines {

    private final String text;
    private final List<Integer> lineStarts = new ArrayList<>();

    StartLines(String text) {
        this.text = text;
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    /** The 1-based line of the {@code <name} that opens the tag SAX reported as ending at line:column. */
    int lineOfTagEndingAt(String name, int line, int column) {
        if (line < 1 || line > lineStarts.size()) {
            return Math.max(line, 0);
        }
        int end = Math.min(text.length(), lineStarts.get(line - 1) + Math.max(column - 1, 0));
        int at = text.lastIndexOf("<" + name, Math.max(end - 1, 0));
        while (at >= 0 && !endsName(at + 1 + name.length())) {
            at = text.lastIndexOf("<" + name, at - 1);
        }
        return at < 0 ? line : lineOf(at);
    }

    private boolean endsName(int index) {
        if (index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isWhitespace(c) || c == '/' || c == '>';
    }

    private int lineOf(int offset) {
        int low = 0;
        int high = lineStarts.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (lineStarts.get(middle) <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low + 1;
    }
}
