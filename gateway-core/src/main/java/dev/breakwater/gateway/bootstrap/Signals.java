package dev.breakwater.gateway.bootstrap;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT start a graceful stop that ends with exit status 0. The JVM's own
 * handling would run shutdown hooks and exit with 143, which service managers read as a
 * failure; {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's way to take over.
 */
public final class Signals {

    private Signals() {
    }

    public static void onTerminate(Runnable stop) {
        Thread stopper = new Thread(stop, "breakwater-stop");
        Signal.handle(new Signal("TERM"), signal -> startOnce(stopper));
        Signal.handle(new Signal("INT"), signal -> startOnce(stopper));
    }

    private static synchronized void startOnce(Thread stopper) {
        if (stopper.getState() == Thread.State.NEW) {
            stopper.start();
        }
    }
}
