package dev.breakwater.gateway.certificate;

import dev.breakwater.gateway.policy.callout.CalloutRequest;
import dev.breakwater.gateway.policy.callout.Callouts;
import dev.breakwater.gateway.policy.runtime.Headers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jetty.client.HttpClient;

/**
 * The gateway's certificate revocation lists, fetched from the addresses certificates name, without
 * holding a thread (the call-out client), bounded in size ({@code policy.body.max.bytes}) and time
 * (10 s), and kept until the list's own next update, at most an hour; concurrent requests for one
 * list share one fetch. A list that cannot be fetched or read is not kept: the next request tries
 * again, and the certificate's status meanwhile is unknown.
 */
public final class RevocationLists {

    static final long TIMEOUT_MILLIS = 10_000;
    private static final Duration LONGEST_KEPT = Duration.ofHours(1);
    private static final int MAX_LISTS = 128;

    private final Supplier<HttpClient> client;
    private final Clock clock;
    private final int bodyLimit;
    private final Map<URI, Entry> lists = new ConcurrentHashMap<>();

    public RevocationLists(Supplier<HttpClient> client, Clock clock, int bodyLimit) {
        this.client = client;
        this.clock = clock;
        this.bodyLimit = bodyLimit;
    }

    private record Entry(CompletableFuture<X509CRL> list, Instant fetched) {
    }

    /** The lists at these addresses; one that cannot be had is left out (never a failed stage). */
    public CompletableFuture<List<X509CRL>> all(Collection<URI> urls) {
        List<CompletableFuture<X509CRL>> fetches = new ArrayList<>();
        for (URI url : urls) {
            fetches.add(get(url).exceptionally(failure -> null));
        }
        return CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<X509CRL> got = new ArrayList<>();
            for (CompletableFuture<X509CRL> fetch : fetches) {
                X509CRL list = fetch.join();
                if (list != null) {
                    got.add(list);
                }
            }
            return got;
        });
    }

    private CompletableFuture<X509CRL> get(URI url) {
        Instant now = clock.instant();
        if (lists.size() >= MAX_LISTS && !lists.containsKey(url)) {
            lists.clear(); // many addresses: start over rather than grow
        }
        Entry[] made = new Entry[1];
        Entry entry = lists.compute(url, (key, old) -> {
            if (old != null && fresh(old, now)) {
                return old; // kept, or being fetched for another request
            }
            made[0] = new Entry(fetch(key), now);
            return made[0];
        });
        if (made[0] != null) {
            entry.list().whenComplete((list, failure) -> {
                if (failure != null) {
                    lists.remove(url, entry);
                }
            });
        }
        return entry.list();
    }

    private boolean fresh(Entry entry, Instant now) {
        CompletableFuture<X509CRL> list = entry.list();
        if (!list.isDone()) {
            return true;
        }
        if (list.isCompletedExceptionally()) {
            return false;
        }
        X509CRL crl = list.join();
        Instant until = entry.fetched().plus(LONGEST_KEPT);
        if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(until)) {
            until = crl.getNextUpdate().toInstant();
        }
        return now.isBefore(until);
    }

    private CompletableFuture<X509CRL> fetch(URI url) {
        return Callouts.exchange(client.get(), new CalloutRequest("GET", url, new Headers(), new byte[0]),
                TIMEOUT_MILLIS, bodyLimit).thenApply(response -> {
                    if (response.status() != 200) {
                        throw new IllegalStateException("the CRL address answered " + response.status());
                    }
                    try {
                        return (X509CRL) CertificateFactory.getInstance("X.509")
                                .generateCRL(new ByteArrayInputStream(response.body().bytes()));
                    } catch (CertificateException | CRLException e) {
                        throw new IllegalStateException("the CRL cannot be read");
                    }
                });
    }
}
