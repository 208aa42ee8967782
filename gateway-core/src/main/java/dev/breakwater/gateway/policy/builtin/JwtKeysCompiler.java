package dev.breakwater.gateway.policy.builtin;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.util.Base64URL;
import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.jwt.OpenIdKeySource;
import dev.breakwater.gateway.policy.jwt.OpenIdKeySources;
import dev.breakwater.gateway.policy.jwt.VerificationKey;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Compiles validate-jwt's key children: {@code <issuer-signing-keys><key>} (a base64 symmetric key as
 * text, an RSA key as {@code n}/{@code e} in base64url, or {@code certificate-id} naming one of the
 * gateway's certificates; {@code id} is the key's {@code kid}) and {@code <openid-config url>}. Keys
 * are constants or named values, never expressions: they are read once, here.
 */
final class JwtKeysCompiler {

    private JwtKeysCompiler() {
    }

    static List<VerificationKey> signingKeys(PolicyElement keys, CompileContext context)
            throws PolicyCompileException {
        keys.allowAttributes();
        keys.allowChildren("key");
        keys.forbidText();
        List<JWK> out = new ArrayList<>();
        for (PolicyElement key : keys.children()) {
            out.add(signingKey(key, context));
        }
        return VerificationKey.of(out);
    }

    private static JWK signingKey(PolicyElement key, CompileContext context) throws PolicyCompileException {
        key.allowAttributes("certificate-id", "n", "e");
        key.allowChildren();
        String kid = key.attribute(PolicyElement.ID);
        String certificateId = context.values().literal(key, "certificate-id");
        String n = context.values().literal(key, "n");
        String e = context.values().literal(key, "e");
        Value<String> text = context.values().text(key);
        if (!text.isConstant()) {
            throw new PolicyCompileException(key, "a signing key does not take a policy expression");
        }
        String secret = text.constant() == null ? "" : text.constant().strip();
        int forms = (certificateId != null ? 1 : 0) + (n != null || e != null ? 1 : 0) + (secret.isEmpty() ? 0 : 1);
        if (forms != 1) {
            throw new PolicyCompileException(key, "a key is exactly one of: base64 text (symmetric), n and e (RSA), "
                    + "certificate-id");
        }
        if (certificateId != null) {
            return certificateKey(key, certificateId, kid, context);
        }
        if (n != null || e != null) {
            if (n == null || e == null || n.isBlank() || e.isBlank()) {
                throw new PolicyCompileException(key, "an RSA key needs both 'n' and 'e'");
            }
            try {
                return new RSAKey.Builder(new Base64URL(n.strip()), new Base64URL(e.strip())).keyID(kid).build()
                        .toPublicJWK();
            } catch (RuntimeException ex) {
                throw new PolicyCompileException(key, "the RSA key's 'n' and 'e' are not base64url numbers");
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret);
        } catch (IllegalArgumentException ex) {
            throw new PolicyCompileException(key, "the symmetric key is not base64"); // never repeat the key
        }
        if (bytes.length == 0) {
            throw new PolicyCompileException(key, "the symmetric key is empty");
        }
        return new OctetSequenceKey.Builder(bytes).keyID(kid).build();
    }

    private static JWK certificateKey(PolicyElement key, String certificateId, String kid, CompileContext context)
            throws PolicyCompileException {
        ClientCertificate certificate = context.certificates().byId(certificateId);
        if (certificate == null) {
            throw new PolicyCompileException(key, "no certificate with id '" + certificateId + "'; known: "
                    + context.certificates().ids());
        }
        PublicKey publicKey = certificate.certificate().getPublicKey();
        if (publicKey instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).keyID(kid).build();
        }
        if (publicKey instanceof ECPublicKey ec) {
            try {
                return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).keyID(kid).build();
            } catch (RuntimeException ex) {
                throw new PolicyCompileException(key, "certificate '" + certificateId + "' has an EC key on an unsupported curve");
            }
        }
        throw new PolicyCompileException(key, "certificate '" + certificateId + "' has a "
                + publicKey.getAlgorithm() + " key; validate-jwt takes RSA or EC certificates");
    }

    /**
     * An {@code <openid-config url>}: a constant URL is checked and its source taken now; an expression
     * (APIM allows one, e.g. a tenant in the URL) is resolved per request, its sources bounded in
     * number by {@link dev.breakwater.gateway.policy.jwt.OpenIdKeySources}.
     */
    static ValidateJwtPolicy.OpenIdSource openIdConfig(PolicyElement config, CompileContext context)
            throws PolicyCompileException {
        config.allowAttributes("url");
        config.allowChildren();
        config.forbidText();
        Value<String> url = context.values().requiredString(config, "url");
        return openIdSource(config, url, JwtKeysCompiler::httpUrl, context,
                "openid-config url must be an absolute http(s) URL");
    }

    /**
     * The key source of a configuration URL made from {@code value} (null: unusable). A constant is
     * checked and its source taken now, refused with {@code invalid} when unusable; an expression is
     * resolved per request, its sources bounded in number by {@link OpenIdKeySources}.
     */
    static ValidateJwtPolicy.OpenIdSource openIdSource(PolicyElement element, Value<String> value,
                                                       Function<String, URI> configurationUrl,
                                                       CompileContext context, String invalid)
            throws PolicyCompileException {
        OpenIdKeySources sources = context.services().openIdKeySources();
        if (!value.isConstant()) {
            return request -> {
                URI uri = configurationUrl.apply(value.get(request));
                return uri == null ? null : sources.source(uri);
            };
        }
        URI uri = configurationUrl.apply(value.constant());
        if (uri == null) {
            throw new PolicyCompileException(element, invalid);
        }
        OpenIdKeySource source = sources.source(uri);
        return request -> source;
    }

    private static URI httpUrl(String text) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return uri.isAbsolute() && http && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
