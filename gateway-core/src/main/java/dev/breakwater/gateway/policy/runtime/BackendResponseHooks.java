package dev.breakwater.gateway.policy.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an inbound policy asks to be done with the backend's response as soon as it is in, before
 * outbound runs: the token policies count the {@code usage} the backend reported there when the
 * body is buffered (so that outbound sees the count in its variables), or else arrange to read it
 * as the body streams ({@link ResponseBodyTaps}). Run only when the backend answered (not when a
 * policy answered first, nor when forwarding failed); the body is there when the pipeline buffers
 * it ({@link Pipeline#readsResponseBody()}). Kept in the context under a typed key, as
 * {@link ResponseHooks} are.
 */
public final class BackendResponseHooks {

    private static final ContextKey<BackendResponseHooks> KEY =
            new ContextKey<>("backend-response-hooks", BackendResponseHooks.class);

    private final List<Consumer<ResponseMessage>> hooks = new ArrayList<>(2);

    private BackendResponseHooks() {
    }

    /** Asks for {@code hook} to run on the backend's response; beyond {@link ResponseHooks#MAX_HOOKS} it is refused. */
    public static void add(PolicyContext context, Consumer<ResponseMessage> hook) {
        BackendResponseHooks registered = context.get(KEY);
        if (registered == null) {
            registered = new BackendResponseHooks();
            context.put(KEY, registered);
        }
        if (registered.hooks.size() >= ResponseHooks.MAX_HOOKS) {
            throw new IllegalStateException("more than " + ResponseHooks.MAX_HOOKS + " backend response hooks in one request");
        }
        registered.hooks.add(hook);
    }

    /** Runs the hooks once on the context's response if it is the backend's, in the order added, and forgets them. */
    static void apply(PolicyContext context) {
        BackendResponseHooks registered = context.get(KEY);
        if (registered == null || !context.response().isFromBackend()) {
            return;
        }
        context.put(KEY, null);
        ResponseMessage response = context.response();
        for (Consumer<ResponseMessage> hook : registered.hooks) {
            hook.accept(response);
        }
    }
}
