package dev.breakwater.gateway.policy.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.breakwater.gateway.policy.callout.CalloutRequest;
import dev.breakwater.gateway.policy.callout.Callouts;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.eclipse.jetty.client.HttpClient;

/**
 * The signing keys of one OpenID provider: its configuration document, then the JWK set at its
 * {@code jwks_uri}, converted once per fetch ({@link VerificationKey}). Fetched without blocking a thread; requests that arrive during a fetch share it.
 * Keys are refreshed when older than {@link #MAX_AGE}, and on a token whose {@code kid} is unknown —
 * but at most once per {@link #MIN_REFRESH_INTERVAL}, so a flood of tokens with made-up key ids cannot
 * hammer the provider. A failed refresh keeps the keys already known; with none known, a failed fetch
 * is not retried before {@link #MIN_REFRESH_INTERVAL} either (requests meanwhile fail at once).
 */
public final class OpenIdKeySource {

    /** How long keys are used before they are fetched again: providers roll keys over days, with overlap. */
    public static final Duration MAX_AGE = Duration.ofHours(1);
    /** The least time between two fetches of one provider, whatever tokens arrive. */
    public static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    private static final long TIMEOUT_MILLIS = 10_000;

    private final URI configurationUrl;
    private final Supplier<HttpClient> client;
    private final Clock clock;
    private final int bodyLimit;

    /** The last fetch that succeeded, read without the lock on every request; null before one has. */
    private volatile Known known;
    private long lastAttempt = Long.MIN_VALUE;
    private CompletableFuture<List<VerificationKey>> inFlight;
    private Throwable lastFailure;

    OpenIdKeySource(URI configurationUrl, Supplier<HttpClient> client, Clock clock, int bodyLimit) {
        this.configurationUrl = configurationUrl;
        this.client = client;
        this.clock = clock;
        this.bodyLimit = bodyLimit;
    }

    /**
     * The keys, fetched first when none are known or they are older than {@link #MAX_AGE}. Fresh keys
     * (the usual case) are returned without taking the lock or making a future.
     */
    public CompletableFuture<List<VerificationKey>> keys() {
        long now = clock.millis();
        Known current = known;
        if (current != null && now - current.fetchedAt() < MAX_AGE.toMillis()) {
            return current.ready();
        }
        synchronized (this) {
            return fetchIfAllowed(now);
        }
    }

    /**
     * The {@code issuer} the configuration document named when the keys were last fetched (null before
     * a fetch succeeded, or when the document names none). validate-azure-ad-token pins tokens to it.
     */
    public String issuer() {
        Known current = known;
        return current == null ? null : current.issuer();
    }

    /**
     * The keys after a token named a key id they lack: fetched again unless a fetch started less
     * than {@link #MIN_REFRESH_INTERVAL} ago (then the keys known, or the fetch under way).
     */
    public synchronized CompletableFuture<List<VerificationKey>> refreshForUnknownKey() {
        return fetchIfAllowed(clock.millis());
    }

    private CompletableFuture<List<VerificationKey>> fetchIfAllowed(long now) {
        if (inFlight != null) {
            return inFlight;
        }
        if (lastAttempt != Long.MIN_VALUE && now - lastAttempt < MIN_REFRESH_INTERVAL.toMillis()) {
            return known != null ? known.ready() : CompletableFuture.failedFuture(lastFailure);
        }
        lastAttempt = now;
        CompletableFuture<List<VerificationKey>> result = new CompletableFuture<>();
        inFlight = result; // before the fetch starts: it may complete on this very thread
        CompletableFuture<Fetched> fetch;
        try {
            fetch = fetch();
        } catch (RuntimeException e) { // no call-out client (the gateway is stopping)
            fetch = CompletableFuture.failedFuture(e);
        }
        fetch.whenComplete((set, failure) -> settle(result, set, failure));
        return result;
    }

    /** Records the fetch's outcome, then completes the shared future outside the lock. */
    private void settle(CompletableFuture<List<VerificationKey>> result, Fetched fetched, Throwable failure) {
        List<VerificationKey> usable;
        Throwable problem;
        synchronized (this) {
            if (inFlight == result) {
                inFlight = null;
            }
            if (failure == null) {
                known = new Known(CompletableFuture.completedFuture(fetched.keys()), fetched.issuer(), clock.millis());
                lastFailure = null;
            } else {
                lastFailure = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
            }
            usable = known == null ? null : known.ready().join();
            problem = lastFailure;
        }
        if (usable != null) {
            result.complete(usable);
        } else {
            result.completeExceptionally(problem);
        }
    }

    /** Keys fetched: completed once, handed to every request until they are too old. */
    private record Known(CompletableFuture<List<VerificationKey>> ready, String issuer, long fetchedAt) {
    }

    /** One fetch's outcome: the keys, and the issuer the configuration document named. */
    private record Fetched(List<VerificationKey> keys, String issuer) {
    }

    private CompletableFuture<Fetched> fetch() {
        return get(configurationUrl).thenCompose(config -> {
            Map<String, Object> document;
            try {
                document = JSONObjectUtils.parse(config);
            } catch (java.text.ParseException e) {
                throw new CompletionException(new KeySourceException("the OpenID configuration is not a JSON object"));
            }
            Object jwksUri = document.get("jwks_uri");
            if (!(jwksUri instanceof String uri)) {
                throw new CompletionException(new KeySourceException("the OpenID configuration has no jwks_uri"));
            }
            String named = document.get("issuer") instanceof String text ? text : null;
            return get(configurationUrl.resolve(uri)).thenApply(jwks -> {
                try {
                    return new Fetched(VerificationKey.of(JWKSet.parse(jwks).getKeys()), named);
                } catch (java.text.ParseException e) {
                    throw new CompletionException(new KeySourceException("the JWK set is not valid"));
                }
            });
        });
    }

    private CompletableFuture<String> get(URI url) {
        Headers headers = new Headers();
        headers.set("Accept", "application/json");
        return Callouts.exchange(client.get(), new CalloutRequest("GET", url, headers, new byte[0]), TIMEOUT_MILLIS, bodyLimit)
                .thenApply((ResponseMessage response) -> {
                    if (response.status() != 200) {
                        throw new CompletionException(new KeySourceException(
                                "the OpenID provider answered " + response.status()));
                    }
                    return new String(response.body().bytes(), StandardCharsets.UTF_8);
                });
    }

    /** Keys could not be fetched; the message names no secret and no address. */
    public static final class KeySourceException extends RuntimeException {
        KeySourceException(String message) {
            super(message);
        }
    }
}
