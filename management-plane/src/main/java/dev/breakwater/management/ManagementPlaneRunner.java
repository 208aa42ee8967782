package dev.breakwater.management;

import dev.breakwater.gateway.bootstrap.Launcher;

/** {@code java -jar management-plane.jar --config management-plane.properties [--name=value ...]}: see {@link Launcher}. */
public final class ManagementPlaneRunner {

    private ManagementPlaneRunner() {
    }

    public static void main(String[] args) {
        Launcher.launch("management plane", "management-plane.jar", ManagementSettings.ALL, args, ManagementPlane::start);
    }
}
