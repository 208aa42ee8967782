package dev.breakwater.gateway.policy.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.policy.runtime.ResponseBodyTaps;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds an LLM answer's {@code usage} in its body as the proxy relays it to the client, so that the
 * body is not buffered and a streamed answer reaches the client event by event. Server-sent events
 * are scanned line by line ({@link UsageEvents}); any other answer that may be JSON is copied, up to
 * the policy body limit, and parsed when the exchange ends (an LLM's JSON answer is small; a larger
 * one reports nothing here, and the estimate stands, rather than failing the request). One per
 * response, shared by the request's token policies, which are told the usage once, at the end.
 */
final class UsageTap implements ResponseBodyTaps.Tap {

    private final LlmRequest request;
    private final boolean readable;
    private final boolean events;
    private final boolean json;
    private final int cap;
    private final List<Consumer<TokenUsage>> listeners = new ArrayList<>(2);
    private UsageEvents scanner;
    private byte[] copy;
    private int copied;
    private boolean overflow;
    private boolean begun;
    private boolean finished;

    /**
     * @param readable whether the body is as the backend wrote it (no content coding)
     * @param events   whether it is server-sent events (its type, or a request that asked for a stream)
     * @param json     whether it may be JSON (its type says so, or says nothing)
     * @param cap      the longest event line, the largest JSON copy
     */
    UsageTap(LlmRequest request, boolean readable, boolean events, boolean json, int cap) {
        this.request = request;
        this.readable = readable;
        this.events = events;
        this.json = json;
        this.cap = cap;
    }

    synchronized void listen(Consumer<TokenUsage> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void begin() {
        begun = true;
        if (readable && events) {
            scanner = new UsageEvents(cap);
        }
    }

    @Override
    public synchronized void piece(byte[] bytes, int offset, int length) {
        if (scanner != null) {
            scanner.feed(bytes, offset, length);
        } else if (readable && json && !overflow) {
            keep(bytes, offset, length);
        }
    }

    private void keep(byte[] bytes, int offset, int length) {
        if (copied + length > cap) {
            overflow = true;
            copy = null;
            return;
        }
        if (copy == null || copied + length > copy.length) {
            int room = copy == null ? 1024 : copy.length * 2;
            copy = Arrays.copyOf(copy == null ? new byte[0] : copy, Math.min(cap, Math.max(room, copied + length)));
        }
        System.arraycopy(bytes, offset, copy, copied, length);
        copied += length;
    }

    /** The exchange is over: the usage is worked out once and the listeners told (with {@code null} when there is none). */
    void finish() {
        TokenUsage usage;
        List<Consumer<TokenUsage>> told;
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            usage = usage();
            told = List.copyOf(listeners);
            copy = null;
            scanner = null;
        }
        for (Consumer<TokenUsage> listener : told) {
            listener.accept(usage);
        }
    }

    private TokenUsage usage() {
        if (!begun) {
            return null; // the body never went to the client (the gateway answered instead): nothing known
        }
        if (scanner != null) {
            return scanner.result(request.promptEstimate());
        }
        if (events) { // compressed events: the prompt, as estimated
            return new TokenUsage(request.promptEstimate(), 0, request.promptEstimate(), false);
        }
        if (copy == null || overflow) {
            return null;
        }
        try {
            JsonNode answer = LlmRequest.JSON.readTree(copy, 0, copied);
            return answer == null ? null : TokenUsage.reported(answer.get("usage"));
        } catch (IOException e) {
            return null;
        }
    }
}
