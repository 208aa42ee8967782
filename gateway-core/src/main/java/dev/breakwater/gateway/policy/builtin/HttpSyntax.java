package dev.breakwater.gateway.policy.builtin;

import java.util.Locale;
import java.util.Set;

/**
 * Checks of header names and values, so that a policy (or a backend's credentials) cannot break
 * HTTP framing.
 */
public final class HttpSyntax {

    /** Headers the gateway manages itself; setting them by policy would corrupt the message. */
    private static final Set<String> MANAGED_HEADERS = Set.of("content-length", "transfer-encoding",
            "connection", "keep-alive", "te", "trailer", "upgrade", "proxy-connection");

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private HttpSyntax() {
    }

    /** What is wrong with a header name, or {@code null}. */
    public static String headerNameProblem(String name) {
        if (name.isEmpty() || !name.chars().allMatch(HttpSyntax::isTokenChar)) {
            return "'" + name + "' is not a valid header name";
        }
        if (MANAGED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return "header '" + name + "' is managed by the gateway and cannot be set by a policy";
        }
        return null;
    }

    /** What is wrong with a header value, or {@code null}: no line breaks or NUL (header injection). */
    public static String headerValueProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return "a header value must not contain line breaks or NUL";
            }
        }
        return null;
    }

    /** What is wrong with a method name, or {@code null}. */
    public static String methodProblem(String method) {
        if (method.isEmpty() || method.length() > 32 || !method.chars().allMatch(HttpSyntax::isTokenChar)) {
            return "'" + method + "' is not an HTTP method";
        }
        return null;
    }

    /** Whether the text is an HTTP token (a header name, a method, an authorization scheme). */
    public static boolean isToken(String text) {
        return !text.isEmpty() && text.chars().allMatch(HttpSyntax::isTokenChar);
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }
}
