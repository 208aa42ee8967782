package dev.breakwater.runner;

import dev.breakwater.gateway.testing.Json;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real OpenAI-style backend on a loopback ephemeral port: every request is answered as a chat
 * completion whose {@code usage} is what the request's {@code X-Usage: prompt,completion} header
 * says (0,0 without one); a request body with {@code "stream":true} gets server-sent events ending
 * with a usage event and {@code [DONE]}. With {@code X-Hold: true}, a stream's first event is sent
 * and flushed, and the rest only once the test opens the gate ({@link #openGate}; at most 10 s
 * later), so a test can see whether the first event reached its client before the rest was sent.
 * It counts the requests it received.
 */
final class OpenAiBackend implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final AtomicInteger received = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(1);
    private volatile boolean holding;

    OpenAiBackend() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                received.incrementAndGet();
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                String[] usage = request.getHeaders().get("X-Usage") == null ? new String[] {"0", "0"}
                        : request.getHeaders().get("X-Usage").split(",");
                int prompt = Integer.parseInt(usage[0].trim());
                int completion = Integer.parseInt(usage[1].trim());
                String counts = "{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion
                        + ",\"total_tokens\":" + (prompt + completion) + "}";
                String answer;
                if (!body.isBlank() && Json.parse(body).path("stream").asBoolean(false)) {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
                    String first = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"}}]}\n\n";
                    answer = "data: {\"choices\":[],\"usage\":" + counts + "}\n\ndata: [DONE]\n\n";
                    if ("true".equals(request.getHeaders().get("X-Hold"))) {
                        Callback.Completable sent = new Callback.Completable();
                        Content.Sink.write(response, false, first, sent);
                        sent.get(10, TimeUnit.SECONDS);
                        CountDownLatch mine = gate; // taken before the test can see it hold and open it
                        holding = true;
                        try {
                            mine.await(10, TimeUnit.SECONDS); // bounded: a test that never opens it still ends
                        } finally {
                            holding = false;
                        }
                    } else {
                        answer = first + answer;
                    }
                } else {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    answer = "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                            + "\"assistant\",\"content\":\"Hello\"}}],\"usage\":" + counts + "}";
                }
                Content.Sink.write(response, true, answer, callback);
                return true;
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** Whether a held stream has sent its first event and waits for the gate. */
    boolean holding() {
        return holding;
    }

    /** Lets a held stream send the rest; the next held stream waits for a new gate. */
    void openGate() {
        CountDownLatch open = gate;
        gate = new CountDownLatch(1);
        open.countDown();
    }

    int requestsReceived() {
        return received.get();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
