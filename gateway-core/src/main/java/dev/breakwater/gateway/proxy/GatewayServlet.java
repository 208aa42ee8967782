package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.certificate.TrustedCertificates;
import dev.breakwater.gateway.metrics.RequestObserver;
import dev.breakwater.gateway.policy.runtime.Body;
import dev.breakwater.gateway.policy.runtime.ForwardOptions;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.RequestFlow;
import dev.breakwater.gateway.policy.runtime.RequestMessage;
import dev.breakwater.gateway.policy.runtime.ResponseBodyTaps;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.routing.RouteMatch;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import dev.breakwater.gateway.tls.BackendTrust;
import dev.breakwater.gateway.tls.CertificateChecks;
import dev.breakwater.gateway.tls.TlsClients;
import dev.breakwater.gateway.tls.UpstreamTls;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.eclipse.jetty.client.AsyncRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.ee10.proxy.AsyncProxyServlet;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The gateway's request path: a thin adapter between Jetty's asynchronous proxy servlet and the
 * policy engine. It routes the request in the snapshot it takes once, runs its {@link RequestFlow},
 * whose forward-request reaches the backend through {@link BackendCall} and this servlet's Jetty
 * hooks, and sends the flow's final response. Bodies stream both ways with non-blocking I/O unless a
 * policy reads them; a request that waits (a backend, a call-out) holds no thread. Every request
 * ends in {@link Exchange#end}, which tells the observers (metrics, request log, telemetry).
 */
public class GatewayServlet extends AsyncProxyServlet {

    private static final String EXCHANGE = GatewayServlet.class.getName() + ".exchange";

    private final transient ActiveConfig config;
    private final transient RequestObserver observer;
    private final transient ProxyOptions options;
    private final transient BackendFailures backendFailures;
    private transient BackendDestinations destinations;
    private transient TlsClients tlsClients;

    public GatewayServlet(ActiveConfig config, RequestObserver observer, ProxyOptions options) {
        this.config = config;
        this.observer = observer;
        this.options = options;
        this.backendFailures = new BackendFailures(options);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Exchange exchange = new Exchange(request, response, RequestIds.forRequest(request),
                options.forwarded().clientAddress(request), observer);
        ConfigSnapshot snapshot = config.current();
        RequestRouting.Routed routed = RequestRouting.route(request, snapshot, options.clock().instant());
        if (routed.refusal() != null) {
            if (routed.match() != null) {
                exchange.routed(routed.match(), null, null); // recorded against its API, nothing runs
            }
            error(exchange, routed.refusal().status(), routed.refusal().message());
            return;
        }
        request.setAttribute(EXCHANGE, exchange);
        start(exchange, routed, snapshot.trusted());
    }

    /** Builds the policy context and runs the flow, after buffering the body when a policy reads it. */
    private void start(Exchange exchange, RequestRouting.Routed routed, TrustedCertificates trusted) {
        HttpServletRequest request = exchange.request;
        RouteMatch match = routed.match();
        boolean hasBody = hasContent(request);
        PolicyContext context = PolicyContexts.forRequest(exchange, match, routed.path(), routed.remainder(), hasBody,
                options);
        context.setCaller(routed.caller());
        if (!trusted.isEmpty()) {
            context.put(TrustedCertificates.KEY, trusted); // the backends' TLS trusts the snapshot's CAs
        }
        BackendCall backend = new BackendCall(this, exchange, match.pipeline().readsResponseBody(),
                options.policyBodyLimit());
        context.setForwarder(backend);
        // APIM evaluates only cors on a preflight: the route's cors policies answer it, nothing else runs
        Pipeline pipeline = match.pipeline().answersPreflights() && RequestRouting.isPreflight(request)
                ? match.pipeline().preflightOnly() : match.pipelineFor(routed.caller().product());
        RequestFlow flow = new RequestFlow(pipeline, context);
        exchange.routed(match, flow, backend);
        if (pipeline.forwards() && !hasBody && !registerBodyWriter(exchange)) {
            return; // the client is already gone
        }
        if (!pipeline.readsRequestBody() || !hasBody) {
            run(exchange);
            return;
        }
        startAsync(request);
        RequestBodyReader.read(inputOf(exchange), options.policyBodyLimit(), exchange::addBytesIn,
                new RequestBodyReader.Done() {
                    @Override
                    public void read(byte[] body) {
                        context.request().body().buffered(body);
                        run(exchange);
                    }

                    @Override
                    public void failed(Throwable failure) {
                        ClientFault fault = failure instanceof RequestBodyReader.TooLarge
                                ? new ClientFault(413, failure.getMessage()) : ClientFault.of(failure);
                        exchange.clientFailed(fault);
                        answer(exchange, ResponseMessage.error(fault.status(), fault.message()));
                    }
                });
    }

    /** Runs the flow; its final response is sent once it is known, on whatever thread that is. */
    private void run(Exchange exchange) {
        Outcome outcome = exchange.flow().run();
        if (!outcome.isPending()) {
            finish(exchange);
            return;
        }
        startAsync(exchange.request);
        outcome.stage().whenComplete((settled, failure) -> finish(exchange));
    }

    /**
     * Sends the final response: the backend's, whose body then streams (what arrived meanwhile was
     * held), or the gateway's own, the backend's body dropped.
     */
    private void finish(Exchange exchange) {
        ResponseMessage message = exchange.context().response();
        BackendCall backend = exchange.backend();
        boolean streams = message.isFromBackend() && message.body().isStream() && backend.started();
        if (streams && backend.canStream()) {
            ResponseWriter.writeHead(exchange.response, message, exchange.requestId);
            if (startBodyWriter(exchange)) {
                exchange.bodyTaps(ResponseBodyTaps.begin(exchange.context())); // policies that read it as it goes
                backend.stream();
                return;
            }
            // the client is gone: the backend's body is dropped, and the request ends as the client's fault
        } else if (streams) { // the backend broke off before its body could start
            message = ResponseMessage.error(502, "The backend service is unavailable");
        }
        ResponseMessage answer = message;
        backend.discard(() -> answer(exchange, answer));
    }

    /** Writes a response the gateway holds whole, ends the exchange and completes the request. */
    private void answer(Exchange exchange, ResponseMessage message) {
        HttpServletResponse response = exchange.response;
        ResponseBodyWriter writer = exchange.bodyWriter();
        ClientFault fault = exchange.clientFault();
        if (fault != null && fault.connectionLost()) {
            exchange.end(ClientFault.CLIENT_CLOSED); // nobody to answer
            completeAsync(exchange);
            return;
        }
        try {
            if (!response.isCommitted()) {
                response.reset();
            }
            if (writer != null) { // the response is in non-blocking mode: the body goes through the writer
                byte[] body = ResponseWriter.writeWholeHead(response, message, exchange.requestId);
                writer.write(body, 0, body.length, Callback.from(() -> {
                    exchange.addBytesOut(body.length);
                    exchange.end(message.status());
                    completeAsync(exchange);
                }, failure -> {
                    exchange.end(ClientFault.CLIENT_CLOSED);
                    completeAsync(exchange);
                }));
                return;
            }
            ResponseWriter.write(response, message, exchange.requestId);
            byte[] body = message.bodyToSend();
            exchange.addBytesOut(body == null ? 0 : body.length);
            exchange.end(message.status());
        } catch (IOException | IllegalStateException e) {
            exchange.end(ClientFault.CLIENT_CLOSED); // the client is gone
        }
        completeAsync(exchange);
    }

    private static void completeAsync(Exchange exchange) {
        if (exchange.request.isAsyncStarted()) {
            exchange.request.getAsyncContext().complete();
        }
    }

    private void error(Exchange exchange, int status, String message) {
        answer(exchange, ResponseMessage.error(status, message));
    }

    /** Sends the context's request to its backend (forward-request, through {@link BackendCall}). */
    void sendToBackend(Exchange exchange, PolicyContext context, ForwardOptions forward) {
        HttpServletRequest request = exchange.request;
        RequestMessage message = context.request();
        ClientCertificate certificate = context.get(ClientCertificate.FOR_BACKEND);
        UpstreamTls tls = new UpstreamTls(context.get(TrustedCertificates.KEY), context.get(CertificateChecks.KEY),
                certificate);
        String url = message.backendUrl();
        // the proxy's own client unless TLS is spoken with other settings than the gateway's
        boolean plain = tls.isPlain() || url == null || !url.regionMatches(true, 0, "https:", 0, 6);
        Request proxyRequest;
        try {
            proxyRequest = plain ? newProxyRequest(request, url) : newTlsRequest(request, url, tls);
        } catch (IllegalArgumentException e) {
            exchange.backend().onFailure(new PolicyException("forward-request", "BackendConnectionFailure", 500,
                    "The backend URL is not valid"));
            return;
        } catch (IllegalStateException e) {
            if (plain) {
                throw e;
            }
            exchange.backend().onFailure(certificate != null ? new PolicyException("authentication-certificate",
                    "ClientCertificateUnavailable", 500, "The client certificate cannot be presented: " + e.getMessage())
                    : new PolicyException("forward-request", "BackendConnectionFailure", 502,
                    "The backend's TLS settings cannot be applied: " + e.getMessage()));
            return;
        }
        BackendRequests.prepare(proxyRequest, message, forward, exchange.requestId);
        startAsync(request);
        Body body = message.body();
        if (body.isStream()) {
            if (hasContent(request)) {
                try {
                    proxyRequest.body(proxyRequestContent(request, exchange.response, proxyRequest));
                } catch (IOException | RuntimeException e) {
                    onClientRequestFailure(request, proxyRequest, exchange.response, e);
                    return;
                }
            }
        } else {
            BackendRequests.bytesBody(proxyRequest, body.bytes());
        }
        exchange.backendStarted();
        exchange.backend().sending(proxyRequest);
        if (plain) {
            sendProxyRequest(request, exchange.response, proxyRequest);
        } else { // its own client, which resolves its own destinations
            proxyRequest.send(newProxyResponseListener(request, exchange.response));
        }
    }

    /** A request on the client of these TLS settings, as {@code newProxyRequest} makes one on the proxy's. */
    private Request newTlsRequest(HttpServletRequest request, String url, UpstreamTls tls) {
        return tlsClients.clientFor(tls).newRequest(url).method(request.getMethod())
                .attribute(CLIENT_REQUEST_ATTRIBUTE, request);
    }

    private static void startAsync(HttpServletRequest request) {
        if (!request.isAsyncStarted()) {
            request.startAsync().setTimeout(0); // forward-request's timeout bounds the backend exchange instead
        }
    }

    private static jakarta.servlet.ServletInputStream inputOf(Exchange exchange) {
        try {
            return exchange.request.getInputStream();
        } catch (IOException e) {
            throw new IllegalStateException("the request body cannot be read", e);
        }
    }

    static Exchange exchange(HttpServletRequest request) {
        return (Exchange) request.getAttribute(EXCHANGE);
    }

    /** The proxy's TLS settings: Jetty's default validation, with the backends' trust and TLS versions. */
    @Override
    protected ClientConnector newClientConnector() {
        ClientConnector connector = super.newClientConnector();
        connector.setSslContextFactory(backendTrust().sslContextFactory());
        return connector;
    }

    private BackendTrust backendTrust() {
        return options.backendTrust() == null ? BackendTrust.jvmDefault() : options.backendTrust();
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
        destinations = new BackendDestinations(client);
        tlsClients = new TlsClients(backendTrust(), tls -> ProxyClients.like(client, tls));
        return client;
    }

    /** Stops the clients of other TLS settings with the proxy's own. */
    @Override
    public void destroy() {
        if (tlsClients != null) {
            tlsClients.close();
        }
        super.destroy();
    }

    /** Sends to the backend through a destination found without Jetty's per-send lock. */
    @Override
    protected void sendProxyRequest(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                    Request proxyRequest) {
        destinations.send(proxyRequest, newProxyResponseListener(clientRequest, proxyResponse));
    }

    /** No total timeout: forward-request's timeout is an idle timeout, so long downloads can stream. */
    @Override
    public long getTimeout() {
        return 0;
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
    protected void onServerResponseHeaders(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                           Response serverResponse) {
        Exchange exchange = exchange(clientRequest);
        if (!exchange.backend().isCurrent(serverResponse)) {
            return; // an attempt a retry dropped
        }
        exchange.backendAnswered(serverResponse.getStatus());
        backendFailures.succeeded(serverResponse);
        exchange.backend().onHeaders(exchange.context(), ResponseMessage.fromBackend(serverResponse.getStatus(),
                serverResponse.getReason(), HopByHop.responseHeaders(serverResponse)), serverResponse);
    }

    @Override
    protected void onResponseContent(HttpServletRequest request, HttpServletResponse response, Response proxyResponse,
                                     byte[] buffer, int offset, int length, Callback callback) {
        BackendCall backend = exchange(request).backend();
        if (!backend.isCurrent(proxyResponse)) {
            callback.failed(new BackendCall.DroppedBody()); // an attempt a retry dropped
            return;
        }
        backend.onContent(proxyResponse, buffer, offset, length, callback);
    }

    /**
     * Registers the writer of the response body while this thread still runs the servlet: the
     * container then makes its first call to the writer on this thread as the dispatch ends, instead
     * of waking another thread for it when the backend answers (measured: a fifth more requests per
     * second at one connection). From then on the response is written without blocking only. Only
     * for requests without a body: the answer to a client whose upload broke must be written
     * blocking, so that a connection that is gone shows as such (499) rather than as an answer sent.
     */
    private boolean registerBodyWriter(Exchange exchange) {
        try {
            startAsync(exchange.request);
            newBodyWriter(exchange);
            return true;
        } catch (IOException | RuntimeException failure) {
            exchange.clientFailed(ClientFault.gone());
            exchange.end(ClientFault.CLIENT_CLOSED);
            completeAsync(exchange);
            return false;
        }
    }

    /**
     * Points the body writer at the backend's response as its head goes out, registering it first
     * if the request had a body; {@code false} when the client is already gone.
     */
    private static boolean startBodyWriter(Exchange exchange) {
        ResponseBodyWriter writer = exchange.bodyWriter();
        try {
            if (writer == null) {
                writer = newBodyWriter(exchange);
            }
        } catch (IOException | RuntimeException failure) {
            exchange.clientFailed(ClientFault.gone());
            return false;
        }
        Response backendResponse = exchange.backend().response();
        writer.prepare(backendResponse, !backendResponse.getHeaders().contains(HttpHeader.CONTENT_LENGTH));
        return true;
    }

    /** Puts the response in non-blocking mode, with the writer every later piece of it goes through. */
    private static ResponseBodyWriter newBodyWriter(Exchange exchange) throws IOException {
        ResponseBodyWriter writer = new ResponseBodyWriter(exchange.response.getOutputStream(),
                () -> exchange.clientFailed(ClientFault.gone()));
        writer.start();
        exchange.bodyWriter(writer);
        return writer;
    }

    /** Writes a piece of the backend's body to the client without blocking (see {@link ResponseBodyWriter}). */
    void streamToClient(Exchange exchange, Response backendResponse, byte[] buffer, int offset, int length,
                        Callback callback) {
        try {
            exchange.addBytesOut(length);
            ResponseBodyTaps taps = exchange.bodyTaps();
            if (taps != null) { // before the write: its callback may bring the next piece, or the end
                taps.piece(buffer, offset, length);
            }
            exchange.bodyWriter().write(buffer, offset, length, callback);
        } catch (Throwable failure) {
            callback.failed(failure);
            backendResponse.abort(failure);
        }
    }

    @Override
    protected void onProxyResponseSuccess(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                          Response serverResponse) {
        Exchange exchange = exchange(clientRequest);
        if (exchange.backend().isCurrent(serverResponse)) {
            exchange.backend().onSuccess(exchange.context(), serverResponse);
        }
    }

    /** The backend's streamed body is complete: the request is done. */
    void backendBodyStreamed(Exchange exchange, Response serverResponse) {
        // ended before completing: what the client has seen is already counted, and the request
        // object must not be read once the response is complete (the container recycles it)
        exchange.end(exchange.response.getStatus());
        super.onProxyResponseSuccess(exchange.request, exchange.response, serverResponse);
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
        if (!exchange.backend().isCurrent(serverResponse)) {
            return; // an attempt a retry dropped, aborted on purpose
        }
        PolicyException error = backendFailures.errorOf(exchange, serverResponse, failure);
        if (exchange.backend().onFailure(error) == BackendCall.AfterFailure.CUT_STREAM) {
            if (!proxyResponse.isCommitted()) {
                // what streamed so far still waited in the output buffer: the client gets an error instead
                exchange.dropBytesOut();
                answer(exchange, ResponseMessage.error(error.error().statusCode(), error.error().clientMessage()));
                return;
            }
            // mid-body: the client or the backend went away; all that is left is to cut the response
            exchange.end(proxyResponse.getStatus());
            super.onProxyResponseFailure(clientRequest, proxyResponse, serverResponse, failure);
        }
        // otherwise forward-request failed with it (on-error decides what the client gets), or the
        // backend's body was being dropped for the gateway's own answer, which ends the request
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
        answer(exchange, ResponseMessage.error(status, fault != null ? fault.message()
                : "The request could not be forwarded"));
    }
}
