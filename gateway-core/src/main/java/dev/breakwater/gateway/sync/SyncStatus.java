package dev.breakwater.gateway.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the sync knows of itself, for heartbeats and status; written by the sync threads. */
public final class SyncStatus {

    private volatile Instant lastPull;
    private volatile Instant disconnectedSince;
    private volatile String lastError;
    private volatile long appliedRevision = -1;
    private volatile long heartbeatFailures;
    private volatile Instant servingFromBackupSince;
    private volatile Instant lastBackupWrite;
    private volatile long pulls;
    private volatile long pullFailures;
    private volatile long backupRevision = -1;
    private volatile String backupError;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private volatile String firstAttemptFailure;

    /** The first pull ended: {@code failure} is null when a configuration was applied. */
    void attempted(String failure) {
        if (firstAttempt.getCount() > 0) {
            firstAttemptFailure = failure;
            firstAttempt.countDown();
        }
    }

    /**
     * Waits (bounded) for the first pull to end.
     *
     * @return null when it applied a configuration, else why not
     */
    public String awaitFirstAttempt(Duration timeout) throws InterruptedException {
        if (!firstAttempt.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        return firstAttemptFailure;
    }

    /** The gateway serves a configuration restored from its backup. */
    public void servingFromBackup(long revision, Instant since) {
        backupRevision = revision;
        servingFromBackupSince = since;
    }

    void backedUp(long revision, Instant at) {
        backupRevision = revision;
        lastBackupWrite = at;
        backupError = null;
    }

    void backupFailed(String reason) {
        backupError = reason;
    }

    synchronized void pulled(Instant at) {
        pulls++;
        lastPull = at;
        disconnectedSince = null;
        if (lastError != null && lastError.startsWith("pull: ")) {
            lastError = null;
        }
    }

    synchronized void failed(String reason, Instant at) {
        pullFailures++;
        if (disconnectedSince == null) {
            disconnectedSince = at;
        }
        lastError = "pull: " + reason;
    }

    void applied(long revision) {
        appliedRevision = revision;
        lastError = null;
        servingFromBackupSince = null;
    }

    /** A document was refused; {@code reason} is the whole error, as reported. */
    void refused(String reason) {
        lastError = reason;
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

    /** Since when a configuration from the backup is served, or {@code null} when it came from the management plane. */
    public Instant servingFromBackupSince() {
        return servingFromBackupSince;
    }

    public long pulls() {
        return pulls;
    }

    public long pullFailures() {
        return pullFailures;
    }

    /** When the backup was last written, or {@code null}. */
    public Instant lastBackupWrite() {
        return lastBackupWrite;
    }

    /** The revision of the newest configuration in the backup, or -1. */
    public long backupRevision() {
        return backupRevision;
    }

    /** The error to report: a failed backup write first, else the last pull or refusal, or {@code null}. */
    public String reportedError() {
        String backup = backupError;
        return backup != null ? "backup: " + backup : lastError;
    }

    public synchronized long heartbeatFailures() {
        return heartbeatFailures;
    }
}
