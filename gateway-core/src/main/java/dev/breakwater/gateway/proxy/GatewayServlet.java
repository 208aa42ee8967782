package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.metrics.RequestObserver;
import dev.breakwater.gateway.policy.ForwardOptions;
import dev.breakwater.gateway.policy.PolicyContext;
import dev.breakwater.gateway.policy.PolicyError;
import dev.breakwater.gateway.policy.RequestFlow;
import dev.breakwater.gateway.policy.RequestMessage;
import dev.breakwater.gateway.policy.ResponseMessage;
import dev.breakwater.gateway.routing.ApiRoute;
import dev.breakwater.gateway.routing.RouteMatch;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.AsyncRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.ee10.proxy.AsyncProxyServlet;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's request path: a thin adapter between Jetty's asynchronous proxy servlet and the
 * policy pipeline. It routes the request in the snapshot it takes once, lets {@link RequestFlow}
 * run the policies, and fills in the proxy servlet's hooks from the policy context. Bodies
 * stream both ways with non-blocking I/O, so a slow client holds no thread; only gateway-made
 * responses are written whole. Every request ends in {@link Exchange#end}, which tells the
 * observers (metrics, request log, telemetry).
 */
public class GatewayServlet extends AsyncProxyServlet {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServlet.class);
    private static final String EXCHANGE = GatewayServlet.class.getName() + ".exchange";

    private final transient ActiveConfig config;
    private final transient RequestObserver observer;
    private final transient ProxyOptions options;
    private final transient BackendFailureLog backendFailures;

    public GatewayServlet(ActiveConfig config, RequestObserver observer, ProxyOptions options) {
        this.config = config;
        this.observer = observer;
        this.options = options;
        this.backendFailures = new BackendFailureLog(options.clock(), options.backendFailureLogInterval());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Exchange exchange = new Exchange(request, RequestIds.forRequest(request),
                options.forwarded().clientAddress(request), observer);
        ConfigSnapshot snapshot = config.current();
        if (snapshot == null) {
            error(exchange, response, 503, "The gateway has no configuration yet");
            return;
        }
        String path = pathWithinContext(request);
        RequestChecks.Refusal refusal = RequestChecks.beforeRouting(request, path);
        if (refusal != null) {
            error(exchange, response, refusal.status(), refusal.message());
            return;
        }
        ApiRoute api = snapshot.routes().findApi(request.getServerName(), path);
        if (api == null) {
            error(exchange, response, 404, "Resource not found");
            return;
        }
        refusal = RequestChecks.afterApiMatched(request, api);
        if (refusal != null) {
            error(exchange, response, refusal.status(), refusal.message());
            return;
        }
        String remainder = path.substring(api.prefix().length());
        RouteMatch match = api.match(request.getMethod(), remainder);
        if (match == null) {
            error(exchange, response, 404, "Unable to match incoming request to an operation");
            return;
        }
        RequestMessage backendRequest = new RequestMessage(request.getMethod(), api.serviceUrl(), remainder,
                request.getQueryString(), () -> clientHeaders(request, exchange));
        RequestFlow flow = new RequestFlow(match.pipeline(),
                new PolicyContext(exchange.requestId, match.templateValues(), backendRequest));
        exchange.routed(match, flow);
        if (flow.beforeBackend() == RequestFlow.Next.RESPOND) {
            respond(exchange, response, flow.context().response());
            return;
        }
        request.setAttribute(EXCHANGE, exchange);
        forward(request, response, flow.context().request().backendUrl());
    }

    /**
     * Sends the request to the backend, as Jetty's proxy servlet would, except that the client's
     * {@code Expect: 100-continue} is answered here rather than passed on (see {@link HopByHop}),
     * and the backend is always spoken to in HTTP/1.1.
     */
    private void forward(HttpServletRequest request, HttpServletResponse response, String target) {
        Request proxyRequest;
        try {
            proxyRequest = newProxyRequest(request, target).version(HttpVersion.HTTP_1_1);
        } catch (IllegalArgumentException e) {
            Exchange exchange = exchange(request);
            exchange.flow().fail(new PolicyError("forward-request", 500, "The backend URL is not valid"));
            respondQuietly(exchange, response, exchange.flow().context().response());
            return;
        }
        copyRequestHeaders(request, proxyRequest);
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // forward-request's timeout bounds the backend exchange instead
        if (hasContent(request)) {
            try {
                proxyRequest.body(proxyRequestContent(request, response, proxyRequest));
            } catch (IOException | RuntimeException e) {
                onClientRequestFailure(request, proxyRequest, response, e);
                return;
            }
        }
        sendProxyRequest(request, response, proxyRequest);
    }

    /** The client's end-to-end headers with the forwarding headers, as the backend request starts out. */
    private HttpFields.Mutable clientHeaders(HttpServletRequest request, Exchange exchange) {
        HttpFields.Mutable headers = HopByHop.requestHeaders(request);
        options.forwarded().apply(request, exchange.clientAddress(), headers);
        return headers;
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

    private static void respondQuietly(Exchange exchange, HttpServletResponse response, ResponseMessage message) {
        try {
            response.reset();
            respond(exchange, response, message);
        } catch (IOException | IllegalStateException e) {
            LOG.debug("request {}: could not send the response: {}", exchange.requestId, e.toString());
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
        // a larger head would not fit the response to the client: refused here, it is a clean 502
        client.setMaxResponseHeadersSize(options.maxResponseHeaderBytes());
        return client;
    }

    /** No total timeout: forward-request's timeout is an idle timeout, so long downloads can stream. */
    @Override
    public long getTimeout() {
        return 0;
    }

    @Override
    protected void copyRequestHeaders(HttpServletRequest clientRequest, Request proxyRequest) {
        Exchange exchange = exchange(clientRequest);
        PolicyContext context = exchange.flow().context();
        HttpFields.Mutable edited = context.request().editedHeaders();
        proxyRequest.headers(target -> {
            target.clear();
            target.add(edited != null ? edited : clientHeaders(clientRequest, exchange));
            target.put(RequestIds.HEADER, context.requestId());
        });
    }

    /** The forwarding headers are already among the copied ones (see {@link ForwardedHeaders}). */
    @Override
    protected void addProxyHeaders(HttpServletRequest clientRequest, Request proxyRequest) {
    }

    /** Reads the client's body without blocking, counting its bytes for the request log. */
    @Override
    protected ReadListener newReadListener(HttpServletRequest request, HttpServletResponse response,
                                           Request proxyRequest, AsyncRequestContent content) {
        Exchange exchange = exchange(request);
        return new StreamReader(request, response, proxyRequest, content) {
            @Override
            protected void onRequestContent(HttpServletRequest clientRequest, Request backendRequest,
                                            AsyncRequestContent body, byte[] buffer, int offset, int length,
                                            Callback callback) {
                exchange.addBytesIn(length);
                super.onRequestContent(clientRequest, backendRequest, body, buffer, offset, length, callback);
            }

            // noted before the failure reaches the backend exchange, which then fails because of it
            @Override
            protected void onFailure(Throwable failure) {
                exchange.clientFailed(ClientFault.of(failure));
                super.onFailure(failure);
            }

            @Override
            public void onError(Throwable failure) {
                exchange.clientFailed(ClientFault.of(failure));
                super.onError(failure);
            }
        };
    }

    @Override
    protected void sendProxyRequest(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                    Request proxyRequest) {
        Exchange exchange = exchange(clientRequest);
        ForwardOptions forward = exchange.flow().context().get(ForwardOptions.KEY);
        proxyRequest.idleTimeout(forward.timeoutMillis(), TimeUnit.MILLISECONDS);
        proxyRequest.followRedirects(forward.followRedirects());
        exchange.backendStarted();
        super.sendProxyRequest(clientRequest, proxyResponse, proxyRequest);
    }

    @Override
    protected void onServerResponseHeaders(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                           Response serverResponse) {
        Exchange exchange = exchange(clientRequest);
        exchange.backendAnswered(serverResponse.getStatus());
        backendFailures.succeeded(backendOf(serverResponse));
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

    /** Passes the backend's body on without blocking (see {@link ResponseBodyWriter}). */
    @Override
    protected void onResponseContent(HttpServletRequest request, HttpServletResponse response, Response proxyResponse,
                                     byte[] buffer, int offset, int length, Callback callback) {
        Exchange exchange = exchange(request);
        if (exchange.flow().backendBodyDiscarded()) {
            callback.succeeded();
            return;
        }
        try {
            ResponseBodyWriter writer = exchange.bodyWriter();
            if (writer == null) {
                writer = new ResponseBodyWriter(response.getOutputStream(), proxyResponse,
                        !proxyResponse.getHeaders().contains(HttpHeader.CONTENT_LENGTH),
                        () -> exchange.clientFailed(ClientFault.gone()));
                exchange.bodyWriter(writer);
            }
            exchange.addBytesOut(length);
            writer.write(buffer, offset, length, callback);
        } catch (Throwable failure) {
            callback.failed(failure);
            proxyResponse.abort(failure);
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

    /** The client's body broke off, was malformed or too slow: the client's fault, not the backend's. */
    @Override
    protected void onClientRequestFailure(HttpServletRequest clientRequest, Request proxyRequest,
                                          HttpServletResponse proxyResponse, Throwable failure) {
        exchange(clientRequest).clientFailed(ClientFault.of(failure));
        super.onClientRequestFailure(clientRequest, proxyRequest, proxyResponse, failure);
    }

    @Override
    protected int clientRequestStatus(Throwable failure) {
        return ClientFault.of(failure).status();
    }

    @Override
    protected void onProxyResponseFailure(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                          Response serverResponse, Throwable failure) {
        Exchange exchange = exchange(clientRequest);
        RequestFlow flow = exchange.flow();
        ClientFault fault = exchange.clientFault();
        if (flow.backendBodyDiscarded()) {
            exchange.end(proxyResponse.getStatus());
            clientRequest.getAsyncContext().complete(); // the client already has the gateway's own response
        } else if (fault != null && !proxyResponse.isCommitted()) {
            LOG.debug("request {}: the client broke the exchange: {}", exchange.requestId, failure.toString());
            answerClientFault(exchange, proxyResponse, fault);
            clientRequest.getAsyncContext().complete();
        } else if (proxyResponse.isCommitted()) {
            // mid-body: the client or the backend went away; all that is left is to cut the response
            LOG.debug("request {}: exchange with backend {} broke off: {}", exchange.requestId,
                    backendOf(serverResponse), failure.toString());
            exchange.end(proxyResponse.getStatus());
            super.onProxyResponseFailure(clientRequest, proxyResponse, serverResponse, failure);
        } else {
            backendFailed(exchange, clientRequest, proxyResponse, serverResponse, failure);
        }
    }

    /** Tells the client what it broke, if it is still there; the request log says which. */
    private static void answerClientFault(Exchange exchange, HttpServletResponse response, ClientFault fault) {
        ResponseMessage message = RequestFlow.errorResponse(fault.status(), fault.message());
        try {
            response.reset();
            ResponseWriter.write(response, message, exchange.requestId);
            exchange.addBytesOut(message.body().length);
            exchange.end(fault.status());
        } catch (IOException | IllegalStateException e) {
            exchange.end(ClientFault.CLIENT_CLOSED);
        }
    }

    /** The backend failed before the response started: on-error decides what the client gets. */
    private void backendFailed(Exchange exchange, HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                               Response serverResponse, Throwable failure) {
        backendFailures.failed(backendOf(serverResponse), exchange.requestId, failure);
        int status = proxyResponseStatus(failure);
        RequestFlow flow = exchange.flow();
        flow.fail(new PolicyError("backend", status, status == 504
                ? "The backend did not answer in time" : "The backend service is unavailable"));
        respondQuietly(exchange, proxyResponse, flow.context().response());
        clientRequest.getAsyncContext().complete();
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
        ClientFault fault = exchange.clientFault();
        answerClientFault(exchange, proxyResponse, fault != null ? fault
                : new ClientFault(status, "The request could not be forwarded"));
        if (clientRequest.isAsyncStarted()) {
            clientRequest.getAsyncContext().complete();
        }
    }

    private static String backendOf(Response serverResponse) {
        if (serverResponse == null) {
            return "?";
        }
        Request request = serverResponse.getRequest();
        return request.getHost() + ":" + request.getPort();
    }
}
