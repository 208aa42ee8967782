package dev.breakwater.gateway.bootstrap;

import java.io.IOException;
import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * What an operator reads when a listener cannot bind: which listener, which address, why in
 * plain words, and which setting to change. Never the library's exception text alone.
 *
 * @param listener    the listener as the operator knows it, e.g. "the traffic listener"
 * @param portSetting the setting of its port
 * @param hostSetting the setting of its address
 */
public record ListenerBinding(String listener, String host, int port, String portSetting, String hostSetting) {

    /** A bind that failed, described: {@code e} is what the socket layer threw. */
    public CannotStartException failure(Exception e) {
        String address = host + ":" + port;
        String start = listener + " cannot bind " + address + " (" + portSetting + "): ";
        String cause = rootMessage(e).toLowerCase(Locale.ROOT);
        String message;
        if (e instanceof UnresolvedAddressException || e.getCause() instanceof UnresolvedAddressException) {
            message = listener + " cannot bind " + address + " (" + hostSetting + "): '" + host
                    + "' is not a known host name; set " + hostSetting + " to an address of this machine, or 0.0.0.0 for all";
        } else if (cause.contains("already in use")) {
            message = start + "address already in use; stop what listens on port " + port
                    + ", or choose another port with " + portSetting + " (0 picks a free one)";
        } else if (cause.contains("permission denied") || cause.contains("access denied")) {
            message = start + "permission denied (ports below 1024 need privileges); choose another port with "
                    + portSetting;
        } else if (cause.contains("cannot assign requested address")) {
            message = listener + " cannot bind " + address + " (" + hostSetting + "): " + host
                    + " is not an address of this machine; set " + hostSetting + " to one of its addresses, or 0.0.0.0 for all";
        } else {
            message = start + rootMessage(e) + "; check " + hostSetting + " and " + portSetting;
        }
        return new CannotStartException(message, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof BindException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Binds with {@code bind}; a failure becomes the message above. */
    public void bind(Binder bind) throws CannotStartException {
        try {
            bind.bind();
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    /** Opens a listener's socket (Jetty's {@code ServerConnector::open}, for instance). */
    @FunctionalInterface
    public interface Binder {
        void bind() throws IOException;
    }
}
