package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.policy.runtime.Preflights;
import dev.breakwater.gateway.routing.ApiRoute;
import dev.breakwater.gateway.routing.RouteMatch;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the API and operation of a request in one configuration snapshot, with the checks that
 * come before and after the API is known; or says which error the client gets instead.
 */
final class RequestRouting {

    /** Where the request goes ({@code match}), or why it goes nowhere ({@code refusal}). */
    record Routed(RouteMatch match, String path, String remainder, RequestChecks.Refusal refusal) {

        static Routed refused(int status, String message) {
            return new Routed(null, null, null, new RequestChecks.Refusal(status, message));
        }
    }

    private RequestRouting() {
    }

    static Routed route(HttpServletRequest request, ConfigSnapshot snapshot) {
        if (snapshot == null) {
            return Routed.refused(503, "The gateway has no configuration yet");
        }
        String path = pathWithinContext(request);
        RequestChecks.Refusal refusal = RequestChecks.beforeRouting(request, path);
        if (refusal != null) {
            return new Routed(null, path, null, refusal);
        }
        ApiRoute api = snapshot.routes().findApi(request.getServerName(), path);
        if (api == null) {
            return Routed.refused(404, "Resource not found");
        }
        refusal = RequestChecks.afterApiMatched(request, api);
        if (refusal != null) {
            return new Routed(null, path, null, refusal);
        }
        String remainder = path.substring(api.prefix().length());
        RouteMatch match = api.match(request.getMethod(), remainder);
        if (match == null && isPreflight(request)) {
            match = api.matchPreflight(request.getHeader(Preflights.REQUEST_METHOD).trim(), remainder);
        }
        if (match == null) {
            return Routed.refused(404, "Unable to match incoming request to an operation");
        }
        return new Routed(match, path, remainder, null);
    }

    static boolean isPreflight(HttpServletRequest request) {
        return Preflights.is(request.getMethod(), request.getHeader(Preflights.ORIGIN),
                request.getHeader(Preflights.REQUEST_METHOD));
    }

    private static String pathWithinContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }
}
