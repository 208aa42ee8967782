package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.backend.Backend;
import dev.breakwater.gateway.backend.CircuitBreaker;
import dev.breakwater.gateway.backend.PoolBackend;
import dev.breakwater.gateway.backend.SingleBackend;
import dev.breakwater.gateway.policy.runtime.ContextKey;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.RequestMessage;
import dev.breakwater.gateway.tls.CertificateChecks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * What forward-request does for a request sent to a backend entity: picks the service (a pool's
 * member, skipping those whose breaker is open), refuses with 503 when none can take it, adds the
 * service's credentials and certificate checks to this call, and tells the service's breaker how the call went. Each
 * attempt picks again, so a retry around forward-request fails over within a pool.
 */
final class BackendTargets {

    /** The service whose credentials the request carries now (an earlier attempt's). */
    private static final ContextKey<SingleBackend> CREDENTIALS_OF = new ContextKey<>("backend-credentials",
            SingleBackend.class);

    private BackendTargets() {
    }

    /** The service this attempt goes to, its credentials applied; {@code null} for a plain URL. */
    static SingleBackend choose(PolicyContext context) throws PolicyException {
        RequestMessage request = context.request();
        Backend backend = request.backend();
        if (context.get(CertificateChecks.KEY) != null) {
            context.put(CertificateChecks.KEY, null); // a plain URL, or this attempt's service, decides anew
        }
        if (backend == null) {
            return null;
        }
        SingleBackend service = backend.select();
        if (service == null) {
            throw new PolicyException("forward-request", "BackendUnavailable", 503, backend instanceof PoolBackend
                    ? "No backend of pool '" + backend.id() + "' is available: their circuit breakers are open"
                    : "The backend '" + backend.id() + "' is unavailable: its circuit breaker is open");
        }
        request.useService(service.url());
        if (!service.tls().all()) {
            context.put(CertificateChecks.KEY, service.tls()); // only the calls to this service check less
        }
        SingleBackend previous = context.get(CREDENTIALS_OF);
        if (previous != null && previous != service) {
            removeCredentials(previous, request); // a pool's other member must not get this one's
        }
        context.put(CREDENTIALS_OF, service);
        for (Map.Entry<String, List<String>> header : service.headers().entrySet()) {
            request.headers().remove(header.getKey());
            header.getValue().forEach(value -> request.headers().add(header.getKey(), value));
        }
        if (service.authorization() != null) {
            request.headers().set("Authorization", service.authorization());
        }
        if (!service.query().isEmpty()) {
            for (Map.Entry<String, List<String>> parameter : service.query().entrySet()) {
                request.query().remove(parameter.getKey()); // set, not added again by a retry
                parameter.getValue().forEach(value -> request.query().add(parameter.getKey(), value));
            }
        }
        return service;
    }

    private static void removeCredentials(SingleBackend service, RequestMessage request) {
        service.headers().keySet().forEach(request.headers()::remove);
        if (service.authorization() != null) {
            request.headers().remove("Authorization");
        }
        service.query().keySet().forEach(request.query()::remove);
    }

    /** Tells the service's breaker, if it has one, how the call the stage stands for went. */
    static CompletionStage<Outcome> observed(SingleBackend service, PolicyContext context,
                                             CompletionStage<Outcome> call) {
        CircuitBreaker breaker = service == null ? null : service.breaker();
        if (breaker == null) {
            return call;
        }
        return call.whenComplete((outcome, failure) -> {
            if (failure == null) {
                breaker.answered(context.response().status(), context.response().headers().first("Retry-After"));
            } else if (unwrap(failure) instanceof PolicyException error) {
                breaker.failedWith(error.error().reason());
            }
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
