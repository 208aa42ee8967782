package dev.breakwater.gateway.snapshot;

import dev.breakwater.gateway.certificate.TrustedCertificates;
import dev.breakwater.gateway.routing.RouteTable;
import dev.breakwater.gateway.subscription.SubscriptionKeys;
import java.time.Instant;

/**
 * One compiled configuration, immutable: the route table with every pipeline compiled.
 * A request takes the current snapshot once and keeps it to the end.
 *
 * @param revision  the document's revision
 * @param sha256    the hash of the document bytes, to tell documents apart
 * @param source    where the document came from, for status and logs
 * @param appliedAt when this snapshot started serving
 * @param subscriptionKeys the subscriptions, by key hash
 * @param trusted   the CA certificates of the configuration ({@code certificates} with {@code ca}):
 *                  backends' TLS trusts them, and whatever else checks certificates against them reads them here
 */
public record ConfigSnapshot(long revision, String sha256, String source, Instant appliedAt, RouteTable routes,
                             SubscriptionKeys subscriptionKeys, TrustedCertificates trusted) {

    public ConfigSnapshot {
        trusted = trusted == null ? TrustedCertificates.NONE : trusted;
    }

    /** A snapshot without CA certificates. */
    public ConfigSnapshot(long revision, String sha256, String source, Instant appliedAt, RouteTable routes,
                          SubscriptionKeys subscriptionKeys) {
        this(revision, sha256, source, appliedAt, routes, subscriptionKeys, TrustedCertificates.NONE);
    }

    /** A snapshot without subscriptions. */
    public ConfigSnapshot(long revision, String sha256, String source, Instant appliedAt, RouteTable routes) {
        this(revision, sha256, source, appliedAt, routes, SubscriptionKeys.NONE);
    }
}
