package dev.breakwater.war;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of the web application's class loader in the Tomcat tests: the test class path
 * without what the WAR must bring itself (the gateway, Jetty's client and proxy, SLF4J,
 * Jackson). The test JVM has all of these, for the test backend; a real Tomcat's {@code lib/}
 * has none. Without this, a WAR missing a jar, or needing jetty-server, would still pass.
 */
final class IsolatingClassLoader extends ClassLoader {

    private static final List<String> HIDDEN_PACKAGES = List.of(
            "dev.breakwater.", "org.eclipse.jetty.", "org.slf4j.", "com.fasterxml.");
    private static final String SERVICES = "META-INF/services/";

    IsolatingClassLoader(ClassLoader parent) {
        super("war-isolation", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isHidden(name)) {
            throw new ClassNotFoundException(name + " is not visible to the web application");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return isHiddenResource(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return isHiddenResource(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    private static boolean isHidden(String className) {
        return HIDDEN_PACKAGES.stream().anyMatch(className::startsWith);
    }

    /** Class files, service registrations (SLF4J finds its binding so) and Jetty's logging settings. */
    private static boolean isHiddenResource(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        if (path.startsWith(SERVICES)) {
            return isHidden(path.substring(SERVICES.length()));
        }
        return path.equals("jetty-logging.properties") || isHidden(path.replace('/', '.'));
    }
}
