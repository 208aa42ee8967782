package dev.breakwater.gateway.bootstrap;

import dev.breakwater.gateway.backup.BackupRestore;
import dev.breakwater.gateway.backup.ConfigBackup;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.gateway.sync.SyncStatus;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a managed gateway starts: with the management plane's configuration if it answers;
 * else, at once, with the newest usable generation of its backup; else not at all, after
 * {@code config.startup.timeout}, with one message that says what to do. It never becomes
 * ready without a configuration.
 */
final class ManagedStartup {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedStartup.class);

    private ManagedStartup() {
    }

    static void await(SyncStatus status, ConfigBackup backup, SnapshotCompiler compiler, ActiveConfig active,
                      Duration timeout, String endpoint, Clock clock) throws ConfigException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String failure = status.awaitFirstAttempt(timeout);
        if (active.isServing()) {
            return;
        }
        String noBackup = "the backup is disabled (config.backup.enabled=false)";
        if (backup != null) {
            BackupRestore.Result restored = BackupRestore.newestValid(backup, compiler);
            if (restored.snapshot() != null && active.swapIfEmpty(restored.snapshot())) {
                status.servingFromBackup(restored.snapshot().revision(), clock.instant());
                LOG.warn("serving revision {} from the backup (saved {}) since {}: the management plane at {} is not "
                                + "answering ({}); retrying with back-off", restored.snapshot().revision(),
                        restored.generation().savedAt(), clock.instant(), endpoint, failure);
                return;
            }
            noBackup = restored.whyNone() == null ? "" : restored.whyNone();
        }
        while (!active.isServing() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!active.isServing()) {
            throw new ConfigException("no configuration from the management plane at " + endpoint + " within "
                    + timeout.toSeconds() + " s (" + failure + "), and nothing to start from: " + noBackup
                    + ". Check config.service.endpoint, the network and config.service.auth, or start once while "
                    + "the management plane answers, so that the backup has a configuration");
        }
    }
}
