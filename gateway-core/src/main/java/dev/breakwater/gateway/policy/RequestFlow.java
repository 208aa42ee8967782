package dev.breakwater.gateway.policy;

import dev.breakwater.gateway.config.JsonText;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one request through its pipeline: inbound, then backend up to forward-request;
 * outbound once the backend's response headers are in; on-error from wherever something
 * failed. Knows nothing of servlets, so that it can be tested without a server.
 */
public final class RequestFlow {

    private static final Logger LOG = LoggerFactory.getLogger(RequestFlow.class);

    /** What the caller does once the policies before the backend have run. */
    public enum Next { FORWARD, RESPOND }

    private final Pipeline pipeline;
    private final PolicyContext context;
    private boolean backendBodyDiscarded;

    public RequestFlow(Pipeline pipeline, PolicyContext context) {
        this.pipeline = pipeline;
        this.context = context;
    }

    public PolicyContext context() {
        return context;
    }

    /** Runs inbound and backend; FORWARD means send the context's request to the backend. */
    public Next beforeBackend() {
        try {
            Flow flow = pipeline.run(Section.INBOUND, context);
            if (flow == Flow.CONTINUE) {
                flow = pipeline.run(Section.BACKEND, context);
            }
            if (flow == Flow.FORWARD && context.request().baseUrl() == null) {
                fail(new PolicyError("forward-request", 500, "No backend service is configured for this API"));
                return Next.RESPOND;
            }
            return flow == Flow.FORWARD ? Next.FORWARD : Next.RESPOND;
        } catch (PolicyException e) {
            fail(new PolicyError("policy", e.statusCode(), e.getMessage()));
        } catch (RuntimeException e) {
            failUnexpectedly(e);
        }
        return Next.RESPOND;
    }

    /** Whether the backend's response must go through {@link #afterBackend} (else it passes as is). */
    public boolean inspectsBackendResponse() {
        ForwardOptions options = context.get(ForwardOptions.KEY);
        return !pipeline.isEmpty(Section.OUTBOUND) || (options != null && options.failOnErrorStatusCode());
    }

    /**
     * Runs outbound on the backend's response, already in the context. Afterwards the
     * context's response is what the client gets; if it has a body of its own, the backend's
     * body must be dropped ({@link #backendBodyDiscarded()}).
     */
    public void afterBackend() {
        ResponseMessage backend = context.response();
        ForwardOptions options = context.get(ForwardOptions.KEY);
        try {
            if (options != null && options.failOnErrorStatusCode() && backend.status() >= 400) {
                fail(new PolicyError("forward-request", backend.status(),
                        "The backend answered with status " + backend.status()));
            } else {
                pipeline.run(Section.OUTBOUND, context);
            }
        } catch (PolicyException e) {
            fail(new PolicyError("policy", e.statusCode(), e.getMessage()));
        } catch (RuntimeException e) {
            failUnexpectedly(e);
        }
        backendBodyDiscarded = context.response().body() != null;
    }

    /** True once the client's response is the gateway's own, so the backend's body is not sent. */
    public boolean backendBodyDiscarded() {
        return backendBodyDiscarded;
    }

    /**
     * Sets the last error and the default error response, then runs on-error, which may change
     * or replace that response. A failure inside on-error leaves the default error response.
     */
    public void fail(PolicyError error) {
        context.setLastError(error);
        context.setResponse(errorResponse(error.statusCode(), error.message()));
        try {
            pipeline.run(Section.ON_ERROR, context);
        } catch (PolicyException | RuntimeException e) {
            LOG.warn("request {}: on-error failed too: {}", context.requestId(), e.toString());
            context.setResponse(errorResponse(500, "Internal server error"));
        }
    }

    private void failUnexpectedly(RuntimeException e) {
        LOG.error("request {}: a policy failed unexpectedly", context.requestId(), e);
        fail(new PolicyError("policy", 500, "Internal server error"));
    }

    /** A gateway-made error: {@code {"statusCode": 404, "message": "..."}}. */
    public static ResponseMessage errorResponse(int status, String message) {
        HttpFields.Mutable headers = HttpFields.build();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        ResponseMessage response = new ResponseMessage(status, headers);
        response.setBody(errorJson(status, message));
        return response;
    }

    /** {@code {"statusCode":404,"message":"..."}}. */
    public static byte[] errorJson(int status, String message) {
        return new JsonText().field("statusCode", status).field("message", message).close()
                .getBytes(StandardCharsets.UTF_8);
    }
}
