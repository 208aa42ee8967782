package dev.breakwater.gateway.policy.jwt;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.client.HttpClient;

/**
 * The gateway's OpenID key sources, one per configuration URL, shared by every validate-jwt and kept
 * across revisions (a new revision does not refetch keys). Bounded in number: the oldest source is
 * dropped beyond {@link #MAX_SOURCES} (URLs come from configuration, so this only guards against an
 * endless stream of revisions naming new URLs).
 */
public final class OpenIdKeySources {

    static final int MAX_SOURCES = 1_000;

    private final Supplier<HttpClient> client;
    private final Clock clock;
    private final int bodyLimit;
    private final Map<URI, OpenIdKeySource> sources = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<URI, OpenIdKeySource> eldest) {
            return size() > MAX_SOURCES;
        }
    };

    public OpenIdKeySources(Supplier<HttpClient> client, Clock clock, int bodyLimit) {
        this.client = client;
        this.clock = clock;
        this.bodyLimit = bodyLimit;
    }

    /** The source of one configuration URL, made on first use. */
    public synchronized OpenIdKeySource source(URI configurationUrl) {
        return sources.computeIfAbsent(configurationUrl, url -> new OpenIdKeySource(url, client, clock, bodyLimit));
    }
}
