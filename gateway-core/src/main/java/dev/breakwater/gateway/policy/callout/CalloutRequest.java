package dev.breakwater.gateway.policy.callout;

import dev.breakwater.gateway.policy.runtime.Headers;
import java.net.URI;

/**
 * What a call-out sends, as the policy built it for one request.
 *
 * @param method  the HTTP method, upper case
 * @param url     an absolute http or https URL
 * @param headers the headers; hop-by-hop ones and Content-Length are left out when it is sent
 * @param body    the body, empty for none
 */
public record CalloutRequest(String method, URI url, Headers headers, byte[] body) {

    /** {@code scheme://host:port}: where a call-out went, safe to log (no path or query, which may carry secrets). */
    public String origin() {
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getScheme() + "://" + url.getHost() + ":" + port;
    }
}
