package dev.breakwater.gateway.proxy;

import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;

/**
 * A request that failed on the client's side: a malformed or cut-off body (400), a body too
 * slow to arrive (408), a client that went away. Counted as a client error, never as a backend
 * failure, and logged quietly: a client cannot flood the log. The client is told, if it is still
 * there; a client whose connection broke is not answered, and the request log records
 * {@link #CLIENT_CLOSED}, as it does when an answer cannot be written.
 *
 * @param status  the status of the answer
 * @param message what the client is told
 */
record ClientFault(int status, String message) {

    /** The status nginx records for a request whose client closed the connection. */
    static final int CLIENT_CLOSED = 499;

    private static final ClientFault GONE = new ClientFault(400, "The request could not be read");

    static ClientFault of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() == 408 || cause instanceof TimeoutException) {
                return new ClientFault(408, "The request body did not arrive in time");
            }
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                // Jetty reports a malformed chunk and a body cut short alike ("Early EOF")
                return new ClientFault(http.getCode(), "The request body is malformed or incomplete");
            }
        }
        return gone();
    }

    /** The connection broke: there is probably nobody left to answer. */
    static ClientFault gone() {
        return GONE;
    }

    /** Whether the connection broke, rather than the client sending something wrong or too slowly. */
    boolean connectionLost() {
        return GONE.equals(this);
    }
}
