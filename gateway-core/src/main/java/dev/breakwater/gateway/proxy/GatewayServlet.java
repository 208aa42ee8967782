package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.metrics.RequestObserver;
import dev.breakwater.gateway.policy.ForwardOptions;
import dev.breakwater.gateway.policy.PolicyContext;
import dev.breakwater.gateway.policy.PolicyError;
import dev.breakwater.gateway.policy.RequestFlow;
import dev.breakwater.gateway.policy.RequestMessage;
import dev.breakwater.gateway.policy.ResponseMessage;
import dev.breakwater.gateway.routing.ApiRoute;
import dev.breakwater.gateway.routing.RequestPaths;
import dev.breakwater.gateway.routing.RouteMatch;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.ee10.proxy.ProxyServlet;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's request path: a thin adapter between Jetty's proxy servlet and the policy
 * pipeline. It routes the request in the snapshot it takes once, lets {@link RequestFlow}
 * run the policies, and fills in the proxy servlet's hooks from the policy context. Bodies
 * stream both ways; only gateway-made responses are written whole. Every request ends in
 * {@link Exchange#end}, which tells the observers (metrics, request log, telemetry).
 */
public class GatewayServlet extends ProxyServlet {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServlet.class);
    private static final String EXCHANGE = GatewayServlet.class.getName() + ".exchange";

    private final transient ActiveConfig config;
    private final transient RequestObserver observer;

    public GatewayServlet(ActiveConfig config, RequestObserver observer) {
        this.config = config;
        this.observer = observer;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Exchange exchange = new Exchange(request, RequestIds.forRequest(request), observer);
        ConfigSnapshot snapshot = config.current();
        if (snapshot == null) {
            error(exchange, response, 503, "The gateway has no configuration yet");
            return;
        }
        String path = pathWithinContext(request);
        if (RequestPaths.hasDotSegment(path)) {
            error(exchange, response, 400, "The request path must not contain '.' or '..' segments");
            return;
        }
        ApiRoute api = snapshot.routes().findApi(request.getServerName(), path);
        if (api == null) {
            error(exchange, response, 404, "Resource not found");
            return;
        }
        String remainder = path.substring(api.prefix().length());
        RouteMatch match = api.match(request.getMethod(), remainder);
        if (match == null) {
            error(exchange, response, 404, "Unable to match incoming request to an operation");
            return;
        }
        RequestMessage backendRequest = new RequestMessage(request.getMethod(), api.serviceUrl(), remainder,
                request.getQueryString(), () -> HopByHop.requestHeaders(request));
        RequestFlow flow = new RequestFlow(match.pipeline(),
                new PolicyContext(exchange.requestId, match.templateValues(), backendRequest));
        exchange.routed(match, flow);
        if (flow.beforeBackend() == RequestFlow.Next.RESPOND) {
            respond(exchange, response, flow.context().response());
            return;
        }
        request.setAttribute(EXCHANGE, exchange);
        super.service(request, response);
    }

    /** Writes a gateway-made response and ends the exchange. */
    private static void respond(Exchange exchange, HttpServletResponse response, ResponseMessage message)
            throws IOException {
        try {
            ResponseWriter.write(response, message, exchange.requestId);
            exchange.addBytesOut(message.body() == null ? 0 : message.body().length);
        } finally {
            exchange.end(message.status());
        }
    }

    private static void error(Exchange exchange, HttpServletResponse response, int status, String message)
            throws IOException {
        response.reset();
        respond(exchange, response, RequestFlow.errorResponse(status, message));
    }

    private static String pathWithinContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }

    private static Exchange exchange(HttpServletRequest request) {
        return (Exchange) request.getAttribute(EXCHANGE);
    }

    /** Backends are spoken to in HTTP/1.1 (over TLS for https): no protocol negotiation per request. */
    @Override
    protected HttpClient newHttpClient(ClientConnector connector) {
        return new HttpClient(new HttpClientTransportOverHTTP(connector));
    }

    /**
     * Jetty's proxy servlet removes the client's redirect handler; it is put back so that
     * forward-request's follow-redirects works. It acts only on requests that ask for it.
     */
    @Override
    protected HttpClient createHttpClient() throws ServletException {
        HttpClient client = super.createHttpClient();
        client.getProtocolHandlers().put(new RedirectProtocolHandler(client));
        return client;
    }

    /** No total timeout: forward-request's timeout is an idle timeout, so long downloads can stream. */
    @Override
    public long getTimeout() {
        return 0;
    }

    @Override
    protected String rewriteTarget(HttpServletRequest clientRequest) {
        return exchange(clientRequest).flow().context().request().backendUrl();
    }

    @Override
    protected void copyRequestHeaders(HttpServletRequest clientRequest, Request proxyRequest) {
        PolicyContext context = exchange(clientRequest).flow().context();
        HttpFields.Mutable edited = context.request().editedHeaders();
        proxyRequest.headers(target -> {
            target.clear();
            if (edited != null) {
                target.add(edited);
            } else {
                HopByHop.copyRequestHeaders(clientRequest, target);
            }
            target.put(RequestIds.HEADER, context.requestId());
        });
    }

    @Override
    protected void addProxyHeaders(HttpServletRequest clientRequest, Request proxyRequest) {
        String clientAddress = clientRequest.getRemoteAddr();
        String host = clientRequest.getHeader(HttpHeader.HOST.asString());
        proxyRequest.headers(headers -> {
            String earlier = headers.get(HttpHeader.X_FORWARDED_FOR) == null ? null
                    : String.join(", ", headers.getValuesList(HttpHeader.X_FORWARDED_FOR));
            headers.put(HttpHeader.X_FORWARDED_FOR, earlier == null ? clientAddress : earlier + ", " + clientAddress);
            headers.put(HttpHeader.X_FORWARDED_PROTO, clientRequest.getScheme());
            if (host != null) {
                headers.put(HttpHeader.X_FORWARDED_HOST, host);
            }
        });
    }

    /** Counts the request body's bytes as they stream to the backend, for the request log. */
    @Override
    protected Request.Content proxyRequestContent(HttpServletRequest request, HttpServletResponse response,
                                                  Request proxyRequest) throws IOException {
        Exchange exchange = exchange(request);
        InputStream counting = new FilterInputStream(request.getInputStream()) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    exchange.addBytesIn(n);
                }
                return n;
            }
        };
        return new ProxyInputStreamRequestContent(request, response, proxyRequest, counting) { };
    }

    @Override
    protected void sendProxyRequest(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                    Request proxyRequest) {
        Exchange exchange = exchange(clientRequest);
        ForwardOptions options = exchange.flow().context().get(ForwardOptions.KEY);
        proxyRequest.idleTimeout(options.timeoutMillis(), TimeUnit.MILLISECONDS);
        proxyRequest.followRedirects(options.followRedirects());
        exchange.backendStarted();
        super.sendProxyRequest(clientRequest, proxyResponse, proxyRequest);
    }

    @Override
    protected void onServerResponseHeaders(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                           Response serverResponse) {
        Exchange exchange = exchange(clientRequest);
        exchange.backendAnswered(serverResponse.getStatus());
        RequestFlow flow = exchange.flow();
        flow.context().setResponse(new ResponseMessage(serverResponse.getStatus(),
                HopByHop.responseHeaders(serverResponse)));
        if (flow.inspectsBackendResponse()) {
            flow.afterBackend();
        }
        ResponseMessage out = flow.context().response();
        if (!flow.backendBodyDiscarded()) {
            ResponseWriter.writeHead(proxyResponse, out, exchange.requestId);
            return;
        }
        try {
            proxyResponse.reset();
            ResponseWriter.write(proxyResponse, out, exchange.requestId);
            exchange.addBytesOut(out.body().length);
        } catch (IOException e) {
            serverResponse.abort(e);
        }
    }

    @Override
    protected void onResponseContent(HttpServletRequest request, HttpServletResponse response, Response proxyResponse,
                                     byte[] buffer, int offset, int length, Callback callback) {
        Exchange exchange = exchange(request);
        if (exchange.flow().backendBodyDiscarded()) {
            callback.succeeded();
            return;
        }
        try {
            response.getOutputStream().write(buffer, offset, length);
            exchange.addBytesOut(length);
            // A body without a length is a stream (chunked downloads, server-sent events): pass each
            // piece on as it comes. A body with a length may fill the output buffer first.
            if (!proxyResponse.getHeaders().contains(HttpHeader.CONTENT_LENGTH)) {
                response.getOutputStream().flush();
            }
            callback.succeeded();
        } catch (Throwable failure) {
            callback.failed(failure);
        }
    }

    @Override
    protected void onProxyResponseSuccess(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                          Response serverResponse) {
        // ended before completing: what the client has seen is already counted, and the request
        // object must not be read once the response is complete (the container recycles it)
        exchange(clientRequest).end(proxyResponse.getStatus());
        super.onProxyResponseSuccess(clientRequest, proxyResponse, serverResponse);
    }

    @Override
    protected void onProxyResponseFailure(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                          Response serverResponse, Throwable failure) {
        Exchange exchange = exchange(clientRequest);
        RequestFlow flow = exchange.flow();
        if (flow.backendBodyDiscarded()) {
            exchange.end(proxyResponse.getStatus());
            clientRequest.getAsyncContext().complete(); // the client already has the gateway's own response
            return;
        }
        String backend = serverResponse == null ? "?" : serverResponse.getRequest().getHost();
        if (proxyResponse.isCommitted()) {
            // mid-body: the client or the backend went away; all that is left is to cut the response
            LOG.debug("request {}: exchange with backend {} broke off: {}", exchange.requestId, backend, failure.toString());
            exchange.end(proxyResponse.getStatus());
            super.onProxyResponseFailure(clientRequest, proxyResponse, serverResponse, failure);
            return;
        }
        LOG.warn("request {}: backend {} failed: {}", exchange.requestId, backend, failure.toString());
        int status = proxyResponseStatus(failure);
        flow.fail(new PolicyError("backend", status, status == 504
                ? "The backend did not answer in time" : "The backend service is unavailable"));
        try {
            proxyResponse.reset();
            respond(exchange, proxyResponse, flow.context().response());
        } catch (IOException | IllegalStateException e) {
            LOG.debug("request {}: could not send the error response: {}", exchange.requestId, e.toString());
        } finally {
            exchange.end(flow.context().response().status());
            clientRequest.getAsyncContext().complete();
        }
    }

    /** Errors Jetty's proxy servlet raises itself (client upload failures): JSON like every other gateway error. */
    @Override
    protected void sendProxyResponseError(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                          int status) {
        Exchange exchange = exchange(clientRequest);
        if (proxyResponse.isCommitted()) {
            exchange.end(status);
            super.sendProxyResponseError(clientRequest, proxyResponse, status); // aborts the connection
            return;
        }
        try {
            error(exchange, proxyResponse, status, status == 408 ? "The request body did not arrive in time"
                    : "The request could not be forwarded");
        } catch (IOException | IllegalStateException e) {
            LOG.debug("request {}: could not send the error response: {}", exchange.requestId, e.toString());
        } finally {
            exchange.end(status);
            if (clientRequest.isAsyncStarted()) {
                clientRequest.getAsyncContext().complete();
            }
        }
    }
}
