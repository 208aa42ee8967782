package dev.breakwater.gateway.policy.limits.redis;

import dev.breakwater.gateway.tls.TrustFile;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The gateway's one connection to Redis (Lettuce multiplexes every command over it), made without
 * waiting: {@link #commands()} answers {@code null} while there is no open connection, and the
 * caller counts elsewhere. Lettuce reconnects an established connection by itself (retrying at
 * most every second); a first connection that failed (Redis down when the gateway started) is tried
 * again on use, at most once per {@link #RETRY}. While disconnected, commands are refused at once
 * rather than queued, and every command times out after {@code redis.timeout}: a request never
 * waits longer than that for its counters.
 */
public final class RedisConnector implements AutoCloseable {

    /** Between attempts at a first connection. */
    static final Duration RETRY = Duration.ofSeconds(1);

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final Clock clock;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile long lastAttempt = Long.MIN_VALUE;
    private volatile boolean closed;

    /**
     * @param url      {@code redis://[:password@]host:port[/db]}, {@code rediss://} for TLS
     * @param password overrides the URL's password when not {@code null} (from the environment)
     * @param tlsTrust the CA certificates a {@code rediss://} server's certificate must chain to, instead of
     *                 the JVM's trusted CAs; {@code null}: the JVM's
     * @param timeout  of a command and of connecting
     */
    public RedisConnector(String url, String password, List<X509Certificate> tlsTrust, Duration timeout, Clock clock) {
        this.clock = clock;
        this.uri = RedisURI.create(url);
        if (password != null) {
            uri.setAuthentication(password);
        }
        uri.setTimeout(timeout);
        // two I/O threads: one connection, small answers; a reconnect is tried 10 ms to 1 s apart
        this.resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources);
        ClientOptions.Builder options = ClientOptions.builder();
        if (tlsTrust != null) {
            options.sslOptions(SslOptions.builder().jdkSslProvider().trustManager(TrustFile.trustManagers(tlsTrust)).build());
        }
        client.setOptions(options
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        CompletableFuture<?> first = connect();
        if (first != null) {
            try {
                first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // Redis is not reachable now: requests count as counters.redis.unavailable says until it is
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The commands of the open connection, or {@code null} when Redis is not reachable now. */
    public RedisAsyncCommands<String, String> commands() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            connect();
            return null;
        }
        return current.isOpen() ? current.async() : null;
    }

    /**
     * Starts a first connection unless one is open or being made, or one was tried within {@link #RETRY}.
     *
     * @return the attempt, completing once {@link #connection} is set or the attempt failed; {@code null}
     *         when none was started
     */
    private CompletableFuture<?> connect() {
        long now = clock.millis();
        if (closed || connection != null || now - lastAttempt < RETRY.toMillis() && lastAttempt != Long.MIN_VALUE
                || !connecting.compareAndSet(false, true)) {
            return null;
        }
        lastAttempt = now;
        return client.connectAsync(StringCodec.UTF8, uri).whenComplete((made, failure) -> {
            if (made != null) {
                if (closed) {
                    made.closeAsync();
                } else {
                    connection = made;
                }
            }
            connecting.set(false);
        }).toCompletableFuture();
    }

    /** The failure under a stage's wrappers. */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return; // shared by the counters and the cache: closed once
        }
        closed = true;
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
