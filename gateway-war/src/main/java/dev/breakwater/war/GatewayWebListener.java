package dev.breakwater.war;

import dev.breakwater.gateway.bootstrap.Gateway;
import dev.breakwater.gateway.bootstrap.Version;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.proxy.ReadinessServlet;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.gateway.status.AdminAccessFilter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the gateway when the web application is deployed and stops it when it is undeployed.
 * Settings come, highest first, from system properties, environment variables and the
 * properties file named by the system property {@value #CONFIG_PROPERTY} (or the environment
 * variable {@value #CONFIG_ENVIRONMENT}); the runner-only settings (port, host, shutdown
 * timeout) are ignored here, the container owns the listener.
 *
 * <p>A setting or configuration that cannot be served fails the deployment with one message,
 * logged and thrown, so the container marks the application failed instead of serving 404s
 * from a half-started one.
 */
public final class GatewayWebListener implements ServletContextListener {

    /** System property naming the settings file. */
    public static final String CONFIG_PROPERTY = "gateway.config";
    /** Environment variable naming the settings file, when the system property is not set. */
    public static final String CONFIG_ENVIRONMENT = "GATEWAY_CONFIG";

    private static final Logger LOG = LoggerFactory.getLogger(GatewayWebListener.class);

    // Containers call contextDestroyed even when contextInitialized failed: null then.
    private volatile Gateway gateway;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Gateway started = null;
        try {
            Settings settings = resolveSettings(context.getContextPath());
            started = Gateway.start(settings);
            register(context, started);
            registerAdmin(context, started, settings);
        } catch (SettingsException | ConfigException e) {
            closeQuietly(started);
            throw deploymentFailure(context, e.getMessage(), null);
        } catch (RuntimeException | LinkageError e) {
            // A WAR missing a jar, or a bug: still one message, and no gateway left running behind it.
            closeQuietly(started);
            throw deploymentFailure(context, e.toString(), e);
        }
        gateway = started;
        LOG.info(banner(context.getContextPath(), started));
    }

    /** One log event: version, mode, name, management plane, what is served, the settings file. */
    private static String banner(String contextPath, Gateway started) {
        List<String> lines = new ArrayList<>();
        lines.add("Breakwater gateway " + Version.current() + " started in context '" + contextPath + "'");
        lines.addAll(started.describe());
        String file = settingsFile();
        lines.add("settings file: " + (file == null ? "none (system properties and environment; "
                + CONFIG_PROPERTY + " or " + CONFIG_ENVIRONMENT + " names one)" : Path.of(file).toAbsolutePath().normalize()));
        return String.join(System.lineSeparator() + "  ", lines);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Gateway running = gateway;
        gateway = null;
        if (running != null) {
            running.close(); // the servlets, and the proxy's HTTP client with them, are destroyed already
            LOG.info("gateway stopped in context '{}'", event.getServletContext().getContextPath());
        }
    }


    private static Settings resolveSettings(String contextPath) throws SettingsException {
        String file = settingsFile();
        Map<String, String> entries = Map.of();
        if (file != null) {
            LOG.info("gateway settings file: {}", file);
            entries = Settings.readFile(Path.of(file));
        }
        return Settings.resolve(GatewaySettings.forContainer(contextPath), entries, System.getenv(), Settings.systemProperties(),
                Map.of());
    }

    /** The settings file's name, or {@code null}: none is needed when everything is set otherwise. */
    private static String settingsFile() {
        String file = System.getProperty(CONFIG_PROPERTY);
        if (file == null || file.isBlank()) {
            file = System.getenv(CONFIG_ENVIRONMENT);
        }
        return file == null || file.isBlank() ? null : file.trim();
    }

    private static void register(ServletContext context, Gateway gateway) throws SettingsException {
        ServletRegistration.Dynamic proxy = context.addServlet("gateway", gateway.newGatewayServlet());
        if (proxy == null) {
            throw new IllegalStateException("a servlet named 'gateway' is declared already; remove it from web.xml");
        }
        // Our own thread pool: outside Jetty there is no server executor for the proxy to share.
        proxy.setInitParameters(gateway.proxyInitParameters(true));
        proxy.setAsyncSupported(true); // the proxy completes requests asynchronously; Tomcat answers 500 otherwise
        proxy.setLoadOnStartup(1); // creates the HTTP client at deployment, not on the first request
        mapOrFail(proxy, "/*");

        ServletRegistration.Dynamic readiness = context.addServlet("readiness", gateway.newReadinessServlet());
        if (readiness == null) {
            throw new IllegalStateException("a servlet named 'readiness' is declared already; remove it from web.xml");
        }
        mapOrFail(readiness, ReadinessServlet.PATH);
    }

    /**
     * With {@code server.admin.path} set, {@code /status}, {@code /health} and {@code /metrics}
     * are served under it; they share the traffic port here, so a token is required.
     */
    private static void registerAdmin(ServletContext context, Gateway gateway, Settings settings)
            throws SettingsException {
        String path = settings.get(GatewaySettings.ADMIN_PATH);
        if (path == null) {
            return;
        }
        String token = settings.get(GatewaySettings.ADMIN_TOKEN);
        if (token == null) {
            throw new SettingsException("server.admin.path is set, so server.admin.token must be too: "
                    + "in a servlet container the admin endpoints share the traffic port");
        }
        String prefix = "/" + path.replaceAll("^/+|/+$", "");
        FilterRegistration.Dynamic access = context.addFilter("admin-access", new AdminAccessFilter(token));
        access.setAsyncSupported(true);
        access.addMappingForUrlPatterns(null, false, prefix + "/*");
        ServletRegistration.Dynamic status = context.addServlet("admin-status", gateway.newStatusServlet());
        mapOrFail(status, prefix + "/status");
        mapOrFail(status, prefix + "/health");
        mapOrFail(context.addServlet("admin-metrics", gateway.newMetricsServlet()), prefix + "/metrics");
    }

    private static void mapOrFail(ServletRegistration.Dynamic servlet, String pattern) {
        if (!servlet.addMapping(pattern).isEmpty()) {
            throw new IllegalStateException("the path " + pattern + " is mapped to another servlet already");
        }
    }

    private static IllegalStateException deploymentFailure(ServletContext context, String reason, Throwable cause) {
        String message = "Breakwater gateway cannot start in context '" + context.getContextPath() + "': " + reason;
        if (cause == null) {
            LOG.error(message); // an operator's mistake: the message says it all, a stack trace would bury it
        } else {
            LOG.error(message, cause);
        }
        return new IllegalStateException(message, cause);
    }

    private static void closeQuietly(Gateway started) {
        if (started != null) {
            started.close();
        }
    }

}
