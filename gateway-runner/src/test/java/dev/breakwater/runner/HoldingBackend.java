package dev.breakwater.runner;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A backend on a loopback ephemeral port that, while holding, sends nothing back (not even its
 * status) until {@link #release()}: requests stay inside a forward-request for as long as the test
 * wants. Then, and from then on, it answers 200 "done" at once.
 */
final class HoldingBackend implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private volatile CountDownLatch gate;

    HoldingBackend() throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new Handler()), "/*");
        server.setHandler(context);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** Holds every request from now on. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    /** Answers the held requests, and every later one at once. */
    void release() {
        CountDownLatch current = gate;
        gate = null;
        if (current != null) {
            current.countDown();
        }
    }

    /** How many requests are held now. */
    int held() {
        return held.get();
    }

    /** How many requests arrived in all. */
    int received() {
        return received.get();
    }

    @Override
    public void close() throws Exception {
        release();
        server.stop();
    }

    private final class Handler extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            received.incrementAndGet();
            CountDownLatch current = gate;
            if (current != null) {
                held.incrementAndGet();
                try {
                    if (!current.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("the holding backend was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                } finally {
                    held.decrementAndGet();
                }
            }
            response.setContentType("text/plain");
            response.getOutputStream().write("done".getBytes(StandardCharsets.UTF_8));
        }
    }
}
