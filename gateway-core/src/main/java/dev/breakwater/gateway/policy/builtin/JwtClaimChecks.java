package dev.breakwater.gateway.policy.builtin;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Value;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * validate-jwt's checks of a token's claims once its signature holds: lifetime (exp, nbf with the
 * clock skew), audience and issuer (any of the listed; {@code {tenantid}} in an issuer is the token's
 * {@code tid}), required claims (all or any of the listed
 * values, claim values split on the separator). Each failure names APIM's reason, from APIM's table of
 * validate-jwt's predefined errors: a failure the table has no row for (a token not yet valid, one
 * without an expiration time) is {@code JwtInvalid}, whose message has no "Access denied." suffix.
 */
final class JwtClaimChecks {

    /**
     * A {@code <claim>} of {@code <required-claims>}.
     *
     * @param separator the separator's literal pattern, compiled once; null when the claim is not split
     */
    record RequiredClaim(String name, boolean matchAll, Pattern separator, List<Value<String>> values) {
    }

    /** A failed check: APIM's reason and {@code context.LastError.Message}. */
    record Failure(String reason, String message) {
    }

    private static final int MAX_ECHOED_VALUE = 64;
    private static final String TENANT_TEMPLATE = "{tenantid}";

    private final boolean requireExpirationTime;
    private final Value<Integer> clockSkewSeconds;
    private final List<Value<String>> audiences;
    private final List<Value<String>> issuers;
    private final List<RequiredClaim> requiredClaims;

    JwtClaimChecks(boolean requireExpirationTime, Value<Integer> clockSkewSeconds, List<Value<String>> audiences,
                   List<Value<String>> issuers, List<RequiredClaim> requiredClaims) {
        this.requireExpirationTime = requireExpirationTime;
        this.clockSkewSeconds = clockSkewSeconds;
        this.audiences = audiences;
        this.issuers = issuers;
        this.requiredClaims = requiredClaims;
    }

    /** The first failed check, or null when the claims are acceptable. */
    Failure check(JWTClaimsSet claims, PolicyContext context) throws PolicyException {
        Failure lifetime = lifetime(claims, context);
        if (lifetime != null) {
            return lifetime;
        }
        if (!audiences.isEmpty() && !anyOf(claims.getAudience(), audiences, context)) {
            return new Failure("TokenAudienceNotAllowed", "Audience validation failed. Access denied.");
        }
        if (!issuers.isEmpty() && !issuerAllowed(claims, context)) {
            return new Failure("TokenIssuerNotAllowed", "Issuer validation failed. Access denied.");
        }
        return required(claims, context);
    }

    private Failure lifetime(JWTClaimsSet claims, PolicyContext context) throws PolicyException {
        long now = context.clock().millis();
        // a constant is bounded at compile time; an expression's negative skew would shorten lifetimes
        long skew = Math.max(0, clockSkewSeconds.get(context)) * 1000L;
        Date expires;
        Date notBefore;
        try {
            expires = claims.getExpirationTime();
            notBefore = claims.getNotBeforeTime();
        } catch (RuntimeException e) {
            expires = null;
            notBefore = null;
        }
        // Nimbus reads a non-numeric exp/nbf as absent: such a claim must not pass for a missing one
        if ((expires == null && claims.getClaim("exp") != null) || (notBefore == null && claims.getClaim("nbf") != null)) {
            return new Failure("JwtInvalid", "JWT lifetime claims are not valid.");
        }
        if (expires == null && requireExpirationTime) {
            return new Failure("JwtInvalid", "JWT has no expiration time.");
        }
        if (expires != null && now - skew >= expires.getTime()) {
            return new Failure("TokenExpired", "JWT has expired. Access denied.");
        }
        if (notBefore != null && now + skew < notBefore.getTime()) {
            return new Failure("JwtInvalid", "JWT is not yet valid.");
        }
        return null;
    }

    /**
     * Whether the token's issuer is one of the allowed. An allowed issuer holding {@code {tenantid}} (the
     * issuer Entra ID's multi-tenant configurations name, e.g. {@code …/organizations/v2.0}) stands for
     * the token's own tenant: {@code {tenantid}} is replaced with its {@code tid} claim, as Microsoft's
     * issuer validator does; a token without {@code tid} matches no such issuer.
     */
    private boolean issuerAllowed(JWTClaimsSet claims, PolicyContext context) throws PolicyException {
        String issuer = claims.getIssuer();
        if (issuer == null) {
            return false;
        }
        Object tid = claims.getClaim("tid");
        for (Value<String> value : issuers) {
            String allowed = value.get(context);
            if (allowed != null && allowed.contains(TENANT_TEMPLATE)) {
                allowed = tid instanceof String tenant && !tenant.isBlank() ? allowed.replace(TENANT_TEMPLATE, tenant) : null;
            }
            if (issuer.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyOf(List<String> present, List<Value<String>> allowed, PolicyContext context)
            throws PolicyException {
        if (present == null) {
            return false;
        }
        for (Value<String> value : allowed) {
            String v = value.get(context);
            if (v != null && present.contains(v)) {
                return true;
            }
        }
        return false;
    }

    private Failure required(JWTClaimsSet claims, PolicyContext context) throws PolicyException {
        List<String> missing = new ArrayList<>();
        for (RequiredClaim claim : requiredClaims) {
            if (claims.getClaim(claim.name()) == null) {
                missing.add(claim.name());
            }
        }
        if (!missing.isEmpty()) {
            return new Failure("TokenClaimNotFound",
                    "JWT token is missing the following claims: " + String.join(", ", missing) + ". Access denied.");
        }
        for (RequiredClaim claim : requiredClaims) {
            if (claim.values().isEmpty()) {
                continue;
            }
            List<String> present = valuesOf(claims.getClaim(claim.name()), claim.separator());
            boolean matched = claim.matchAll();
            for (Value<String> expected : claim.values()) {
                boolean has = present.contains(expected.get(context));
                if (claim.matchAll() && !has) {
                    matched = false;
                    break;
                }
                if (!claim.matchAll() && has) {
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                return new Failure("TokenClaimValueNotAllowed", "Claim " + claim.name() + " value of "
                        + echo(String.join(",", present)) + " is not allowed. Access denied.");
            }
        }
        return null;
    }

    /** A claim's values as strings: an array's items, a string split on the separator when one is set. */
    static List<String> valuesOf(Object claim, Pattern separator) {
        List<String> out = new ArrayList<>();
        List<?> items = claim instanceof List<?> list ? list : List.of(claim);
        for (Object item : items) {
            String text = String.valueOf(item);
            if (separator != null) {
                for (String part : separator.split(text, -1)) {
                    out.add(part.strip());
                }
            } else {
                out.add(text);
            }
        }
        return out;
    }

    /** A claim value shown in a message, bounded: it comes from the client. */
    static String echo(String value) {
        return value.length() <= MAX_ECHOED_VALUE ? value : value.substring(0, MAX_ECHOED_VALUE) + "...";
    }
}
