package dev.breakwater.gateway.proxy;

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
import java.io.IOException;
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
 * stream both ways; only gateway-made responses are written whole.
 */
public class GatewayServlet extends ProxyServlet {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServlet.class);
    private static final String FLOW = GatewayServlet.class.getName() + ".flow";

    private final transient ActiveConfig config;
    private final transient RequestCounters counters;

    public GatewayServlet(ActiveConfig config, RequestCounters counters) {
        this.config = config;
        this.counters = counters;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String requestId = RequestIds.forRequest(request);
        ConfigSnapshot snapshot = config.current();
        if (snapshot == null) {
            error(response, 503, "The gateway has no configuration yet", requestId);
            return;
        }
        String path = pathWithinContext(request);
        if (RequestPaths.hasDotSegment(path)) {
            error(response, 400, "The request path must not contain '.' or '..' segments", requestId);
            return;
        }
        ApiRoute api = snapshot.routes().findApi(request.getServerName(), path);
        if (api == null) {
            error(response, 404, "Resource not found", requestId);
            return;
        }
        String remainder = path.substring(api.prefix().length());
        RouteMatch match = api.match(request.getMethod(), remainder);
        if (match == null) {
            error(response, 404, "Unable to match incoming request to an operation", requestId);
            return;
        }
        RequestMessage backendRequest = new RequestMessage(request.getMethod(), api.serviceUrl(), remainder,
                request.getQueryString(), () -> HopByHop.requestHeaders(request));
        RequestFlow flow = new RequestFlow(match.pipeline(),
                new PolicyContext(requestId, match.templateValues(), backendRequest));
        if (flow.beforeBackend() == RequestFlow.Next.RESPOND) {
            respond(response, flow.context().response(), requestId);
            return;
        }
        request.setAttribute(FLOW, flow);
        super.service(request, response);
    }

    /** Writes a gateway-made response, and counts it. */
    private void respond(HttpServletResponse response, ResponseMessage message, String requestId) throws IOException {
        counters.record(message.status());
        ResponseWriter.write(response, message, requestId);
    }

    private void error(HttpServletResponse response, int status, String message, String requestId) throws IOException {
        counters.record(status);
        ResponseWriter.error(response, status, message, requestId);
    }

    private static String pathWithinContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }

    private static RequestFlow flow(HttpServletRequest request) {
        return (RequestFlow) request.getAttribute(FLOW);
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
        return flow(clientRequest).context().request().backendUrl();
    }

    @Override
    protected void copyRequestHeaders(HttpServletRequest clientRequest, Request proxyRequest) {
        PolicyContext context = flow(clientRequest).context();
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

    @Override
    protected void sendProxyRequest(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                    Request proxyRequest) {
        ForwardOptions options = flow(clientRequest).context().get(ForwardOptions.KEY);
        proxyRequest.idleTimeout(options.timeoutMillis(), TimeUnit.MILLISECONDS);
        proxyRequest.followRedirects(options.followRedirects());
        super.sendProxyRequest(clientRequest, proxyResponse, proxyRequest);
    }

    @Override
    protected void onServerResponseHeaders(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                           Response serverResponse) {
        RequestFlow flow = flow(clientRequest);
        String requestId = flow.context().requestId();
        ResponseMessage backend = new ResponseMessage(serverResponse.getStatus(), HopByHop.responseHeaders(serverResponse));
        flow.context().setResponse(backend);
        if (flow.inspectsBackendResponse()) {
            flow.afterBackend();
        }
        ResponseMessage out = flow.context().response();
        if (!flow.backendBodyDiscarded()) {
            counters.record(out.status());
            ResponseWriter.writeHead(proxyResponse, out, requestId);
            return;
        }
        try {
            proxyResponse.reset();
            respond(proxyResponse, out, requestId);
        } catch (IOException e) {
            serverResponse.abort(e);
        }
    }

    @Override
    protected void onResponseContent(HttpServletRequest request, HttpServletResponse response, Response proxyResponse,
                                     byte[] buffer, int offset, int length, Callback callback) {
        if (flow(request).backendBodyDiscarded()) {
            callback.succeeded();
            return;
        }
        try {
            response.getOutputStream().write(buffer, offset, length);
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
    protected void onProxyResponseFailure(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                          Response serverResponse, Throwable failure) {
        RequestFlow flow = flow(clientRequest);
        if (flow.backendBodyDiscarded()) {
            clientRequest.getAsyncContext().complete(); // the client already has the gateway's own response
            return;
        }
        String requestId = flow.context().requestId();
        String backend = serverResponse == null ? "?" : serverResponse.getRequest().getHost();
        if (proxyResponse.isCommitted()) {
            // mid-body: the client or the backend went away; all that is left is to cut the response
            LOG.debug("request {}: exchange with backend {} broke off: {}", requestId, backend, failure.toString());
            super.onProxyResponseFailure(clientRequest, proxyResponse, serverResponse, failure);
            return;
        }
        LOG.warn("request {}: backend {} failed: {}", requestId, backend, failure.toString());
        int status = proxyResponseStatus(failure);
        flow.fail(new PolicyError("backend", status, status == 504
                ? "The backend did not answer in time" : "The backend service is unavailable"));
        try {
            proxyResponse.reset();
            respond(proxyResponse, flow.context().response(), requestId);
        } catch (IOException | IllegalStateException e) {
            LOG.debug("request {}: could not send the error response: {}", requestId, e.toString());
        } finally {
            clientRequest.getAsyncContext().complete();
        }
    }

    /** Errors Jetty's proxy servlet raises itself (client upload failures): JSON like every other gateway error. */
    @Override
    protected void sendProxyResponseError(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                          int status) {
        if (proxyResponse.isCommitted()) {
            super.sendProxyResponseError(clientRequest, proxyResponse, status); // aborts the connection
            return;
        }
        RequestFlow flow = flow(clientRequest);
        String requestId = flow == null ? RequestIds.forRequest(clientRequest) : flow.context().requestId();
        try {
            error(proxyResponse, status, status == 408 ? "The request body did not arrive in time"
                    : "The request could not be forwarded", requestId);
        } catch (IOException | IllegalStateException e) {
            LOG.debug("request {}: could not send the error response: {}", requestId, e.toString());
        } finally {
            if (clientRequest.isAsyncStarted()) {
                clientRequest.getAsyncContext().complete();
            }
        }
    }
}
