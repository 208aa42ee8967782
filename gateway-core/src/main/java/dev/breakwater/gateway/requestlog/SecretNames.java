package dev.breakwater.gateway.requestlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which query parameter names carry secrets, so that the request log hides their values. Names
 * are compared normalised (lower case, without '-', '_' and '.'), so {@code X-Amz-Signature},
 * {@code refresh_token} and {@code access-token} all match; a pattern's '*' matches any
 * characters. The built-in patterns cover the common spellings of tokens, keys, signatures,
 * credentials, passwords and codes; {@code log.requests.redact} adds more.
 */
public final class SecretNames {

    static final List<String> BUILT_IN = List.of("*token*", "*secret*", "*password*", "*passwd*", "pwd", "pass",
            "*signature*", "sig", "*sig", "*credential*", "*key", "*apikey*", "*keyid", "code", "*session*",
            "auth", "*authorization*", "jwt", "*assertion*", "*otp");

    private final List<Glob> patterns;

    private SecretNames(List<Glob> patterns) {
        this.patterns = patterns;
    }

    /** The built-in patterns plus a comma-separated list of more ({@code null}: none). */
    public static SecretNames withExtra(String extra) {
        List<String> all = new ArrayList<>(BUILT_IN);
        if (extra != null) {
            for (String pattern : extra.split(",")) {
                if (!pattern.isBlank()) {
                    all.add(pattern.trim());
                }
            }
        }
        return new SecretNames(all.stream().map(pattern -> new Glob(normalise(pattern))).toList());
    }

    /** Whether a (decoded) parameter name is a secret's. */
    public boolean isSecret(String name) {
        String normal = normalise(name);
        for (Glob pattern : patterns) {
            if (pattern.matches(normal)) {
                return true;
            }
        }
        return false;
    }

    /** A pattern whose '*' matches any characters, matched without regular expressions. */
    private record Glob(String[] literals) {

        Glob(String pattern) {
            this(pattern.split("\\*", -1));
        }

        boolean matches(String name) {
            int last = literals.length - 1;
            if (last == 0) {
                return name.equals(literals[0]);
            }
            if (!name.startsWith(literals[0]) || !name.endsWith(literals[last])
                    || name.length() < literals[0].length() + literals[last].length()) {
                return false;
            }
            int from = literals[0].length();
            int until = name.length() - literals[last].length();
            for (int i = 1; i < last; i++) {
                int at = name.indexOf(literals[i], from);
                if (at < 0 || at + literals[i].length() > until) {
                    return false;
                }
                from = at + literals[i].length();
            }
            return true;
        }
    }


    private static String normalise(String name) {
        StringBuilder normal = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_' && c != '.') {
                normal.append(c);
            }
        }
        return normal.toString().toLowerCase(Locale.ROOT);
    }
}
