package dev.breakwater.gateway.source;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the configuration document of a local file, and re-reads it when it changes. Polling
 * (not a watch service) also sees files replaced by rename, as editors and Kubernetes config
 * maps do. A change that does not compile is refused and reported once; the configuration
 * being served stays. The log names each content by its hash and modification time, since
 * the revision inside a hand-edited file rarely changes.
 */
public final class LocalFileConfigSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFileConfigSource.class);

    private final Path file;
    private final SnapshotCompiler compiler;
    private final ActiveConfig active;
    private final Duration pollInterval;
    private final ScheduledExecutorService poller;
    private Stamp lastSeen;
    private String lastAppliedHash;
    private String lastRefusedHash;
    private volatile String lastError;

    public LocalFileConfigSource(Path file, SnapshotCompiler compiler, ActiveConfig active, Duration pollInterval) {
        this.file = file;
        this.compiler = compiler;
        this.active = active;
        this.pollInterval = pollInterval;
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "breakwater-config-file");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Loads and applies the file now; a gateway that cannot serve it must not start. */
    public synchronized ConfigSnapshot loadInitial() throws ConfigException {
        Stamp stamp = stamp();
        byte[] bytes = read();
        ConfigSnapshot snapshot;
        try {
            snapshot = compiler.compile(bytes, source());
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
        active.swap(snapshot);
        lastSeen = stamp;
        lastAppliedHash = snapshot.sha256();
        LOG.info("serving configuration revision {} from {} ({}; {} APIs)", snapshot.revision(), file,
                describe(snapshot.sha256(), stamp), snapshot.routes().size());
        return snapshot;
    }

    /** Starts checking the file for changes. */
    public void start() {
        long period = Math.max(10, pollInterval.toMillis());
        poller.scheduleWithFixedDelay(this::checkSafely, period, period, TimeUnit.MILLISECONDS);
    }

    /** The reason the last change was refused, or {@code null} when the file's content is being served. */
    public String lastError() {
        return lastError;
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.error("checking {} failed unexpectedly; will try again", file, e);
        }
    }

    /**
     * Applies the file if its content changed since it was last applied or refused. Content
     * back to what is served clears the error; a refused content is reported once, and again
     * when it comes back after something else.
     */
    synchronized void check() {
        Stamp stamp;
        byte[] bytes;
        try {
            stamp = stamp();
            if (stamp.equals(lastSeen)) {
                return;
            }
            bytes = read();
        } catch (ConfigException e) {
            lastSeen = null; // whatever appears next is read, even with the old time stamp
            refuse(e.getMessage(), "unreadable:" + e.getMessage(), null);
            return;
        }
        lastSeen = stamp;
        String hash = SnapshotCompiler.sha256(bytes);
        if (hash.equals(lastAppliedHash)) {
            if (lastError != null) {
                lastError = null;
                lastRefusedHash = null;
                LOG.info("configuration file {} is back to the content being served ({}): revision {} still "
                        + "serving, the error is cleared", file, describe(hash, stamp), servedRevision());
            }
            return;
        }
        if (hash.equals(lastRefusedHash)) {
            return; // the same refused content, written again
        }
        try {
            ConfigSnapshot snapshot = compiler.compile(bytes, source());
            active.swap(snapshot);
            lastAppliedHash = hash;
            lastRefusedHash = null;
            lastError = null;
            LOG.info("configuration file {} changed ({}): now serving revision {} ({} APIs)", file,
                    describe(hash, stamp), snapshot.revision(), snapshot.routes().size());
        } catch (ConfigException e) {
            refuse(e.getMessage(), hash, stamp);
        }
    }

    private void refuse(String reason, String key, Stamp stamp) {
        if (Objects.equals(key, lastRefusedHash)) {
            return; // reported already
        }
        lastRefusedHash = key;
        lastError = reason;
        LOG.warn("configuration file {}{} refused, still serving revision {} (sha256 {}): {}", file,
                stamp == null ? "" : " (" + describe(key, stamp) + ")", servedRevision(), shortHash(lastAppliedHash),
                reason);
    }

    private String servedRevision() {
        ConfigSnapshot serving = active.current();
        return serving == null ? "none" : String.valueOf(serving.revision());
    }

    /** How the log names one content of the file: a revision number alone repeats across edits. */
    private static String describe(String hash, Stamp stamp) {
        return "sha256 " + shortHash(hash) + ", modified " + Instant.ofEpochMilli(stamp.modifiedMillis());
    }

    private static String shortHash(String hash) {
        return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
    }

    private byte[] read() throws ConfigException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e);
        }
    }

    private Stamp stamp() throws ConfigException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size(), attributes.fileKey());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e);
        }
    }

    private String source() {
        return "file:" + file.toAbsolutePath();
    }

    /** Stops the watcher and waits for it, so that a servlet container sees no thread left behind. */
    @Override
    public void close() {
        poller.shutdownNow();
        try {
            if (!poller.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the configuration file watcher did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What changes when the file is written or replaced. */
    private record Stamp(long modifiedMillis, long size, Object fileKey) {
    }
}
