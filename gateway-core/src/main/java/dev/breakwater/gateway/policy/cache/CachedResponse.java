package dev.breakwater.gateway.policy.cache;

import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;

/**
 * A response kept by the response cache (cache-store, served by cache-lookup): a snapshot of its
 * status, reason, headers and body, copied on the way in and out so that no request's policies edit
 * what another request is served.
 *
 * @param status  the status code
 * @param reason  the reason phrase a policy set, or {@code null}
 * @param headers the headers, a private copy
 * @param body    the body bytes, a private copy
 */
public record CachedResponse(int status, String reason, Headers headers, byte[] body) {

    /** A snapshot of what a response holds whole; its headers and body are copied. */
    public static CachedResponse of(int status, String reason, Headers headers, byte[] body) {
        return new CachedResponse(status, reason, headers.copy(), body.clone());
    }

    /** A response for the client made from the snapshot: a fresh copy, its body held (not streamed). */
    public ResponseMessage toResponse() {
        return ResponseMessage.received(status, reason, headers.copy(), body.clone());
    }

    /** The approximate bytes held, for the cache's weight limit: body, two per header character, overhead. */
    long weight(String key) {
        long own = body.length;
        for (int i = 0; i < headers.size(); i++) {
            own += 2L * (headers.name(i).length() + headers.value(i).length()) + 32;
        }
        return CachedValues.ENTRY_OVERHEAD + 2L * key.length() + own;
    }
}
