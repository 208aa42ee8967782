package dev.breakwater.management;

import dev.breakwater.gateway.bootstrap.Launcher;

/** {@code java -jar management-plane.jar --config management-plane.properties [--name=value ...]}: see {@link Launcher}. */
public final class ManagementPlaneRunner {

    static final String USAGE = """
            usage: java -jar management-plane.jar [--config FILE] [--name=value ...]
              --config FILE   a properties file of settings (a sample: conf/management-plane.properties)
              --name=value    any setting, over the file's; also -Dname=value, or the environment (DATA_DIR=...)
              --help          every setting with its default
              --version       the version
            Every setting has a default: without any, it listens on port 9090 and keeps its data in ./data""";

    private ManagementPlaneRunner() {
    }

    public static void main(String[] args) {
        Launcher.launch(new Launcher.Program("management plane", "management-plane.jar", ManagementSettings.ALL, USAGE),
                args, ManagementPlane::start);
    }
}
