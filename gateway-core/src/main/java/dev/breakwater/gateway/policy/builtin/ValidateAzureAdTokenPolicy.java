package dev.breakwater.gateway.policy.builtin;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.jwt.OpenIdKeySource;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <validate-azure-ad-token>}: validate-jwt for tokens of one Microsoft Entra ID (Azure AD)
 * tenant. The step is a {@link ValidateJwtPolicy} (errors with source {@code validate-azure-ad-token},
 * the same reasons and messages) whose keys come from the tenant's OpenID configuration at the
 * gateway's authority (setting {@code aad.authority}), whose issuer must be the one that configuration
 * names (v2, {@code {authority}/{tenant id}/v2.0}) or its v1 form ({@code https://sts.windows.net/{tenant id}/}),
 * and whose client application ({@code azp} of a v2 token, {@code appid} of a v1 one) must be listed.
 * This class holds those Entra-specific checks; {@link ValidateAzureAdTokenCompiler} reads the element.
 */
public final class ValidateAzureAdTokenPolicy {

    static final String SOURCE = "validate-azure-ad-token";

    /** The v1 issuer's host: Entra ID's v1 tokens name {@code https://sts.windows.net/{tenant id}/}. */
    static final String V1_ISSUER_PREFIX = "https://sts.windows.net/";

    /** A v2 issuer: anything, then the tenant's id, then {@code /v2.0}. */
    private static final Pattern V2_ISSUER = Pattern.compile(".*/([^/]+)/v2\\.0/?");

    private ValidateAzureAdTokenPolicy() {
    }

    /**
     * The issuers a token may name: the issuer the tenant's OpenID configuration names (with a tenant
     * given as a domain name, the configuration is what knows the tenant's id), and its v1 form.
     * Neither is known before the keys were fetched, which happens before a token's claims are checked.
     */
    static List<Value<String>> issuers(ValidateJwtPolicy.OpenIdSource tenant) {
        Value<String> v2 = context -> issuerOf(tenant, context);
        Value<String> v1 = context -> v1Issuer(issuerOf(tenant, context));
        return List.of(v2, v1);
    }

    private static String issuerOf(ValidateJwtPolicy.OpenIdSource tenant, PolicyContext context)
            throws PolicyException {
        OpenIdKeySource source = tenant.resolve(context);
        return source == null ? null : source.issuer();
    }

    /** {@code https://sts.windows.net/{tid}/} for a v2 issuer {@code …/{tid}/v2.0}, else null. */
    static String v1Issuer(String v2Issuer) {
        if (v2Issuer == null) {
            return null;
        }
        Matcher matcher = V2_ISSUER.matcher(v2Issuer);
        return matcher.matches() ? V1_ISSUER_PREFIX + matcher.group(1) + "/" : null;
    }

    /**
     * The client application check: the token's {@code azp} (v2 tokens) or else {@code appid} (v1)
     * must be one of the listed ids. A token with neither misses the claim its version names.
     */
    static ValidateJwtPolicy.ExtraCheck clientApplications(List<String> ids) {
        return (JWTClaimsSet claims, PolicyContext context) -> {
            Object azp = claims.getClaim("azp");
            Object appid = claims.getClaim("appid");
            String name = azp != null || (appid == null && "2.0".equals(claims.getClaim("ver"))) ? "azp" : "appid";
            Object value = azp != null ? azp : appid;
            if (value == null) {
                return new JwtClaimChecks.Failure("TokenClaimNotFound",
                        "JWT token is missing the following claims: " + name + ". Access denied.");
            }
            if (value instanceof String id && ids.contains(id)) {
                return null;
            }
            return new JwtClaimChecks.Failure("TokenClaimValueNotAllowed", "Claim " + name + " value of "
                    + JwtClaimChecks.echo(String.valueOf(value)) + " is not allowed. Access denied.");
        };
    }

    /** Registered for {@code <validate-azure-ad-token>}: inbound only, as in APIM. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return SOURCE;
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Set<Trait> traits() {
            return EnumSet.of(Trait.MAY_PAUSE);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return ValidateAzureAdTokenCompiler.compile(element, context);
        }
    }
}
