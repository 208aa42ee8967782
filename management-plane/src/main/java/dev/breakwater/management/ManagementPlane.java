package dev.breakwater.management;

import dev.breakwater.gateway.bootstrap.Launcher;
import dev.breakwater.gateway.bootstrap.ListenerBinding;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.policy.compile.PolicyRegistry;
import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.secrets.SecretException;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.management.api.ApisResource;
import dev.breakwater.management.api.ErrorMapper;
import dev.breakwater.management.api.BackendsResource;
import dev.breakwater.management.api.CertificatesResource;
import dev.breakwater.management.api.FragmentsResource;
import dev.breakwater.management.api.GatewayConfigurationResource;
import dev.breakwater.management.api.GatewayDocuments;
import dev.breakwater.management.api.GatewaysResource;
import dev.breakwater.management.api.GlobalResource;
import dev.breakwater.management.api.NamedValuesResource;
import dev.breakwater.management.api.ProductsResource;
import dev.breakwater.management.api.SubscriptionsResource;
import dev.breakwater.management.api.UsersResource;
import dev.breakwater.management.auth.AdminToken;
import dev.breakwater.management.db.H2StoreDatabase;
import dev.breakwater.management.db.PostgresStoreDatabase;
import dev.breakwater.management.db.StoreDatabase;
import dev.breakwater.management.db.StoreListener;
import dev.breakwater.management.auth.AuthenticationFilter;
import dev.breakwater.management.auth.GatewayTokens;
import dev.breakwater.management.http.JsonErrorHandler;
import dev.breakwater.management.http.RequestGuard;
import dev.breakwater.management.store.ConfigStore;
import dev.breakwater.management.store.HeartbeatStore;
import dev.breakwater.management.store.RevisionWatch;
import dev.breakwater.management.store.StoreSecrets;
import dev.breakwater.management.store.TelemetryStore;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The management plane, wired by constructors: the store (H2 under {@code data.dir}, or
 * PostgreSQL shared with other instances, whose changes a {@link StoreListener} brings in), the
 * admin API and the gateway API (Jersey) on one Jetty listener, behind the {@link RequestGuard}.
 */
public final class ManagementPlane implements Launcher.Running {

    /**
     * Jersey warns, wrongly, about every resource registered as an instance (eclipse-ee4j/jersey#3700);
     * held here because java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger JERSEY_PROVIDERS =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    static {
        JERSEY_PROVIDERS.setLevel(java.util.logging.Level.SEVERE);
    }

    private final StoreDatabase database;
    private final StoreListener listener;
    private final RevisionWatch watch;
    private final Server server;
    private final ServerConnector connector;
    private final Path dataDir;
    private final boolean adminTokenFromSetting;
    private final long startRevision;
    /** The HTTPS listener, or {@code null} when it is off. */
    private final HttpsListener https;

    private ManagementPlane(StoreDatabase database, StoreListener listener, RevisionWatch watch, Server server,
                            ServerConnector connector, Path dataDir, boolean adminTokenFromSetting, long startRevision,
                            HttpsListener https) {
        this.https = https;
        this.database = database;
        this.listener = listener;
        this.watch = watch;
        this.server = server;
        this.connector = connector;
        this.dataDir = dataDir;
        this.adminTokenFromSetting = adminTokenFromSetting;
        this.startRevision = startRevision;
    }

    /**
     * Checks every setting, then opens the store under {@code data.dir} (created {@code 0700}),
     * its admin token and store key, and starts the listener.
     *
     * @throws SettingsException when a setting is missing or malformed, {@code data.dir} is in use,
     *                           or the admin token or store key cannot be had
     * @throws Exception         when the store cannot be opened or the port is taken
     */
    public static ManagementPlane start(Settings settings) throws Exception {
        ManagementConfig config = ManagementConfig.from(settings);
        Server server = server(config);
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        HttpsListener https = config.https() == null ? null : HttpsListener.add(server, config.https(),
                connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration());
        // Bound first: a port in use is reported before anything is created under data.dir.
        new ListenerBinding("the management plane's listener", connector.getHost(), connector.getPort(),
                ManagementSettings.HTTP_PORT, ManagementSettings.HTTP_HOST).bind(connector::open);
        StoreDatabase database = null;
        try {
            if (https != null) {
                https.bind();
            }
            database = ManagementStore.open(config);
            String adminToken = AdminToken.resolve(config.adminToken(), config.dataDir());
            StoreSecrets.Opened secrets = StoreSecrets.open(database, config.storeKey(), config.dataDir());
            if (secrets.encryptedNow() > 0 && database instanceof H2StoreDatabase h2) {
                h2.h2().closeCompacted(); // no copy of the plain keys may stay in the file
                database = ManagementStore.open(config);
            }
            return start(config, server, connector, database, adminToken, secrets.cipher(), Clock.systemUTC(), https);
        } catch (Exception | Error e) {
            connector.close();
            if (https != null) {
                https.close();
            }
            if (database != null) {
                database.close();
            }
            throw e;
        }
    }

    private static ManagementPlane start(ManagementConfig config, Server server, ServerConnector connector,
                                         StoreDatabase database, String adminToken, SecretCipher cipher, Clock clock,
                                         HttpsListener https) throws Exception {
        AtomicReference<RevisionWatch> watch = new AtomicReference<>();
        ConfigStore store;
        try {
            store = ConfigStore.open(database, cipher, new SnapshotCompiler(PolicyRegistry.builtIn(), clock),
                    new StrictJson(), clock, config.maxRequestBytes(), revision -> watch.get().advance(revision));
        } catch (SecretException e) {
            throw new SettingsException("a secret in " + database.describe() + " cannot be decrypted ("
                    + e.getMessage() + ") although the store key is the right one: the row was altered; restore "
                    + "the store from a backup");
        }
        watch.set(new RevisionWatch(store.state().revision()));
        // Other instances on the same database: their changes arrive by notification
        StoreListener listener = database instanceof PostgresStoreDatabase postgres
                ? StoreListener.start(postgres, config.store().pollInterval(), store::refresh)
                : null;
        HeartbeatStore heartbeats = new HeartbeatStore(database);
        TelemetryStore telemetry = new TelemetryStore(database);
        GatewayTokens tokens = new GatewayTokens(clock);
        ResourceConfig api = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(new AuthenticationFilter(adminToken, store, tokens))
                .register(new ErrorMapper())
                .register(new ApisResource(store))
                .register(new GlobalResource(store, clock))
                .register(new NamedValuesResource(store))
                .register(new FragmentsResource(store))
                .register(new BackendsResource(store))
                .register(new CertificatesResource(store))
                .register(new ProductsResource(store))
                .register(new SubscriptionsResource(store, clock))
                .register(new UsersResource(store, clock))
                .register(new GatewaysResource(store, heartbeats, telemetry, tokens, clock))
                .register(new GatewayConfigurationResource(new GatewayDocuments(store), watch.get(), heartbeats,
                        telemetry, config.longPollMax(), clock));
        server.setHandler(new GracefulHandler(context(config, api)));
        try {
            server.start();
        } catch (Exception e) {
            if (listener != null) {
                listener.close();
            }
            throw e;
        }
        if (https != null) {
            https.watch();
        }
        return new ManagementPlane(database, listener, watch.get(), server, connector,
                database.shared() ? null : config.dataDir(), config.adminToken() != null, store.state().revision(),
                https);
    }

    /** The server and its one listener, not yet bound; the handler comes once the store is open. */
    private static Server server(ManagementConfig config) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("breakwater-mp");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.httpHost());
        connector.setPort(config.httpPort());
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(config.shutdownTimeout().toMillis());
        return server;
    }

    private static ServletContextHandler context(ManagementConfig config, ResourceConfig api) {
        ServletContextHandler context = new ServletContextHandler("/");
        // before Jersey: ambiguous paths and oversized bodies never reach routing or authentication
        FilterHolder guard = new FilterHolder(new RequestGuard(config.maxRequestBytes()));
        guard.setAsyncSupported(true);
        context.addFilter(guard, "/*", EnumSet.of(DispatcherType.REQUEST));
        ServletHolder jersey = new ServletHolder("api", new ServletContainer(api));
        jersey.setAsyncSupported(true); // long polls are suspended, not parked on a thread
        context.addServlet(jersey, "/*");
        context.setErrorHandler(new JsonErrorHandler());
        return context;
    }

    /** The listener's port. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The HTTPS listener's port, or -1 when it is off. */
    public int httpsPort() {
        return https == null ? -1 : https.port();
    }

    /** Long polls held open now, waiting for a change (read-only; for tests). */
    int heldPolls() {
        return watch.waiting();
    }

    @Override
    public List<String> describe() {
        List<String> lines = new java.util.ArrayList<>(List.of("management plane listening on port " + port()
                + " (address " + connector.getHost() + "; server.http.port, server.http.host): /admin for operators, "
                + "/gateway for gateways"));
        if (https != null) {
            lines.add(https.describe());
        }
        lines.addAll(List.of(dataDir == null ? "store: " + database.describe() + " (PostgreSQL, shared; changes of "
                        + "other instances arrive by LISTEN/NOTIFY)" : "data: " + dataDir.toAbsolutePath().normalize(),
                "admin token: " + (adminTokenFromSetting ? "the setting admin.token"
                        : "in " + dataDir.toAbsolutePath().normalize().resolve("admin-token")),
                "configuration revision: " + startRevision));
        return lines;
    }

    /** Stops accepting, lets requests finish, closes the store cleanly. */
    @Override
    public void close() throws Exception {
        try {
            if (listener != null) {
                listener.close();
            }
            watch.close(); // answer held long polls now; the graceful stop would wait for them
            if (https != null) {
                https.stopWatching();
            }
            server.stop();
        } finally {
            database.close();
        }
    }

}
