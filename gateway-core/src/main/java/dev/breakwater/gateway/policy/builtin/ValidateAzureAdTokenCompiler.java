package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.ValueReader;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code <validate-azure-ad-token>}: APIM's attributes (token from header {@code Authorization}
 * by default, status 401) and children, in any order. {@code tenant-id} may be an expression, as in
 * APIM; application ids are constants or named values (APIM allows no expression there).
 * {@code <decryption-keys>} is validate-jwt's (Entra ID encrypts tokens to an application's certificate).
 * Refused by name: {@code authentication-endpoint} (the authority is the gateway's setting
 * {@code aad.authority}).
 */
final class ValidateAzureAdTokenCompiler {

    /** A tenant id (a GUID) or a verified domain name: what can stand in the authority's path. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");
    /** Entra ID's multi-tenant names: their tokens have no one issuer this policy could pin. */
    private static final Set<String> MULTI_TENANT = Set.of("common", "organizations", "consumers");

    private ValidateAzureAdTokenCompiler() {
    }

    static ValidateJwtPolicy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
        if (element.attribute("authentication-endpoint") != null) {
            throw new PolicyCompileException(element, "validate-azure-ad-token's authentication-endpoint is not "
                    + "supported: the gateway's Entra ID authority is its setting aad.authority");
        }
        element.allowAttributes("tenant-id", "header-name", "query-parameter-name", "token-value",
                "failed-validation-httpcode", "failed-validation-error-message", "output-token-variable-name");
        element.allowChildren("client-application-ids", "backend-application-ids", "audiences", "required-claims",
                "decryption-keys");
        element.forbidText();
        ValueReader reader = context.values();
        ValidateJwtPolicy.OpenIdSource tenant = tenantKeys(element, context);
        ValidateJwtPolicy.TokenSource source = ValidateJwtCompiler.tokenSource(element, reader);
        Value<Integer> status = reader.integer(element, "failed-validation-httpcode", 401, 200, 599);
        Value<String> message = reader.string(element, "failed-validation-error-message");
        String output = reader.literal(element, "output-token-variable-name");

        List<String> clients = new ArrayList<>();
        List<Value<String>> audiences = new ArrayList<>();
        List<JwtClaimChecks.RequiredClaim> claims = new ArrayList<>();
        JwtDecryption decryption = JwtDecryption.NONE;
        for (PolicyElement child : element.children()) {
            switch (child.name()) {
                case "decryption-keys" -> decryption = ValidateJwtCompiler.decryptionKeys(child, decryption, context);
                case "client-application-ids" -> clients.addAll(applicationIds(child, reader));
                case "backend-application-ids" -> {
                    // a backend application's tokens name it as audience: its id, or its default app ID URI
                    for (String id : applicationIds(child, reader)) {
                        audiences.add(Value.of(id));
                        audiences.add(Value.of("api://" + id));
                    }
                }
                case "audiences" -> audiences.addAll(ValidateJwtCompiler.list(child, "audience", reader));
                case "required-claims" -> claims.addAll(ValidateJwtCompiler.requiredClaims(child, reader));
                default -> throw new PolicyCompileException(child, "unexpected element");
            }
        }
        if (clients.isEmpty()) { // absent or empty alike
            throw new PolicyCompileException(element, "validate-azure-ad-token needs <client-application-ids> "
                    + "with at least one <application-id>");
        }
        JwtClaimChecks checks = new JwtClaimChecks(true, Value.of(0), List.copyOf(audiences),
                ValidateAzureAdTokenPolicy.issuers(tenant), List.copyOf(claims));
        return new ValidateJwtPolicy(ValidateAzureAdTokenPolicy.SOURCE, source, status, message, true, List.of(),
                List.of(tenant), checks, output == null || output.isBlank() ? null : output,
                ValidateAzureAdTokenPolicy.clientApplications(List.copyOf(clients)), decryption);
    }

    /**
     * The tenant's key source: {@code {authority}/{tenant}/v2.0/.well-known/openid-configuration}. A
     * constant tenant is checked now; an expression's is checked per request (none usable: the token
     * cannot be validated, JwtInvalid).
     */
    private static ValidateJwtPolicy.OpenIdSource tenantKeys(PolicyElement element, CompileContext context)
            throws PolicyCompileException {
        Value<String> tenantId = context.values().requiredString(element, "tenant-id");
        String authority = context.services().aadAuthority().toString().replaceAll("/+$", "");
        return JwtKeysCompiler.openIdSource(element, tenantId, text -> {
            String tenant = tenant(text);
            return tenant == null ? null : configurationUrl(authority, tenant);
        }, context, "tenant-id must be a tenant id or domain name (or an https URL of the domain) of one tenant; "
                + "'common', 'organizations' and 'consumers' name no one tenant");
    }

    private static URI configurationUrl(String authority, String tenant) {
        return URI.create(authority + "/" + tenant + "/v2.0/.well-known/openid-configuration");
    }

    /**
     * A tenant as it may stand in the authority's path: a tenant id or domain name, or the host of an
     * https URL such as {@code https://contoso.onmicrosoft.com} (APIM's "tenant ID or URL"); null when
     * it is none of these, or a multi-tenant name.
     */
    static String tenant(String text) {
        if (text == null) {
            return null;
        }
        String tenant = text.strip();
        String lower = tenant.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            try {
                URI uri = new URI(tenant);
                String path = uri.getRawPath();
                if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                        || uri.getRawUserInfo() != null || uri.getPort() != -1
                        || !(path == null || path.isEmpty() || path.equals("/"))) {
                    return null;
                }
                tenant = uri.getHost();
            } catch (URISyntaxException e) {
                return null;
            }
        }
        if (!TENANT.matcher(tenant).matches() || MULTI_TENANT.contains(tenant.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return tenant;
    }

    /** The ids of {@code <client-application-ids>} or {@code <backend-application-ids>}: no expressions. */
    private static List<String> applicationIds(PolicyElement parent, ValueReader reader) throws PolicyCompileException {
        List<String> ids = new ArrayList<>();
        for (Value<String> id : ValidateJwtCompiler.list(parent, "application-id", reader)) {
            if (!id.isConstant()) {
                throw new PolicyCompileException(parent, "an <application-id> does not take a policy expression "
                        + "(a named value is fine)");
            }
            String value = id.constant() == null ? "" : id.constant().strip();
            if (value.isEmpty()) {
                throw new PolicyCompileException(parent, "an <application-id> is empty");
            }
            ids.add(value);
        }
        return ids;
    }
}
