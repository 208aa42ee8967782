package dev.breakwater.gateway.policy.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an inbound policy asks to be done to the response the client finally gets, whichever way it
 * was made: the backend's after outbound, a policy's own (return-response), or on-error's. cors
 * needs this: it decides in inbound, but its headers belong on the response. Kept in the context
 * under a typed key, so the context grows no method for it; {@link RequestFlow} applies the hooks
 * once, when the flow has settled on its response, before the proxy writes the head.
 */
public final class ResponseHooks {

    private static final ContextKey<ResponseHooks> KEY = new ContextKey<>("response-hooks", ResponseHooks.class);
    /** A flow runs hundreds of steps at most; a policy in a loop must not grow this without bound. */
    static final int MAX_HOOKS = 16;

    private final List<Consumer<ResponseMessage>> hooks = new ArrayList<>(2);

    private ResponseHooks() {
    }

    /** Asks for {@code hook} to be run on the final response; beyond {@link #MAX_HOOKS} it is refused. */
    public static void add(PolicyContext context, Consumer<ResponseMessage> hook) {
        ResponseHooks registered = context.get(KEY);
        if (registered == null) {
            registered = new ResponseHooks();
            context.put(KEY, registered);
        }
        if (registered.hooks.size() >= MAX_HOOKS) {
            throw new IllegalStateException("more than " + MAX_HOOKS + " response hooks in one request");
        }
        registered.hooks.add(hook);
    }

    /** Runs the hooks on the context's response, in the order added, and forgets them. */
    static void apply(PolicyContext context) {
        ResponseHooks registered = context.get(KEY);
        if (registered == null) {
            return;
        }
        context.put(KEY, null);
        ResponseMessage response = context.response();
        for (Consumer<ResponseMessage> hook : registered.hooks) {
            hook.accept(response);
        }
    }
}
