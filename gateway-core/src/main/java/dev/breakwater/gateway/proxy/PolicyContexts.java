package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.certificate.PresentedChain;
import dev.breakwater.gateway.policy.runtime.Body;
import dev.breakwater.gateway.policy.runtime.ClientRequest;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.RequestMessage;
import dev.breakwater.gateway.routing.RouteMatch;
import jakarta.servlet.http.HttpServletRequest;

/** The policy context of a routed request: what the client sent, and the backend request it starts as. */
final class PolicyContexts {

    private PolicyContexts() {
    }

    static PolicyContext forRequest(Exchange exchange, RouteMatch match, String path, String remainder,
                                    boolean hasBody, ProxyOptions options) {
        HttpServletRequest request = exchange.request;
        ClientRequest client = new ClientRequest(exchange.requestId, exchange.started(), exchange.startNanos(),
                request.getMethod(), request.getScheme(), request.getServerName(), request.getServerPort(), path,
                request.getQueryString(), exchange.clientAddress(), hasBody);
        // the client's headers are copied only when a policy or the backend request needs them
        RequestMessage message = new RequestMessage(request.getMethod(), match.api().serviceUrl(), remainder,
                request.getQueryString(), () -> clientHeaders(exchange, options), Body.stream());
        if (match.api().backend() != null) {
            message.setBackend(match.api().backend());
        }
        PolicyContext context = new PolicyContext(client, match.info(), match.templateValues(), message,
                options.deployment(), options.clock());
        // what TLS (the runner's listener, or the WAR's container) received from the client
        PresentedChain presented = PresentedChain.of(request.getAttribute(PresentedChain.SERVLET_ATTRIBUTE));
        if (presented != null) {
            context.put(PresentedChain.KEY, presented);
        }
        return context;
    }

    /** The client's end-to-end headers with the forwarding headers, as the backend request starts out. */
    private static Headers clientHeaders(Exchange exchange, ProxyOptions options) {
        Headers headers = HopByHop.requestHeaders(exchange.request);
        options.forwarded().apply(exchange.request, exchange.clientAddress(), headers);
        return headers;
    }
}
