package dev.breakwater.gateway.proxy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.client.Response;
import dev.breakwater.gateway.policy.runtime.Headers;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Copies end-to-end headers between the client's and the backend's messages, leaving out
 * the hop-by-hop headers (RFC 9110 7.6.1) and any header the Connection header names.
 */
final class HopByHop {

    private HopByHop() {
    }

    /** The client's end-to-end request headers, without Host (the backend gets its own). */
    static Headers requestHeaders(HttpServletRequest request) {
        Headers headers = new Headers(16);
        Set<String> listed = listedIn(request.getHeaders(HttpHeader.CONNECTION.asString()));
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            HttpHeader known = HttpHeader.CACHE.get(name);
            if (known == HttpHeader.HOST || isHopByHop(known, name, listed)) {
                continue;
            }
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                headers.add(name, values.nextElement());
            }
        }
        return headers;
    }

    /**
     * The backend's end-to-end response headers, without those the gateway sets itself:
     * the request id, and Date (the container adds the date the response really leaves).
     */
    static Headers responseHeaders(Response response) {
        HttpFields source = response.getHeaders();
        Headers headers = new Headers(source.size());
        Set<String> listed = listedIn(source.getValues(HttpHeader.CONNECTION.asString()));
        for (HttpField field : source) {
            HttpHeader known = field.getHeader();
            if (known != HttpHeader.DATE && !isHopByHop(known, field.getName(), listed)
                    && !RequestIds.HEADER.equalsIgnoreCase(field.getName())) {
                headers.add(field.getName(), field.getValue());
            }
        }
        return headers;
    }

    /** Copies the gateway's headers into Jetty's, for the backend request. */
    static void copy(Headers from, HttpFields.Mutable to) {
        for (int i = 0; i < from.size(); i++) {
            to.add(from.name(i), from.value(i));
        }
    }

    /** Every hop-by-hop header has a constant in {@link HttpHeader}, so most checks are a switch. */
    private static boolean isHopByHop(HttpHeader known, String name, Set<String> listed) {
        if (known != null) {
            switch (known) {
                // Expect is answered by the gateway itself (100 Continue as it starts reading): forwarded,
                // a backend that never sends 100 would hold the upload until the timeout
                case CONNECTION, KEEP_ALIVE, PROXY_AUTHORIZATION, PROXY_AUTHENTICATE, PROXY_CONNECTION,
                     TRANSFER_ENCODING, TE, TRAILER, UPGRADE, EXPECT -> {
                    return true;
                }
                default -> {
                    // an end-to-end header, unless the Connection header names it
                }
            }
        }
        return listed != null && listed.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The header names the Connection header lists, lower case, or {@code null} for none. */
    private static Set<String> listedIn(Enumeration<String> connectionValues) {
        Set<String> listed = null;
        while (connectionValues.hasMoreElements()) {
            for (String token : connectionValues.nextElement().split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                // "close" and "keep-alive" are connection options, not header names
                if (!name.isEmpty() && !name.equals("close") && !name.equals("keep-alive")) {
                    if (listed == null) {
                        listed = new HashSet<>();
                    }
                    listed.add(name);
                }
            }
        }
        return listed;
    }
}
