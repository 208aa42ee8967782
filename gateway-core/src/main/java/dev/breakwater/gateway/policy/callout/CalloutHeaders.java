package dev.breakwater.gateway.policy.callout;

import dev.breakwater.gateway.policy.runtime.Headers;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * Hop-by-hop headers (RFC 9110 7.6.1) stay on their hop: a call-out does not send them (a copy of
 * the client's request may hold some a policy added), and the response it stores does not keep
 * them (return-response would otherwise hand the client another connection's framing).
 */
final class CalloutHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authorization",
            "proxy-authenticate", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "expect");

    private CalloutHeaders() {
    }

    /** The request's end-to-end headers into Jetty's; Content-Length too is left to the client, from the body. */
    static void copyRequest(Headers from, HttpFields.Mutable to) {
        Set<String> listed = listed(from);
        for (int i = 0; i < from.size(); i++) {
            String name = from.name(i);
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !listed.contains(lower) && !lower.equals("content-length")) {
                to.add(name, from.value(i));
            }
        }
    }

    /** The response's end-to-end headers. */
    static Headers ofResponse(HttpFields from) {
        Headers all = new Headers(from.size());
        for (HttpField field : from) {
            all.add(field.getName(), field.getValue());
        }
        Set<String> listed = listed(all);
        Headers kept = new Headers(from.size());
        for (int i = 0; i < all.size(); i++) {
            String lower = all.name(i).toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !listed.contains(lower)) {
                kept.add(all.name(i), all.value(i));
            }
        }
        return kept;
    }

    /** The header names a Connection header lists (lower case), but for its options close and keep-alive. */
    private static Set<String> listed(Headers headers) {
        Set<String> listed = new HashSet<>();
        for (String value : headers.all("Connection")) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("close") && !name.equals("keep-alive")) {
                    listed.add(name);
                }
            }
        }
        return listed;
    }
}
