package dev.breakwater.gateway.policy.limits;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The settings of a gateway's counter store: {@code counters.store} and, for Redis, {@code redis.url},
 * {@code redis.password}, {@code redis.timeout}, {@code counters.redis.unavailable} and
 * {@code counters.concurrency.lease}.
 *
 * @param store       {@code local} or {@code redis}
 * @param namespace   what the keys of a shared store are namespaced by: the gateway's name, which its replicas share
 * @param redisUrl    {@code redis://[:password@]host:port[/db]}, {@code rediss://} for TLS
 * @param redisPassword the password, overriding the URL's ({@code null}: the URL's, if any)
 * @param redisTlsTrust the CA certificates trusted for a {@code rediss://} server ({@code null}: the JVM's)
 * @param redisTimeout  of one Redis command and of connecting
 * @param refuseWhenUnavailable refuse requests (503) while Redis is unreachable, rather than count locally
 * @param concurrencyLease the longest a limit-concurrency slot taken in Redis is held should its release never come
 */
public record CounterStoreConfig(String store, String namespace, String redisUrl, String redisPassword,
                                 List<X509Certificate> redisTlsTrust, Duration redisTimeout, boolean refuseWhenUnavailable, Duration concurrencyLease) {

    /** {@code counters.concurrency.lease}'s default: longer than any request should hold a slot. */
    public static final Duration DEFAULT_CONCURRENCY_LEASE = Duration.ofMinutes(5);

    /** The default: this gateway's memory. */
    public static CounterStoreConfig local() {
        return new CounterStoreConfig(CounterStores.LOCAL, null, null, null, null, null, false, DEFAULT_CONCURRENCY_LEASE);
    }

    /** No password in the text: a record's toString would show it. */
    @Override
    public String toString() {
        return "CounterStoreConfig[store=" + store + ", namespace=" + namespace + ", redisTimeout=" + redisTimeout
                + ", refuseWhenUnavailable=" + refuseWhenUnavailable + ", concurrencyLease=" + concurrencyLease + "]";
    }
}
