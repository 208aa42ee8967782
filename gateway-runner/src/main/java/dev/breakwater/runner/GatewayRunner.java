package dev.breakwater.runner;

import dev.breakwater.gateway.bootstrap.Launcher;
import dev.breakwater.gateway.settings.GatewaySettings;

/** {@code java -jar gateway-runner.jar --config gateway.properties [--name=value ...]}: see {@link Launcher}. */
public final class GatewayRunner {

    static final String USAGE = """
            usage: java -jar gateway-runner.jar --config FILE [--name=value ...]
              --config FILE   a properties file of settings (a sample: conf/gateway.properties)
              --name=value    any setting, over the file's; also -Dname=value, or the environment (CONFIG_LOCAL_FILE=...)
              --help          every setting with its default
              --version       the version
            A gateway runs in one of two modes:
              standalone  config.local.file=config.json: serves that configuration document, re-read when it changes
              managed     config.service.endpoint=http://management-plane:9090 with gateway.name=NAME and the gateway's
                          token in the environment variable CONFIG_SERVICE_AUTH: the management plane configures it""";

    private GatewayRunner() {
    }

    public static void main(String[] args) {
        Launcher.launch(new Launcher.Program("gateway", "gateway-runner.jar", GatewaySettings.ALL, USAGE), args,
                GatewayServer::start);
    }
}
