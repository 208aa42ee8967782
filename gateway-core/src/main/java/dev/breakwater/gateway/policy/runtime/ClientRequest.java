package dev.breakwater.gateway.policy.runtime;

import java.time.Instant;

/**
 * The request as the client sent it, fixed when it arrives ({@code context.Request.OriginalUrl},
 * {@code IpAddress}, {@code RequestId}, {@code Timestamp}).
 *
 * @param requestId   the request's id (also sent as X-Request-Id)
 * @param timestamp   when it arrived
 * @param startNanos  {@link System#nanoTime()} when it arrived, for {@code context.Elapsed}
 * @param method      the method as sent
 * @param scheme      {@code http} or {@code https}
 * @param host        the host the client addressed
 * @param port        the port the client addressed
 * @param rawPath     the path as sent (percent-encoded), below any servlet context path
 * @param rawQuery    the query as sent, or {@code null}
 * @param ipAddress   the client's address (behind trusted proxies, the one they name)
 * @param hasBody     whether the request carries a body
 */
public record ClientRequest(String requestId, Instant timestamp, long startNanos, String method, String scheme,
                            String host, int port, String rawPath, String rawQuery, String ipAddress, boolean hasBody) {
}
