package dev.breakwater.gateway.policy.runtime;

import dev.breakwater.gateway.subscription.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mutable object of a request: the request on its way to the backend, the response on its
 * way to the client, the variables policies set, the last error, what the request matched, and
 * whatever policies leave for later steps under typed keys. One request uses it at a time (a
 * pipeline that waits resumes on another thread, after the stage that woke it).
 */
public final class PolicyContext {

    /** The most trace entries one request keeps, so that a loop cannot fill the request log. */
    static final int MAX_TRACES = 64;

    private final ClientRequest client;
    private final RouteInfo route;
    private final TemplateValues templateValues;
    private final RequestMessage request;
    private final Deployment deployment;
    private final Clock clock;
    private ResponseMessage response;
    private volatile Map<String, Object> variables;
    private PolicyError lastError;
    private Forwarder forwarder;
    private List<TraceEntry> traces;
    private Map<ContextKey<?>, Object> values;
    private Object expressionView;
    private boolean responseAbsent;
    private Caller caller = Caller.NONE;

    public PolicyContext(ClientRequest client, RouteInfo route, TemplateValues templateValues, RequestMessage request,
                         Deployment deployment, Clock clock) {
        this.client = client;
        this.route = route;
        this.templateValues = templateValues;
        this.request = request;
        this.deployment = deployment;
        this.clock = clock;
    }

    public String requestId() {
        return client.requestId();
    }

    /** The request as the client sent it. */
    public ClientRequest client() {
        return client;
    }

    /** What the request matched; {@code null} for requests that matched nothing. */
    public RouteInfo route() {
        return route;
    }

    /** The values of the operation's URL template parameters, raw as they stood in the path. */
    public TemplateValues templateValues() {
        return templateValues;
    }

    /** Who the request came as (subscription, product, user); {@link Caller#NONE} without a subscription. */
    public Caller caller() {
        return caller;
    }

    public void setCaller(Caller caller) {
        this.caller = caller == null ? Caller.NONE : caller;
    }

    public RequestMessage request() {
        return request;
    }

    public Deployment deployment() {
        return deployment;
    }

    public Clock clock() {
        return clock;
    }

    /** The response; an empty 200 until the backend or a policy sets one. */
    public ResponseMessage response() {
        if (response == null) {
            response = ResponseMessage.empty();
        }
        return response;
    }

    /** The response, or {@code null} before the backend or a policy made one. */
    public ResponseMessage responseIfAny() {
        return response;
    }

    /**
     * Whether expressions see no response at all ({@code context.Response} null): while retry
     * evaluates its condition after an attempt that got none, as APIM shows it.
     */
    public boolean responseAbsent() {
        return responseAbsent;
    }

    public void setResponseAbsent(boolean absent) {
        this.responseAbsent = absent;
    }

    public void setResponse(ResponseMessage response) {
        this.response = response;
    }

    /**
     * The variables (set-variable), in the order set. Synchronized: the call-outs of a wait complete
     * on their own threads and each stores its response here.
     */
    public synchronized Map<String, Object> variables() {
        if (variables == null) {
            variables = Collections.synchronizedMap(new LinkedHashMap<>());
        }
        return variables;
    }

    /** The variables, read-only, for expressions; empty without allocating when none is set. */
    public Map<String, Object> variablesView() {
        return variables == null ? Map.of() : Collections.unmodifiableMap(variables);
    }

    public PolicyError lastError() {
        return lastError;
    }

    public void setLastError(PolicyError lastError) {
        this.lastError = lastError;
    }

    /** How forward-request reaches the backend for this request. */
    public Forwarder forwarder() {
        return forwarder;
    }

    public void setForwarder(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    /** Adds a trace message; beyond {@link #MAX_TRACES} they are dropped. */
    public synchronized void trace(TraceEntry entry) {
        if (traces == null) {
            traces = new ArrayList<>(4);
        }
        if (traces.size() < MAX_TRACES) {
            traces.add(entry);
        }
    }

    /** The trace messages so far, possibly none. */
    public List<TraceEntry> traces() {
        return traces == null ? List.of() : traces;
    }

    public <T> T get(ContextKey<T> key) {
        return values == null ? null : key.type().cast(values.get(key));
    }

    public <T> void put(ContextKey<T> key, T value) {
        if (values == null) {
            values = new IdentityHashMap<>(4);
        }
        values.put(key, value);
    }

    /** The expressions' view of this context, made once when first needed (see ExpressionFacade). */
    public Object expressionView() {
        return expressionView;
    }

    public void setExpressionView(Object view) {
        this.expressionView = view;
    }
}
