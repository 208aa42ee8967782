package dev.breakwater.management.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the changes other management planes make to a shared PostgreSQL store into this one:
 * a daemon thread {@code LISTEN}s on a connection of its own and calls {@code refresh} on every
 * notification, after every (re)connect (what was announced while it was not listening is lost,
 * so it reads the store instead), and every {@code pollInterval} as a safety net. An outage is
 * logged once, and its end; meanwhile the instance serves from memory.
 */
public final class StoreListener implements AutoCloseable {

    /** Reads the store again; may fail while the database is away. */
    @FunctionalInterface
    public interface Refresh {
        void run() throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(StoreListener.class);
    /** The longest one wait for notifications blocks: how soon {@link #close()} is noticed. */
    private static final int WAIT_SLICE_MILLIS = 500;
    private static final long RETRY_MILLIS = 1000;

    private final PostgresStoreDatabase database;
    private final long pollMillis;
    private final Refresh refresh;
    private final Thread thread;
    private volatile boolean closed;

    private StoreListener(PostgresStoreDatabase database, Duration pollInterval, Refresh refresh) {
        this.database = database;
        this.pollMillis = pollInterval.toMillis();
        this.refresh = refresh;
        this.thread = new Thread(this::run, "breakwater-store-listener");
        this.thread.setDaemon(true);
    }

    /** Starts listening; the first refresh runs as soon as the connection is made. */
    public static StoreListener start(PostgresStoreDatabase database, Duration pollInterval, Refresh refresh) {
        StoreListener listener = new StoreListener(database, pollInterval, refresh);
        listener.thread.start();
        return listener;
    }

    private void run() {
        boolean failing = false;
        while (!closed) {
            try (Connection connection = database.connection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + PostgresStoreDatabase.CHANNEL);
                }
                refresh.run(); // whatever was announced before this connection listened
                if (failing) {
                    LOG.info("the store {} is reachable again; listening for changes of other instances",
                            database.describe());
                    failing = false;
                }
                listen(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!failing) {
                    LOG.warn("the store {} cannot be read ({}); serving the configuration from memory, changes "
                            + "cannot be made until it returns; retrying every {} ms", database.describe(),
                            e.getMessage(), RETRY_MILLIS);
                    failing = true;
                }
                pause();
            }
        }
    }

    /** Waits for notifications until the connection fails or the listener is closed. */
    private void listen(PGConnection connection) throws SQLException {
        long nextCheck = System.nanoTime() + pollMillis * 1_000_000;
        while (!closed) {
            long untilCheck = (nextCheck - System.nanoTime()) / 1_000_000;
            PGNotification[] notifications = untilCheck > 0
                    ? connection.getNotifications((int) Math.min(untilCheck, WAIT_SLICE_MILLIS)) : null;
            boolean due = System.nanoTime() - nextCheck >= 0;
            if ((notifications != null && notifications.length > 0) || due) {
                refresh.run(); // one read covers any number of notifications
                nextCheck = System.nanoTime() + pollMillis * 1_000_000;
            }
        }
    }

    private synchronized void pause() {
        long until = System.nanoTime() + RETRY_MILLIS * 1_000_000;
        long left;
        while (!closed && (left = (until - System.nanoTime()) / 1_000_000) > 0) {
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops listening; returns once the thread has ended (within about half a second). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
