package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;

/** {@code string.Format}: {@code {0}}, {@code {1,-8}}, {@code {2:D4}}, with {@code {{ }}} escapes. */
public final class CompositeFormat {

    private CompositeFormat() {
    }

    public static String format(String format, Object[] args) {
        if (format == null) {
            throw DotNetException.argumentNull("format");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c == '{') {
                if (i + 1 < n && format.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                int close = format.indexOf('}', i);
                if (close < 0) {
                    throw DotNetException.inputFormat();
                }
                String item = format.substring(i + 1, close);
                out.append(item(item, args));
                i = close + 1;
            } else if (c == '}') {
                if (i + 1 < n && format.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw DotNetException.inputFormat();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String item(String item, Object[] args) {
        String spec = null;
        int colon = item.indexOf(':');
        if (colon >= 0) {
            spec = item.substring(colon + 1);
            item = item.substring(0, colon);
        }
        int alignment = 0;
        int comma = item.indexOf(',');
        try {
            if (comma >= 0) {
                alignment = Integer.parseInt(item.substring(comma + 1).trim());
                item = item.substring(0, comma);
            }
            int index = Integer.parseInt(item.trim());
            if (index < 0 || index >= args.length) {
                throw DotNetException.format("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
            }
            Object value = args[index];
            String text = spec == null ? ValueFormatter.toString(value) : ValueFormatter.format(value, spec);
            int width = Math.abs(alignment);
            if (width >= 1_000_000) {
                throw DotNetException.inputFormat();
            }
            if (text.length() < width) {
                String pad = " ".repeat(width - text.length());
                text = alignment > 0 ? pad + text : text + pad;
            }
            return text;
        } catch (NumberFormatException e) {
            throw DotNetException.inputFormat();
        }
    }
}
