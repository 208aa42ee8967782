package dev.breakwater.runner;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * HTTP/1.1 connections that must deliver a request's headers within a time limit once the
 * request has begun. The idle timeout alone lets a client that sends one byte every few
 * seconds hold a connection for hours; this bounds each request head, so slow-header clients
 * cannot pile up connections. A connection that misses the limit is closed, as nginx does.
 *
 * <p>The clock is started only for a head that did not arrive whole in one read: scheduling and
 * cancelling a timer for every request woke the scheduler's thread each time, one more thread
 * hand-off per request. The limit then counts from the end of that first read, a few
 * milliseconds at most after the head began.
 */
final class HeaderTimeoutConnectionFactory extends HttpConnectionFactory {

    private final long headerTimeoutMillis;

    HeaderTimeoutConnectionFactory(HttpConfiguration configuration, long headerTimeoutMillis) {
        super(configuration);
        this.headerTimeoutMillis = headerTimeoutMillis;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        TimedConnection connection = new TimedConnection(getHttpConfiguration(), connector, endPoint,
                headerTimeoutMillis);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /** A connection whose request heads are timed. */
    private static final class TimedConnection extends HttpConnection {
        private final Scheduler scheduler;
        private final EndPoint endPoint;
        private final long timeoutMillis;
        private volatile Scheduler.Task timer;
        /** A request head has begun and is not complete yet; only read and written by the reading thread. */
        private boolean headOpen;

        TimedConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint, long timeoutMillis) {
            super(configuration, connector, endPoint);
            this.scheduler = connector.getScheduler();
            this.endPoint = endPoint;
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        protected RequestHandler newRequestHandler() {
            return new TimedRequestHandler();
        }

        @Override
        public void onFillable() {
            super.onFillable();
            if (headOpen && timer == null) {
                start(); // the head did not arrive whole: from now on it is timed
            }
        }

        private void start() {
            stop();
            timer = scheduler.schedule(endPoint::close, timeoutMillis, TimeUnit.MILLISECONDS);
        }

        private void stop() {
            Scheduler.Task running = timer;
            if (running != null) {
                running.cancel();
                timer = null;
            }
        }

        /** Notes when a request begins, stops the clock when its headers are complete. */
        private final class TimedRequestHandler extends RequestHandler {
            @Override
            public void messageBegin() {
                super.messageBegin();
                headOpen = true;
            }

            @Override
            public boolean headerComplete() {
                headOpen = false;
                stop();
                return super.headerComplete();
            }

            @Override
            public void earlyEOF() {
                headOpen = false;
                stop();
                super.earlyEOF();
            }

            @Override
            public void badMessage(HttpException failure) {
                headOpen = false;
                stop();
                super.badMessage(failure);
            }
        }
    }
}
