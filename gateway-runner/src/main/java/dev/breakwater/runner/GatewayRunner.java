package dev.breakwater.runner;

import dev.breakwater.gateway.bootstrap.Launcher;
import dev.breakwater.gateway.settings.GatewaySettings;

/** {@code java -jar gateway-runner.jar --config gateway.properties [--name=value ...]}: see {@link Launcher}. */
public final class GatewayRunner {

    private GatewayRunner() {
    }

    public static void main(String[] args) {
        Launcher.launch("gateway", "gateway-runner.jar", GatewaySettings.ALL, args, GatewayServer::start);
    }
}
