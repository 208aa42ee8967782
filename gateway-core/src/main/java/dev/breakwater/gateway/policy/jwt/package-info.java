/**
 * What validate-jwt and validate-azure-ad-token need beyond one request: the signing keys of OpenID
 * providers (and the issuer their configuration names), fetched asynchronously through the call-out
 * client and cached per configuration URL for the gateway's lifetime (across revisions).
 */
package dev.breakwater.gateway.policy.jwt;
