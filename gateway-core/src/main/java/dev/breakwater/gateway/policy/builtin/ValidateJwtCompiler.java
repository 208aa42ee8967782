package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.ValueReader;
import dev.breakwater.gateway.policy.jwt.OpenIdKeySource;
import dev.breakwater.gateway.policy.jwt.VerificationKey;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code <validate-jwt>}: APIM's attributes and defaults (header {@code Authorization}, status 401,
 * expiration time and signed tokens required, no clock skew) and children, in any order. With
 * {@code <openid-config>} the issuers allowed are the configurations' and those listed. What is not
 * {@code <decryption-keys>} lets encrypted tokens in (see {@link JwtDecryption}).
 */
final class ValidateJwtCompiler {

    private static final String DEFAULT_HEADER = "Authorization";

    private ValidateJwtCompiler() {
    }

    static ValidateJwtPolicy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
        element.allowAttributes("header-name", "query-parameter-name", "token-value", "failed-validation-httpcode",
                "failed-validation-error-message", "require-expiration-time", "require-scheme",
                "require-signed-tokens", "clock-skew", "output-token-variable-name");
        element.allowChildren("openid-config", "issuer-signing-keys", "decryption-keys", "audiences", "issuers",
                "required-claims");
        element.forbidText();
        ValueReader reader = context.values();
        ValidateJwtPolicy.TokenSource source = tokenSource(element, reader);
        Value<Integer> status = reader.integer(element, "failed-validation-httpcode", 401, 200, 599);
        Value<String> message = reader.string(element, "failed-validation-error-message");
        boolean requireExpiration = constantBool(element, reader, "require-expiration-time", true);
        boolean requireSigned = constantBool(element, reader, "require-signed-tokens", true);
        Value<Integer> clockSkew = reader.integer(element, "clock-skew", 0, 0, Integer.MAX_VALUE / 1000);
        String output = reader.literal(element, "output-token-variable-name");

        List<VerificationKey> keys = new ArrayList<>();
        List<ValidateJwtPolicy.OpenIdSource> openId = new ArrayList<>();
        List<Value<String>> audiences = new ArrayList<>();
        List<Value<String>> issuers = new ArrayList<>();
        List<JwtClaimChecks.RequiredClaim> claims = new ArrayList<>();
        JwtDecryption decryption = JwtDecryption.NONE;
        for (PolicyElement child : element.children()) {
            switch (child.name()) {
                case "openid-config" -> openId.add(JwtKeysCompiler.openIdConfig(child, context));
                case "decryption-keys" -> decryption = decryptionKeys(child, decryption, context);
                case "issuer-signing-keys" -> keys.addAll(JwtKeysCompiler.signingKeys(child, context));
                case "audiences" -> audiences.addAll(list(child, "audience", reader));
                case "issuers" -> issuers.addAll(list(child, "issuer", reader));
                case "required-claims" -> claims.addAll(requiredClaims(child, reader));
                default -> throw new PolicyCompileException(child, "unexpected element");
            }
        }
        if (requireSigned && keys.isEmpty() && openId.isEmpty()) {
            throw new PolicyCompileException(element, "signed tokens are required but no key is given: add "
                    + "<issuer-signing-keys> or <openid-config>, or set require-signed-tokens=\"false\"");
        }
        for (ValidateJwtPolicy.OpenIdSource config : openId) {
            issuers.add(configurationIssuer(config));
        }
        JwtClaimChecks checks = new JwtClaimChecks(requireExpiration, clockSkew, List.copyOf(audiences),
                List.copyOf(issuers), List.copyOf(claims));
        return new ValidateJwtPolicy(source, status, message, requireSigned, List.copyOf(keys), List.copyOf(openId),
                checks, output == null || output.isBlank() ? null : output, decryption);
    }

    /** A policy's one {@code <decryption-keys>} (APIM's statement has one; a second is refused, not merged). */
    static JwtDecryption decryptionKeys(PolicyElement child, JwtDecryption before, CompileContext context)
            throws PolicyCompileException {
        if (before != JwtDecryption.NONE) {
            throw new PolicyCompileException(child, "<decryption-keys> is given twice");
        }
        return JwtDecryptionKeys.compile(child, context);
    }

    /**
     * The {@code issuer} an openid-config's document names: APIM obtains "signing keys and issuer" from
     * it, so a token must name that issuer or one in {@code <issuers>}. Read when the claims are checked,
     * after the keys (and so the document) were fetched; null, allowing nothing, when it names none.
     */
    private static Value<String> configurationIssuer(ValidateJwtPolicy.OpenIdSource config) {
        return context -> {
            OpenIdKeySource source = config.resolve(context);
            return source == null ? null : source.issuer();
        };
    }

    static ValidateJwtPolicy.TokenSource tokenSource(PolicyElement element, ValueReader reader)
            throws PolicyCompileException {
        Value<String> header = reader.string(element, "header-name");
        Value<String> query = reader.string(element, "query-parameter-name");
        Value<String> value = reader.string(element, "token-value");
        int given = (header != null ? 1 : 0) + (query != null ? 1 : 0) + (value != null ? 1 : 0);
        if (given > 1) {
            throw new PolicyCompileException(element, "use one of header-name, query-parameter-name and token-value");
        }
        Value<String> scheme = reader.string(element, "require-scheme");
        if (scheme != null && header == null && given == 1) {
            throw new PolicyCompileException(element, "require-scheme applies to a token in a header (header-name)");
        }
        if (query != null) {
            return context -> {
                List<String> values = context.request().query().values(query.get(context));
                return values.isEmpty() ? null : values.get(0);
            };
        }
        if (value != null) {
            return value::get;
        }
        Value<String> name = header != null ? header : Value.of(DEFAULT_HEADER);
        return context -> fromHeader(context, name.get(context), scheme == null ? null : scheme.get(context));
    }

    /**
     * The header's token. With require-scheme, a token in {@code Authorization} must be that scheme (any
     * case), a space and the token; APIM ignores require-scheme for any other header. Otherwise a
     * {@code Bearer } prefix is dropped (clients send one to APIM's usual policy).
     */
    static String fromHeader(PolicyContext context, String name, String scheme) {
        String raw = name == null ? null : context.request().headers().first(name);
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        int space = text.indexOf(' ');
        String first = space < 0 ? text : text.substring(0, space);
        if (scheme != null && !scheme.isBlank() && DEFAULT_HEADER.equalsIgnoreCase(name.strip())) {
            return space > 0 && first.equalsIgnoreCase(scheme.strip()) ? text.substring(space + 1).strip() : null;
        }
        return space > 0 && first.equalsIgnoreCase("Bearer") ? text.substring(space + 1).strip() : text;
    }

    private static boolean constantBool(PolicyElement element, ValueReader reader, String attribute, boolean dflt)
            throws PolicyCompileException {
        Value<Boolean> value = reader.bool(element, attribute, dflt);
        if (!value.isConstant()) {
            throw new PolicyCompileException(element, "attribute '" + attribute + "' does not take a policy expression");
        }
        return value.constant();
    }

    static List<Value<String>> list(PolicyElement parent, String childName, ValueReader reader)
            throws PolicyCompileException {
        parent.allowAttributes();
        parent.allowChildren(childName);
        parent.forbidText();
        List<Value<String>> out = new ArrayList<>();
        for (PolicyElement child : parent.children()) {
            child.allowAttributes();
            child.allowChildren();
            out.add(reader.text(child));
        }
        return out;
    }

    static List<JwtClaimChecks.RequiredClaim> requiredClaims(PolicyElement parent, ValueReader reader)
            throws PolicyCompileException {
        parent.allowAttributes();
        parent.allowChildren("claim");
        parent.forbidText();
        List<JwtClaimChecks.RequiredClaim> out = new ArrayList<>();
        for (PolicyElement claim : parent.children()) {
            claim.allowAttributes("name", "match", "separator");
            claim.allowChildren("value");
            claim.forbidText();
            String name = reader.requiredLiteral(claim, "name");
            String match = reader.literal(claim, "match");
            if (match != null && !match.equals("all") && !match.equals("any")) {
                throw new PolicyCompileException(claim, "match must be 'all' or 'any'");
            }
            String separator = reader.literal(claim, "separator");
            List<Value<String>> values = new ArrayList<>();
            for (PolicyElement value : claim.children()) {
                value.allowAttributes();
                value.allowChildren();
                values.add(reader.text(value));
            }
            Pattern split = separator == null || separator.isEmpty() ? null : Pattern.compile(Pattern.quote(separator));
            out.add(new JwtClaimChecks.RequiredClaim(name, !"any".equals(match), split, List.copyOf(values)));
        }
        return out;
    }
}
