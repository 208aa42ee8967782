package dev.breakwater.war;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.ServerConnector;

/**
 * What the integration tests deploy and configure: the built WAR itself, a configuration
 * document pointing at a test backend, and a settings file named by the {@code gateway.config}
 * system property, as an operator would set it in the container's JVM options.
 */
final class WarFixtures {

    /** The context path the tests deploy the WAR under; the gateway must work below a context. */
    static final String CONTEXT_PATH = "/gw";

    private WarFixtures() {
    }

    /** {@code target/gateway.war}, as {@code mvn package} built it (failsafe passes its location). */
    static Path war() {
        Path war = Path.of(System.getProperty("breakwater.war", "target/gateway.war")).toAbsolutePath();
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(war + " is missing: run the integration tests with 'mvn verify'");
        }
        return war;
    }

    /**
     * The built WAR as an embedded Jetty 12 deploys it: at {@link #CONTEXT_PATH}, unpacked under
     * {@code dir/jetty}, failing the server's start with the listener's message rather than later with a 503.
     */
    static WebAppContext webapp(Path dir) {
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(CONTEXT_PATH);
        webapp.setWar(war().toString());
        webapp.setTempDirectory(dir.resolve("jetty").toFile());
        webapp.setThrowUnavailableOnStartupException(true);
        return webapp;
    }

    /** The connector on loopback at an ephemeral port, added to its server. */
    static ServerConnector onLoopback(ServerConnector connector) {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.getServer().addConnector(connector);
        return connector;
    }

    /**
     * Writes the settings file of a gateway serving {@code resource} (a configuration document
     * under {@code src/test/resources/config}, {@code ${backend}} replaced by the backend's URL).
     *
     * @param extra more settings, e.g. a misspelt one
     */
    static Path settingsFile(Path dir, String resource, String backendUrl, Map<String, String> extra)
            throws IOException {
        Path document = dir.resolve(resource);
        Files.writeString(document, readResource("/config/" + resource).replace("${backend}", backendUrl));
        Properties settings = new Properties();
        settings.setProperty("config.local.file", document.toString());
        // The minimum: two cores here, and the tests send a handful of requests.
        settings.setProperty("proxy.max.threads", "8");
        settings.putAll(extra);
        Path file = dir.resolve(resource.replace(".json", ".properties"));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            settings.store(writer, "written by " + WarFixtures.class.getSimpleName());
        }
        return file;
    }

    /** The settings file of a gateway serving this configuration document (written beside it as {@code name}). */
    static Path settingsFileFor(Path dir, String name, String document) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, document);
        Properties settings = new Properties();
        settings.setProperty("config.local.file", file.toString());
        settings.setProperty("proxy.max.threads", "8");
        Path properties = dir.resolve(name.replace(".json", ".properties"));
        try (Writer writer = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
            settings.store(writer, "written by " + WarFixtures.class.getSimpleName());
        }
        return properties;
    }

    /** A settings file for a managed gateway: only these settings (and a small thread pool). */
    static Path managedSettingsFile(Path dir, Map<String, String> settings) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("proxy.max.threads", "8");
        properties.putAll(settings);
        Path file = dir.resolve("managed.properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "written by " + WarFixtures.class.getSimpleName());
        }
        return file;
    }

    /** Points {@code gateway.config} at the file until closed; the property is JVM-wide, so restore it. */
    static AutoCloseable useSettings(Path settingsFile) {
        String before = System.setProperty(GatewayWebListener.CONFIG_PROPERTY, settingsFile.toString());
        return () -> {
            if (before == null) {
                System.clearProperty(GatewayWebListener.CONFIG_PROPERTY);
            } else {
                System.setProperty(GatewayWebListener.CONFIG_PROPERTY, before);
            }
        };
    }

    private static String readResource(String name) throws IOException {
        try (InputStream in = WarFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
