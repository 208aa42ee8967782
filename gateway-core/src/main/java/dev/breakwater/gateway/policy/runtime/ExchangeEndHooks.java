package dev.breakwater.gateway.policy.runtime;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a policy asks to be done once the exchange is over, with the body bytes it carried: the
 * client's request body read and the response body written to the client. Bandwidth quotas need
 * this: the bytes are known only at the end, and counting them there needs no body buffered. Kept in
 * the context under a typed key, like {@link ResponseHooks}; the proxy runs the hooks once, when it
 * ends the exchange (answered, failed or given up). A hook must not block: it runs on the thread
 * that ends the exchange.
 */
public final class ExchangeEndHooks {

    /** One thing to do at the end. */
    @FunctionalInterface
    public interface Hook {
        /**
         * @param bytesIn  the bytes of the request body read from the client
         * @param bytesOut the bytes of the response body written to the client
         */
        void ended(long bytesIn, long bytesOut);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeEndHooks.class);
    private static final ContextKey<ExchangeEndHooks> KEY = new ContextKey<>("exchange-end-hooks", ExchangeEndHooks.class);
    /** As {@link ResponseHooks}: a policy in a loop must not grow this without bound. */
    static final int MAX_HOOKS = 16;

    private final List<Hook> hooks = new ArrayList<>(2);

    private ExchangeEndHooks() {
    }

    /** Asks for {@code hook} to be run when the exchange ends; beyond {@link #MAX_HOOKS} it is refused. */
    public static void add(PolicyContext context, Hook hook) {
        ExchangeEndHooks registered = context.get(KEY);
        if (registered == null) {
            registered = new ExchangeEndHooks();
            context.put(KEY, registered);
        }
        if (registered.hooks.size() >= MAX_HOOKS) {
            throw new IllegalStateException("more than " + MAX_HOOKS + " exchange end hooks in one request");
        }
        registered.hooks.add(hook);
    }

    /**
     * Runs the hooks in the order added, and forgets them; a hook that throws is logged and the others
     * still run. Called by whatever ends the exchange (the proxy; tests).
     */
    public static void run(PolicyContext context, long bytesIn, long bytesOut) {
        ExchangeEndHooks registered = context.get(KEY);
        if (registered == null) {
            return;
        }
        context.put(KEY, null);
        for (Hook hook : registered.hooks) {
            try {
                hook.ended(bytesIn, bytesOut);
            } catch (RuntimeException e) {
                LOG.warn("request {}: a hook at the end of the exchange failed: {}", context.requestId(), e.toString());
            }
        }
    }
}
