package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.net.AddressRange;
import dev.breakwater.gateway.net.IpAddressText;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import dev.breakwater.gateway.policy.runtime.Headers;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The forwarding headers a backend gets, and who the client is. A client's own
 * {@code X-Forwarded-For} and {@code Forwarded} lists are kept and the gateway appends its
 * peer, as proxies do; single-valued claims ({@code X-Forwarded-Proto}, {@code X-Forwarded-Host},
 * {@code X-Forwarded-Port}, {@code X-Real-IP}) are replaced with what the gateway saw, unless the
 * peer is a trusted proxy ({@code server.forwarded.trusted}), whose claims are believed. Behind
 * trusted proxies the client is the right-most {@code X-Forwarded-For} entry that is not one of them.
 */
public final class ForwardedHeaders {

    static final String X_REAL_IP = "X-Real-IP";
    private static final String X_FORWARDED_PORT = "X-Forwarded-Port";

    private final List<AddressRange> trusted;

    public ForwardedHeaders(List<AddressRange> trusted) {
        this.trusted = trusted;
    }

    /** Trusts no proxy: every client claim about forwarding is replaced. */
    public static ForwardedHeaders trustingNone() {
        return new ForwardedHeaders(List.of());
    }

    /**
     * The client's address as far as the gateway can tell, spelt as APIM's
     * {@code context.Request.IpAddress} is ({@link IpAddressText}): Jetty gives an IPv6 peer as
     * {@code [0:0:0:0:0:0:0:1]}, which no policy or log reader expects.
     */
    public String clientAddress(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return IpAddressText.canonical(peer);
        }
        String[] hops = String.join(",", Collections.list(request.getHeaders(HttpHeader.X_FORWARDED_FOR.asString())))
                .split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return IpAddressText.canonical(hop);
            }
        }
        return IpAddressText.canonical(peer);
    }

    /** Sets the forwarding headers on the backend request's headers (a copy of the client's). */
    void apply(HttpServletRequest request, String clientAddress, Headers headers) {
        String peer = request.getRemoteAddr();
        boolean believed = isTrusted(peer);
        String host = request.getHeader(HttpHeader.HOST.asString());
        String scheme = request.getScheme();
        append(headers, HttpHeader.X_FORWARDED_FOR.asString(), peer);
        append(headers, HttpHeader.FORWARDED.asString(), forwardedElement(peer, scheme, host));
        if (!believed) {
            headers.set(HttpHeader.X_FORWARDED_PROTO.asString(), scheme);
            headers.remove(X_FORWARDED_PORT);
            if (host == null) {
                headers.remove(HttpHeader.X_FORWARDED_HOST.asString());
            } else {
                headers.set(HttpHeader.X_FORWARDED_HOST.asString(), host);
            }
            headers.set(X_REAL_IP, clientAddress);
        } else {
            putIfAbsent(headers, HttpHeader.X_FORWARDED_PROTO.asString(), scheme);
            if (host != null) {
                putIfAbsent(headers, HttpHeader.X_FORWARDED_HOST.asString(), host);
            }
            putIfAbsent(headers, X_REAL_IP, clientAddress);
        }
    }

    private boolean isTrusted(String address) {
        if (trusted.isEmpty()) {
            return false;
        }
        for (AddressRange range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** One RFC 7239 element: {@code for="[2001:db8::1]";proto=https;host="example.com:8443"}. */
    private static String forwardedElement(String peer, String scheme, String host) {
        String node = peer.indexOf(':') >= 0 ? "\"[" + peer + "]\"" : peer;
        StringBuilder element = new StringBuilder("for=").append(node).append(";proto=").append(scheme);
        if (host != null && !host.isEmpty() && isQuotable(host)) {
            element.append(";host=\"").append(host).append('"');
        }
        return element.toString();
    }

    /** Whether the text can stand in a quoted string as it is (no quote, backslash or control character). */
    private static boolean isQuotable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                return false;
            }
        }
        return true;
    }

    private static void append(Headers headers, String name, String value) {
        List<String> earlier = headers.all(name);
        headers.set(name, earlier.isEmpty() ? value : String.join(", ", earlier) + ", " + value);
    }

    private static void putIfAbsent(Headers headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
