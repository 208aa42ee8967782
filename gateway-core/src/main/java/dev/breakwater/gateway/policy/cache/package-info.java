/**
 * The gateway's internal value cache behind {@code cache-store-value}, {@code cache-lookup-value} and
 * {@code cache-remove-value}: one per gateway, bounded, each entry expiring after its own duration.
 */
package dev.breakwater.gateway.policy.cache;
