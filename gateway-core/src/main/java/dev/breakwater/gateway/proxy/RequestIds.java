package dev.breakwater.gateway.proxy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The id of each request, sent to the backend and back to the client in {@code X-Request-Id}.
 * A well-formed id from the client (or a gateway in front) is kept, so a request can be
 * traced across hops; anything else is replaced, so ids are safe to log.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final int MAX_LENGTH = 128;

    private RequestIds() {
    }

    public static String forRequest(HttpServletRequest request) {
        String incoming = request.getHeader(HEADER);
        return incoming != null && isSafe(incoming) ? incoming : newId();
    }

    /** A random (version 4) UUID; ThreadLocalRandom, as ids need to be unique, not secret. */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    static boolean isSafe(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
