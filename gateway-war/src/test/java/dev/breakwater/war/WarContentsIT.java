package dev.breakwater.war;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code target/gateway.war} holds. The container is the HTTP server: a Jetty server or
 * servlet API in {@code WEB-INF/lib} would clash with Jetty's own classes and shadow Tomcat's,
 * so a dependency change that drags one in must fail the build here.
 */
class WarContentsIT {

    private static List<String> libraries;
    private static boolean hasWebXml;

    @BeforeAll
    static void readWar() throws IOException {
        libraries = new ArrayList<>();
        try (ZipFile war = new ZipFile(WarFixtures.war().toFile())) {
            war.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("WEB-INF/lib/".length()))
                    .forEach(libraries::add);
            hasWebXml = war.getEntry("WEB-INF/web.xml") != null;
        }
    }

    @Test
    void shipsNoJettyServerClasses() {
        List<String> forbidden = libraries.stream()
                .filter(jar -> jar.startsWith("jetty-server") || jar.startsWith("jetty-ee10-servlet")
                        || jar.startsWith("jetty-security") || jar.startsWith("jetty-session"))
                .toList();
        assertEquals(List.of(), forbidden, "Jetty server jars in WEB-INF/lib");
    }

    @Test
    void shipsNoServletApi() {
        List<String> forbidden = libraries.stream()
                .filter(jar -> jar.startsWith("jakarta.servlet-api") || jar.startsWith("tomcat-"))
                .toList();
        assertEquals(List.of(), forbidden, "the container provides the servlet API");
    }

    @Test
    void shipsTheGatewayItsProxyClientAndALoggingBinding() {
        for (String prefix : List.of("gateway-core-", "jetty-ee10-proxy-", "jetty-client-", "jetty-http-",
                "jetty-io-", "jetty-util-", "slf4j-api-", "jetty-slf4j-impl-")) {
            assertNotNull(libraries.stream().filter(jar -> jar.startsWith(prefix)).findFirst().orElse(null),
                    () -> prefix + "*.jar is missing from WEB-INF/lib: " + libraries);
        }
        assertTrue(hasWebXml, "WEB-INF/web.xml");
    }
}
