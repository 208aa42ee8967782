package dev.breakwater.gateway.tls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches an HTTPS listener's certificate files and serves a changed set to new handshakes,
 * without a restart: every interval it hashes the files' contents (a few KiB: cheaper and surer
 * than trusting modification times, which a copy may preserve). A set that cannot be served (a
 * half-written file, a key that does not match) is refused with one log line per distinct
 * content, and the previous certificates keep serving; the next change is tried again.
 */
public final class CertificateReloader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

    private final HttpsOptions.CertificateSource source;
    private final ServerTls tls;
    private final ScheduledExecutorService scheduler;
    /** The hash of the contents last tried, served or refused; only the scheduler's thread uses it. */
    private byte[] tried;

    private CertificateReloader(HttpsOptions.CertificateSource source, ServerTls tls, String name) {
        this.source = source;
        this.tls = tls;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "breakwater-tls-reload-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts watching; the files as they are now count as served. */
    public static CertificateReloader start(HttpsOptions options, ServerTls tls, String name) {
        CertificateReloader reloader = new CertificateReloader(options.certificates(), tls, name);
        reloader.tried = reloader.hash();
        long millis = options.reloadInterval().toMillis();
        reloader.scheduler.scheduleWithFixedDelay(reloader::check, millis, millis, TimeUnit.MILLISECONDS);
        return reloader;
    }

    /** One look at the files, on the scheduler's thread. */
    private void check() {
        try {
            byte[] hash = hash();
            if (Arrays.equals(hash, tried)) {
                return;
            }
            tried = hash;
            ServerCertificates certificates = ServerCertificates.read(source);
            tls.reload(certificates);
            LOG.info("HTTPS certificates reloaded from {}: now serving {}", source, certificates.served());
        } catch (CertificateFileException e) {
            LOG.warn("HTTPS certificates not reloaded, the previous ones keep serving: {}", e.getMessage());
        } catch (Exception e) {
            LOG.warn("HTTPS certificates not reloaded, the previous ones keep serving: {}", e.toString());
        }
    }

    /**
     * The hash of every file's contents, or of the reason it cannot be read (its size when too large
     * to serve): any change makes another hash, so it is tried once. The files are read with the
     * same bound as when they are served.
     */
    private byte[] hash() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        for (Path file : source.files()) {
            try {
                digest.update(ServerCertificates.bytes(file, "file"));
            } catch (CertificateFileException e) {
                digest.update(e.getMessage().getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
        }
        return digest.digest();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
