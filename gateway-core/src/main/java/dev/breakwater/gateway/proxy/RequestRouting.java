package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.policy.runtime.Preflights;
import dev.breakwater.gateway.policy.runtime.QueryParameters;
import dev.breakwater.gateway.routing.ApiAccess;
import dev.breakwater.gateway.routing.ApiRoute;
import dev.breakwater.gateway.routing.RouteMatch;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import dev.breakwater.gateway.subscription.Caller;
import dev.breakwater.gateway.subscription.SubscriptionCheck;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;

/**
 * Finds the API and operation of a request in one configuration snapshot, with the checks that
 * come before and after the API is known; or says which error the client gets instead.
 */
final class RequestRouting {

    /**
     * Where the request goes ({@code match}) and who it came as ({@code caller}), or why it goes nowhere
     * ({@code refusal}); a refusal of the subscription check keeps its {@code match}, so that metrics and the
     * request log count it against its API (and redact that API's key parameter).
     */
    record Routed(RouteMatch match, String path, String remainder, Caller caller, RequestChecks.Refusal refusal) {

        static Routed refused(int status, String message) {
            return new Routed(null, null, null, null, new RequestChecks.Refusal(status, message));
        }
    }

    private RequestRouting() {
    }

    static Routed route(HttpServletRequest request, ConfigSnapshot snapshot, Instant now) {
        if (snapshot == null) {
            return Routed.refused(503, "The gateway has no configuration yet");
        }
        String path = pathWithinContext(request);
        RequestChecks.Refusal refusal = RequestChecks.beforeRouting(request, path);
        if (refusal != null) {
            return new Routed(null, path, null, null, refusal);
        }
        ApiRoute api = snapshot.routes().findApi(request.getServerName(), path);
        if (api == null) {
            return Routed.refused(404, "Resource not found");
        }
        refusal = RequestChecks.afterApiMatched(request, api);
        if (refusal != null) {
            return new Routed(null, path, null, null, refusal);
        }
        String remainder = path.substring(api.prefix().length());
        RouteMatch match = api.match(request.getMethod(), remainder);
        if (match == null && isPreflight(request)) {
            match = api.matchPreflight(request.getHeader(Preflights.REQUEST_METHOD).trim(), remainder);
        }
        if (match == null) {
            return Routed.refused(404, "Unable to match incoming request to an operation");
        }
        if (isPreflight(request) && match.pipeline().answersPreflights()) {
            // a browser sends no key with a preflight: the cors policies of the global and API scopes answer it
            return new Routed(match, path, remainder, Caller.NONE, null);
        }
        ApiAccess access = api.access();
        SubscriptionCheck.Decision decision = SubscriptionCheck.check(api.id(), access, presentedKey(request, access),
                snapshot.subscriptionKeys(), now);
        if (decision.refusal() != null) {
            return new Routed(match, path, remainder, null, new RequestChecks.Refusal(401, decision.refusal()));
        }
        return new Routed(match, path, remainder, decision.caller(), null);
    }

    /** The key in the API's header, else in its query parameter; {@code null} when neither holds one. */
    private static String presentedKey(HttpServletRequest request, ApiAccess access) {
        if (access.keyHeader() == null) {
            return null;
        }
        String key = request.getHeader(access.keyHeader());
        if (key != null && !key.isEmpty()) {
            return key;
        }
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        List<String> values = QueryParameters.parse(query).values(access.keyQuery());
        return values.isEmpty() ? null : values.get(0);
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
