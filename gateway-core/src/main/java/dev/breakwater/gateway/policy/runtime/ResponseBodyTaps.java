package dev.breakwater.gateway.policy.runtime;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What policies ask to see of the backend's response body as the proxy relays it to the client,
 * piece by piece, without the body being buffered: the token policies find the {@code usage} of an
 * LLM answer there, so that a streamed answer (server-sent events) still reaches the client event by
 * event. A tap keeps what it needs and nothing more (bounded); what it makes of it is usually counted
 * when the exchange ends ({@link ExchangeEndHooks}). Taps see the body only when the final response
 * is the backend's and its body streams; a body the pipeline buffered is read by the policies
 * themselves, and a body dropped for the gateway's own answer is never seen. Kept in the context
 * under a typed key, like {@link ResponseHooks}.
 */
public final class ResponseBodyTaps {

    /** One observer of the relayed body. Pieces come in order, one at a time; the bytes are valid only during the call. */
    public interface Tap {
        /** The backend's body starts to stream to the client. */
        void begin();

        /** The next piece of the body, as it goes to the client. */
        void piece(byte[] bytes, int offset, int length);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ResponseBodyTaps.class);
    private static final ContextKey<ResponseBodyTaps> KEY = new ContextKey<>("response-body-taps", ResponseBodyTaps.class);

    private final List<Tap> taps = new ArrayList<>(2);

    private ResponseBodyTaps() {
    }

    /** Asks for {@code tap} to see the backend's body if it streams; beyond {@link ResponseHooks#MAX_HOOKS} it is refused. */
    public static void add(PolicyContext context, Tap tap) {
        ResponseBodyTaps registered = context.get(KEY);
        if (registered == null) {
            registered = new ResponseBodyTaps();
            context.put(KEY, registered);
        }
        if (registered.taps.size() >= ResponseHooks.MAX_HOOKS) {
            throw new IllegalStateException("more than " + ResponseHooks.MAX_HOOKS + " response body taps in one request");
        }
        registered.taps.add(tap);
    }

    /**
     * The backend's body starts to stream to the client (called by the proxy): the taps are told,
     * and returned to be given each piece; {@code null} when no policy asked for any.
     */
    public static ResponseBodyTaps begin(PolicyContext context) {
        ResponseBodyTaps registered = context.get(KEY);
        if (registered == null) {
            return null;
        }
        context.put(KEY, null);
        for (Tap tap : registered.taps) {
            try {
                tap.begin();
            } catch (RuntimeException e) {
                LOG.warn("request {}: a response body tap failed: {}", context.requestId(), e.toString());
            }
        }
        return registered;
    }

    /** Gives the next piece of the relayed body to every tap; a tap that throws is logged and the body goes on. */
    public void piece(byte[] bytes, int offset, int length) {
        for (Tap tap : taps) {
            try {
                tap.piece(bytes, offset, length);
            } catch (RuntimeException e) {
                LOG.warn("a response body tap failed: {}", e.toString());
            }
        }
    }
}
