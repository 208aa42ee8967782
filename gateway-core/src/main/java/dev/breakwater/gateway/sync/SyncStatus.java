package dev.breakwater.gateway.sync;

import java.time.Instant;

/** What the sync knows of itself, for heartbeats and status; written by the sync threads. */
public final class SyncStatus {

    private volatile Instant lastPull;
    private volatile Instant disconnectedSince;
    private volatile String lastError;
    private volatile long appliedRevision = -1;
    private volatile long heartbeatsSent;
    private volatile long heartbeatFailures;

    void pulled(Instant at) {
        lastPull = at;
        disconnectedSince = null;
        if (lastError != null && lastError.startsWith("pull: ")) {
            lastError = null;
        }
    }

    void failed(String reason, Instant at) {
        if (disconnectedSince == null) {
            disconnectedSince = at;
        }
        lastError = "pull: " + reason;
    }

    void applied(long revision) {
        appliedRevision = revision;
        lastError = null;
    }

    void refused(String reason) {
        lastError = "refused: " + reason;
    }

    synchronized void heartbeatSent() {
        heartbeatsSent++;
    }

    synchronized void heartbeatFailed() {
        heartbeatFailures++;
    }

    public Instant lastPull() {
        return lastPull;
    }

    /** Since when the management plane has not answered, or {@code null} while it does. */
    public Instant disconnectedSince() {
        return disconnectedSince;
    }

    public String lastError() {
        return lastError;
    }

    public long appliedRevision() {
        return appliedRevision;
    }

    public synchronized long heartbeatsSent() {
        return heartbeatsSent;
    }

    public synchronized long heartbeatFailures() {
        return heartbeatFailures;
    }
}
