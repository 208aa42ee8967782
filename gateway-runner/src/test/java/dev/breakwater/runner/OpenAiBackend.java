package dev.breakwater.runner;

import java.nio.charset.StandardCharsets;
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
 * with a usage event and {@code [DONE]}. It counts the requests it received.
 */
final class OpenAiBackend implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final AtomicInteger received = new AtomicInteger();

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
                if (body.replace(" ", "").contains("\"stream\":true")) {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
                    answer = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"}}]}\n\n"
                            + "data: {\"choices\":[],\"usage\":" + counts + "}\n\ndata: [DONE]\n\n";
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

    int requestsReceived() {
        return received.get();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
