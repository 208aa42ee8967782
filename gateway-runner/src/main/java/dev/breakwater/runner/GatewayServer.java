package dev.breakwater.runner;

import dev.breakwater.gateway.bootstrap.CannotStartException;
import dev.breakwater.gateway.bootstrap.Gateway;
import dev.breakwater.gateway.bootstrap.GatewayMode;
import dev.breakwater.gateway.bootstrap.Launcher;
import dev.breakwater.gateway.bootstrap.ListenerBinding;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.proxy.ReadinessServlet;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.gateway.status.AdminAccessFilter;
import dev.breakwater.gateway.tls.HttpsOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A gateway on an embedded Jetty: the traffic listener (the gateway servlet on every path,
 * the readiness probe beside it), the admin listener ({@code /status}, {@code /health},
 * {@code /metrics}, on 127.0.0.1 by default), and a graceful stop that lets in-flight requests finish.
 */
public final class GatewayServer implements Launcher.Running {

    /** Jetty's proxy servlet takes its executor from this context attribute. */
    private static final String EXECUTOR_ATTRIBUTE = "org.eclipse.jetty.server.Executor";
    private static final int OUTPUT_BUFFER_SIZE = 64 * 1024;
    private static final int RESPONSE_HEADER_HEADROOM = 2048;
    private static final int ADMIN_THREADS = 8;

    private final Gateway gateway;
    private final Server server;
    private final ServerConnector traffic;
    private final ServerConnector admin;
    /** The HTTPS listener, or {@code null} when it is off. */
    private final HttpsConnector https;

    private GatewayServer(Gateway gateway, Server server, ServerConnector traffic, ServerConnector admin,
                          HttpsConnector https) {
        this.gateway = gateway;
        this.server = server;
        this.traffic = traffic;
        this.admin = admin;
        this.https = https;
    }

    /**
     * Starts the gateway and its listeners; returns once a configuration is served.
     *
     * @throws SettingsException when a setting is missing or malformed
     * @throws ConfigException   when there is no configuration to serve
     * @throws Exception         when Jetty cannot start (a port is taken, ...)
     */
    public static GatewayServer start(Settings settings) throws Exception {
        return start(settings, Clock.systemUTC());
    }

    /** As {@link #start(Settings)}, with the clock the gateway reads (tests move it). */
    public static GatewayServer start(Settings settings, Clock clock) throws Exception {
        GatewayMode.of(settings); // a gateway that cannot start binds and creates nothing
        int adminPort = settings.integer(GatewaySettings.ADMIN_PORT, -1, 65535);
        String adminToken = settings.get(GatewaySettings.ADMIN_TOKEN);
        if (adminPort >= 0) {
            requireTokenOffLoopback(settings.require(GatewaySettings.ADMIN_HOST), adminToken);
        }
        // one pool for the listener, the servlet and backend I/O: requests that wait (a backend, a
        // call-out) hold none of its threads, so a small pool serves many requests at once
        int maxThreads = settings.integer(GatewaySettings.PROXY_MAX_THREADS, 8, 10_000);
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
        threads.setName("breakwater-http");
        // Jetty's reserved threads are kept: the selecting thread runs the request it found while a
        // reserved thread takes over selecting, which saves a hand-off per request (+20% req/s at
        // one connection; turning them off gained 10% at 50 connections but lost that).
        Server server = new Server(threads);
        HttpConfiguration http = trafficConfiguration(settings);
        ServerConnector traffic = trafficConnector(server, settings, http);
        HttpsOptions httpsOptions = HttpsOptions.from(settings, settings.require(GatewaySettings.HTTP_HOST), true);
        HttpsConnector https = httpsOptions == null ? null : HttpsConnector.add(server, httpsOptions, http,
                settings.duration(GatewaySettings.HTTP_HEADER_TIMEOUT).toMillis());
        // one limit for both traffic listeners: it bounds what the gateway holds, whatever the scheme
        server.addBean(new NetworkConnectionLimit(settings.integer(GatewaySettings.HTTP_MAX_CONNECTIONS, 1,
                1_000_000), https == null ? new ServerConnector[] {traffic} : new ServerConnector[] {traffic, https.connector()}));
        ServerConnector admin = adminPort < 0 ? null
                : adminConnector(server, settings.require(GatewaySettings.ADMIN_HOST), adminPort);
        // Bound before the gateway starts: a port in use is reported at once, before a sync or a backup.
        // Connections wait in the backlog until the server starts.
        Gateway gateway = null;
        try {
            bind(traffic, "the traffic listener", GatewaySettings.HTTP_PORT, GatewaySettings.HTTP_HOST);
            if (https != null) {
                https.bind();
            }
            if (admin != null) {
                bind(admin, "the admin listener", GatewaySettings.ADMIN_PORT, GatewaySettings.ADMIN_HOST);
            }
            gateway = Gateway.start(settings, clock);
            JettyMetrics.register(gateway.registry(), threads);
            ContextHandlerCollection contexts = new ContextHandlerCollection(trafficContext(gateway, threads));
            if (admin != null) {
                contexts.addHandler(adminContext(gateway, adminToken));
            }
            server.setHandler(new GracefulHandler(contexts));
            server.setErrorHandler(new JsonErrorHandler());
            server.setStopTimeout(settings.duration(GatewaySettings.SHUTDOWN_TIMEOUT).toMillis());
            server.setStopAtShutdown(false);
            server.start();
            if (https != null) {
                https.watch();
            }
            return new GatewayServer(gateway, server, traffic, admin, https);
        } catch (Exception e) {
            traffic.close();
            if (https != null) {
                https.close();
            }
            if (admin != null) {
                admin.close();
            }
            if (gateway != null) {
                gateway.close();
            }
            throw e;
        }
    }

    /**
     * The traffic listener, guarded against slow and greedy clients: a request's headers must
     * arrive within the header timeout, bodies must move at a minimum rate both ways, and at most
     * so many connections are held (more wait in the accept queue). Bodies are read and written
     * without blocking (see GatewayServlet), so a slow client holds no thread meanwhile.
     */
    private static ServerConnector trafficConnector(Server server, Settings settings, HttpConfiguration http)
            throws SettingsException {
        HeaderTimeoutConnectionFactory http1 = new HeaderTimeoutConnectionFactory(http,
                settings.duration(GatewaySettings.HTTP_HEADER_TIMEOUT).toMillis());
        ServerConnector connector = settings.bool(GatewaySettings.H2C_ENABLED)
                // h2c by prior knowledge (the HTTP/2 preface) or by 'Upgrade: h2c' on an HTTP/1.1 request
                ? new ServerConnector(server, http1, new HTTP2CServerConnectionFactory(http))
                : new ServerConnector(server, http1);
        connector.setIdleTimeout(settings.duration(GatewaySettings.HTTP_IDLE_TIMEOUT).toMillis());
        connector.setName("traffic");
        connector.setHost(settings.require(GatewaySettings.HTTP_HOST));
        connector.setPort(settings.integer(GatewaySettings.HTTP_PORT, 0, 65535));
        server.addConnector(connector);
        return connector;
    }

    /** The traffic listeners' HTTP settings, plain and HTTPS alike. */
    @SuppressWarnings("removal") // MinimumDataRateHandler, the successor, did not cut a trickling upload off here
    private static HttpConfiguration trafficConfiguration(Settings settings) throws SettingsException {
        HttpConfiguration http = httpConfiguration();
        http.setIdleTimeout(settings.duration(GatewaySettings.HTTP_IDLE_TIMEOUT).toMillis());
        http.setMinRequestDataRate(settings.integer(GatewaySettings.HTTP_MIN_REQUEST_RATE, 0, Integer.MAX_VALUE));
        http.setMinResponseDataRate(settings.integer(GatewaySettings.HTTP_MIN_RESPONSE_RATE, 0, Integer.MAX_VALUE));
        // room for the largest backend head the gateway accepts, plus the headers it adds itself
        http.setResponseHeaderSize(settings.integer(GatewaySettings.BACKEND_MAX_RESPONSE_HEADERS, 1024, 1024 * 1024)
                + RESPONSE_HEADER_HEADROOM);
        return http;
    }

    /**
     * The admin listener, on a small pool of its own: however busy or attacked the traffic
     * listener is, /health and /status still answer.
     */
    private static ServerConnector adminConnector(Server server, String host, int port) {
        QueuedThreadPool threads = new QueuedThreadPool(ADMIN_THREADS, 2);
        threads.setName("breakwater-admin");
        ServerConnector connector = new ServerConnector(server, threads, null, null, 1, 1,
                new HttpConnectionFactory(httpConfiguration()));
        connector.setName("admin");
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        return connector;
    }

    private static void bind(ServerConnector connector, String listener, String portSetting, String hostSetting)
            throws CannotStartException {
        new ListenerBinding(listener, connector.getHost(), connector.getPort(), portSetting, hostSetting)
                .bind(connector::open);
    }

    private static HttpConfiguration httpConfiguration() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // One 64 KiB buffer per response: a typical body leaves in one write (+18% req/s at 64 KiB).
        http.setOutputBufferSize(OUTPUT_BUFFER_SIZE);
        return http;
    }

    private static ServletContextHandler trafficContext(Gateway gateway, QueuedThreadPool threads) throws SettingsException {
        ServletContextHandler context = new ServletContextHandler("/");
        context.setVirtualHosts(List.of("@traffic", "@" + HttpsConnector.NAME));
        context.setAttribute(EXECUTOR_ATTRIBUTE, threads);
        ServletHolder proxy = new ServletHolder("gateway", gateway.newGatewayServlet());
        proxy.setInitParameters(gateway.proxyInitParameters(false));
        proxy.setAsyncSupported(true);
        proxy.setInitOrder(0);
        context.addServlet(proxy, "/*");
        context.addServlet(new ServletHolder("readiness", gateway.newReadinessServlet()), ReadinessServlet.PATH);
        return context;
    }

    private static ServletContextHandler adminContext(Gateway gateway, String token) {
        ServletContextHandler context = new ServletContextHandler("/");
        context.setVirtualHosts(List.of("@admin"));
        context.addFilter(new FilterHolder(new AdminAccessFilter(token)), "/*", EnumSet.of(DispatcherType.REQUEST));
        ServletHolder status = new ServletHolder("status", gateway.newStatusServlet());
        context.addServlet(status, "/status");
        context.addServlet(status, "/health");
        context.addServlet(new ServletHolder("metrics", gateway.newMetricsServlet()), "/metrics");
        return context;
    }

    /** Open admin endpoints only on loopback: anywhere else they need a token. */
    private static void requireTokenOffLoopback(String host, String token) throws SettingsException {
        try {
            if (token == null && !InetAddress.getByName(host).isLoopbackAddress()) {
                throw new SettingsException("the admin listener on " + host + " is reachable from other hosts: "
                        + "set server.admin.token, or bind it to 127.0.0.1 (server.admin.host)");
            }
        } catch (UnknownHostException e) {
            throw new SettingsException("setting 'server.admin.host' is not a known address: " + host);
        }
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("gateway listening on port " + traffic.getLocalPort() + " (address " + traffic.getHost()
                + "; server.http.port, server.http.host)");
        if (https != null) {
            lines.add(https.describe());
        }
        lines.add(admin == null ? "admin listener: off (server.admin.port=-1)"
                : "admin listening on port " + admin.getLocalPort() + " (address " + admin.getHost()
                + "; server.admin.port, server.admin.host): /status, /health, /metrics");
        lines.addAll(gateway.describe());
        return lines;
    }

    /** The traffic listener's port. */
    public int port() {
        return traffic.getLocalPort();
    }

    /** The HTTPS listener's port, or -1 when it is off. */
    public int httpsPort() {
        return https == null ? -1 : https.port();
    }

    /** The admin listener's port, or -1 when it is off. */
    public int adminPort() {
        return admin == null ? -1 : admin.getLocalPort();
    }

    public Gateway gateway() {
        return gateway;
    }

    /** Stops accepting, lets in-flight requests finish (up to the shutdown timeout), then stops. */
    @Override
    public void close() throws Exception {
        try {
            if (https != null) {
                https.stopWatching();
            }
            server.stop();
        } finally {
            gateway.close();
        }
    }
}
