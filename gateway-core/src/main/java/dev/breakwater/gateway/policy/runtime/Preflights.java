package dev.breakwater.gateway.policy.runtime;

/**
 * What makes a request a CORS preflight: an {@code OPTIONS} with an {@code Origin} and an
 * {@code Access-Control-Request-Method}. Routing and the cors policy must agree on it, so it is here once.
 */
public final class Preflights {

    public static final String ORIGIN = "Origin";
    public static final String REQUEST_METHOD = "Access-Control-Request-Method";
    public static final String REQUEST_HEADERS = "Access-Control-Request-Headers";

    private Preflights() {
    }

    public static boolean is(String method, String origin, String requestedMethod) {
        return "OPTIONS".equals(method) && origin != null && requestedMethod != null && !requestedMethod.isBlank();
    }
}
