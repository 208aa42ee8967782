package dev.breakwater.runner;

import dev.breakwater.gateway.bootstrap.Gateway;
import dev.breakwater.gateway.bootstrap.Launcher;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.proxy.ReadinessServlet;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A gateway on an embedded Jetty: one HTTP listener, the gateway servlet on every path, the
 * readiness probe beside it, and a graceful stop that lets in-flight requests finish.
 */
public final class GatewayServer implements Launcher.Running {

    /** Jetty's proxy servlet takes its executor from this context attribute. */
    private static final String EXECUTOR_ATTRIBUTE = "org.eclipse.jetty.server.Executor";
    private static final int OUTPUT_BUFFER_SIZE = 64 * 1024;

    private final Gateway gateway;
    private final Server server;
    private final ServerConnector connector;

    private GatewayServer(Gateway gateway, Server server, ServerConnector connector) {
        this.gateway = gateway;
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts the gateway and its listener.
     *
     * @throws SettingsException when a setting is missing or malformed
     * @throws ConfigException   when the configuration cannot be served
     * @throws Exception         when Jetty cannot start (the port is taken, ...)
     */
    public static GatewayServer start(Settings settings) throws Exception {
        int port = settings.integer(GatewaySettings.HTTP_PORT, 0, 65535);
        String host = settings.require(GatewaySettings.HTTP_HOST);
        Duration shutdownTimeout = settings.duration(GatewaySettings.SHUTDOWN_TIMEOUT);
        Gateway gateway = Gateway.start(settings);
        try {
            QueuedThreadPool threads = new QueuedThreadPool(200, 8);
            threads.setName("breakwater-http");
            // No reserved threads: on few cores, handing the selector over to a reserved thread so
            // that the selecting thread can run the task itself cost more than it saved (+10% req/s).
            threads.setReservedThreads(0);
            Server server = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            // One 64 KiB buffer per response: a typical body leaves in one write (+18% req/s at 64 KiB).
            http.setOutputBufferSize(OUTPUT_BUFFER_SIZE);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            server.addConnector(connector);

            ServletContextHandler context = new ServletContextHandler("/");
            context.setAttribute(EXECUTOR_ATTRIBUTE, threads);
            ServletHolder proxy = new ServletHolder("gateway", gateway.newGatewayServlet());
            proxy.setInitParameters(gateway.proxyInitParameters(false));
            proxy.setAsyncSupported(true);
            proxy.setInitOrder(0);
            context.addServlet(proxy, "/*");
            context.addServlet(new ServletHolder("readiness", gateway.newReadinessServlet()), ReadinessServlet.PATH);

            server.setHandler(new GracefulHandler(context));
            server.setErrorHandler(new JsonErrorHandler());
            server.setStopTimeout(shutdownTimeout.toMillis());
            server.setStopAtShutdown(false);
            server.start();
            return new GatewayServer(gateway, server, connector);
        } catch (Exception e) {
            gateway.close();
            throw e;
        }
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    public Gateway gateway() {
        return gateway;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops accepting, lets in-flight requests finish (up to the shutdown timeout), then stops. */
    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            gateway.close();
        }
    }
}
