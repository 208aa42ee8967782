package dev.breakwater.gateway.proxy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Copies end-to-end headers between the client's and the backend's messages, leaving out
 * the hop-by-hop headers (RFC 9110 7.6.1) and any header the Connection header names.
 */
final class HopByHop {

    private static final Set<String> HOP_HEADERS = Set.of("connection", "keep-alive", "proxy-authorization",
            "proxy-authenticate", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade");

    private HopByHop() {
    }

    /** The client's end-to-end request headers, without Host (the backend gets its own). */
    static HttpFields.Mutable requestHeaders(HttpServletRequest request) {
        HttpFields.Mutable headers = HttpFields.build();
        Set<String> listed = listedIn(request.getHeaders("Connection"));
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            if (HttpHeader.HOST.is(name) || isHopByHop(name, listed)) {
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
    static HttpFields.Mutable responseHeaders(Response response) {
        HttpFields.Mutable headers = HttpFields.build();
        HttpFields source = response.getHeaders();
        Set<String> listed = listedIn(source.getValues(HttpHeader.CONNECTION.asString()));
        for (HttpField field : source) {
            if (!isHopByHop(field.getName(), listed) && field.getHeader() != HttpHeader.DATE
                    && !RequestIds.HEADER.equalsIgnoreCase(field.getName())) {
                headers.add(field);
            }
        }
        return headers;
    }

    private static boolean isHopByHop(String name, Set<String> listed) {
        String lower = name.toLowerCase(Locale.ROOT);
        return HOP_HEADERS.contains(lower) || (listed != null && listed.contains(lower));
    }

    private static Set<String> listedIn(Enumeration<String> connectionValues) {
        Set<String> listed = null;
        while (connectionValues.hasMoreElements()) {
            for (String token : connectionValues.nextElement().split(",")) {
                if (listed == null) {
                    listed = new HashSet<>();
                }
                listed.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return listed;
    }
}
