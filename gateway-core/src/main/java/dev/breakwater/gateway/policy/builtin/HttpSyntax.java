package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.PolicyCompileException;
import dev.breakwater.gateway.policy.PolicyElement;
import java.util.Locale;
import java.util.Set;

/** Compile-time checks of header names and values, so that a policy cannot break HTTP framing. */
final class HttpSyntax {

    /** Headers the gateway manages itself; setting them by policy would corrupt the message. */
    private static final Set<String> MANAGED_HEADERS = Set.of("content-length", "transfer-encoding",
            "connection", "keep-alive", "te", "trailer", "upgrade", "proxy-connection");

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private HttpSyntax() {
    }

    static String headerName(PolicyElement element, String name) throws PolicyCompileException {
        if (name.isEmpty() || !name.chars().allMatch(HttpSyntax::isTokenChar)) {
            throw new PolicyCompileException(element, "'" + name + "' is not a valid header name");
        }
        if (MANAGED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new PolicyCompileException(element, "header '" + name + "' is managed by the gateway and cannot be set by a policy");
        }
        return name;
    }

    static String headerValue(PolicyElement element, String value) throws PolicyCompileException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new PolicyCompileException(element, "a header value must not contain line breaks or NUL");
            }
        }
        return value;
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }
}
