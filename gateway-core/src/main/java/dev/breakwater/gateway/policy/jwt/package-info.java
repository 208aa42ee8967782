/**
 * What validate-jwt needs beyond one request: the signing keys of OpenID providers, fetched
 * asynchronously through the call-out client and cached per configuration URL for the gateway's
 * lifetime (across revisions), and the checks of a token's claims.
 */
package dev.breakwater.gateway.policy.jwt;
