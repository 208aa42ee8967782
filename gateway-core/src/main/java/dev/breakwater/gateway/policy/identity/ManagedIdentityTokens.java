package dev.breakwater.gateway.policy.identity;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jetty.client.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's managed identity tokens (authentication-managed-identity), per resource and client
 * id: a token is fetched once and used by every request until shortly before it expires (see
 * {@link IdentityEndpoint#REFRESH_MARGIN}); requests that need a token while it is being fetched
 * wait for that one fetch (single flight), without a thread. A failed fetch is not kept: the next
 * request tries again. At most {@link #MAX_TOKENS} tokens are kept (the resource may come from the
 * request); past that, expired ones are dropped, and if none is, a token is fetched for the request
 * alone. Outlives configuration revisions: a new revision does not fetch again.
 */
public final class ManagedIdentityTokens {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedIdentityTokens.class);

    /** The most tokens kept at once. */
    public static final int MAX_TOKENS = 1000;

    private final IdentityEndpoint endpoint;
    private final Clock clock;
    private final ConcurrentHashMap<Key, CompletableFuture<AccessToken>> tokens = new ConcurrentHashMap<>();

    /**
     * @param endpoint the IMDS-compatible endpoint
     * @param client   the call-out client, asked for at the first fetch
     */
    public ManagedIdentityTokens(URI endpoint, Supplier<HttpClient> client, Clock clock) {
        this.endpoint = new IdentityEndpoint(endpoint, client, clock);
        this.clock = clock;
    }

    /** The token to use now, or {@code null} when none is at hand: the fast path, which never waits. */
    public String cached(String resource, String clientId) {
        CompletableFuture<AccessToken> current = tokens.get(new Key(resource, clientId));
        AccessToken token = current == null ? null : current.getNow(null);
        return token != null && fresh(token) ? token.value() : null;
    }

    /**
     * The token to use, now or once the one fetch for it completes; the stage fails with
     * {@link TokenUnavailableException}.
     */
    public CompletableFuture<AccessToken> token(String resource, String clientId) {
        Key key = new Key(resource, clientId);
        CompletableFuture<AccessToken> current = tokens.get(key);
        if (current != null && usable(current)) {
            return current;
        }
        if (current == null && tokens.size() >= MAX_TOKENS) {
            tokens.values().removeIf(token -> !usable(token));
            if (tokens.size() >= MAX_TOKENS) {
                return fetch(key);
            }
        }
        CompletableFuture<AccessToken> mine = new CompletableFuture<>();
        CompletableFuture<AccessToken> winner = tokens.compute(key,
                (k, existing) -> existing != null && usable(existing) ? existing : mine);
        if (winner == mine) {
            fetch(key).whenComplete((token, failure) -> {
                if (failure != null) {
                    tokens.remove(key, mine); // before the waiters learn of it: the next request tries again
                    mine.completeExceptionally(failure);
                } else {
                    mine.complete(token);
                }
            });
        }
        return winner;
    }

    /** How many tokens (or fetches) are kept now. */
    public int size() {
        return tokens.size();
    }

    private CompletableFuture<AccessToken> fetch(Key key) {
        return endpoint.fetch(key.resource(), key.clientId()).whenComplete((token, failure) -> {
            if (failure != null) {
                LOG.warn("no managed identity token for resource '{}'{} from {}: {}", key.resource(),
                        key.clientId() == null ? "" : " (client id " + key.clientId() + ")", endpoint.describe(),
                        failure.getMessage());
            }
        });
    }

    /** Still being fetched, or fetched and fresh. */
    private boolean usable(CompletableFuture<AccessToken> token) {
        if (!token.isDone()) {
            return true;
        }
        AccessToken done = token.isCompletedExceptionally() ? null : token.getNow(null);
        return done != null && fresh(done);
    }

    private boolean fresh(AccessToken token) {
        return clock.instant().isBefore(token.refreshAt());
    }

    /** A token's identity: the resource and the user-assigned identity's client id ({@code null}: system-assigned). */
    private record Key(String resource, String clientId) {
    }
}
