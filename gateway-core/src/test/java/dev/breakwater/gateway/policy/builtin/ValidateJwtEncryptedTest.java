package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.crypto.RSAEncrypter;
import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.expression.runtime.Jwt;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * validate-jwt's {@code <decryption-keys>}: encrypted tokens (JWE) are opened with a symmetric key
 * ({@code dir}, AES key wrap) or a certificate's private key (RSA-OAEP-256, ECDH-ES), and the token
 * inside is validated as any other; a token no key opens, a tampered one, one with an algorithm the
 * key is not for, or one too large is refused with {@code JwtInvalid}.
 */
class ValidateJwtEncryptedTest {

    private static final String HS256_KEYS = "<issuer-signing-keys><key>" + JwtTokens.SECRET_BASE64
            + "</key></issuer-signing-keys><audiences><audience>api://orders</audience></audiences>";

    private static ClientCertificate billing; // RSA 2048
    private static ClientCertificate orders;  // EC P-256
    private final StubBackend backend = new StubBackend();

    @BeforeAll
    static void certificates() throws Exception {
        TestCertificates made = TestCertificates.get();
        orders = CertificateReader.fromData("orders", made.clientData(), TestCertificates.PASSWORD);
        billing = CertificateReader.fromData("billing", made.otherClientData(), TestCertificates.PASSWORD);
    }

    private static String policy(String attributes, String decryptionKeys, String children) {
        return in(Section.INBOUND, "<validate-jwt " + attributes + " output-token-variable-name=\"jwt\">"
                + "<decryption-keys>" + decryptionKeys + "</decryption-keys>" + children + "</validate-jwt>");
    }

    private static Pipeline pipeline(String policy) throws PolicyCompileException {
        return PolicyTesting.pipeline(PolicyTesting.environment(
                List.of(new NamedValueDefinition("jwe-key", "jwe-key", JweTokens.KEY_256_BASE64, true)), List.of(),
                Backends.NONE, new Certificates(List.of(orders, billing))), null, null, policy, Set.of());
    }

    private PolicyContext flow(String policy, String token) throws Exception {
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE,
                "Authorization", "Bearer " + token);
        context.setForwarder(backend);
        return PolicyTesting.flow(pipeline(policy), context);
    }

    private void assertPassed(PolicyContext context) {
        assertNull(context.lastError());
        assertEquals(200, context.response().status());
        assertEquals("alice", assertInstanceOf(Jwt.class, context.variables().get("jwt")).subject(),
                "the output variable holds the token inside");
    }

    private void assertRefused(PolicyContext context, String reason, String message) {
        assertEquals(401, context.response().status());
        assertEquals("validate-jwt", context.lastError().source());
        assertEquals(reason, context.lastError().reason());
        if (message != null) {
            assertEquals(message, context.lastError().message());
        }
        assertTrue(backend.calls.isEmpty(), "a refused request never reaches the backend");
    }

    private static String signed() {
        return JwtTokens.hs256(JwtTokens.claims().build());
    }

    @Test
    void aNestedSignedTokenEncryptedWithDirOrAesKeyWrapPasses() throws Exception {
        String keys = "<key>" + JweTokens.KEY_256_BASE64 + "</key>";
        assertPassed(flow(policy("", keys, HS256_KEYS), JweTokens.nested(signed(), JWEAlgorithm.DIR,
                EncryptionMethod.A256GCM, JweTokens.direct(JweTokens.KEY_256), null)));
        assertPassed(flow(policy("", keys, HS256_KEYS), JweTokens.nested(signed(), JWEAlgorithm.DIR,
                EncryptionMethod.A128CBC_HS256, JweTokens.direct(JweTokens.KEY_256), null)));
        assertPassed(flow(policy("", keys, HS256_KEYS), JweTokens.nested(signed(), JWEAlgorithm.A256KW,
                EncryptionMethod.A256CBC_HS512, JweTokens.aesKeyWrap(JweTokens.KEY_256), null)));
        // a named value holds the key, as elsewhere
        assertPassed(flow(policy("", "<key>{{jwe-key}}</key>", HS256_KEYS), JweTokens.nested(signed(),
                JWEAlgorithm.A256KW, EncryptionMethod.A128GCM, JweTokens.aesKeyWrap(JweTokens.KEY_256), null)));
        assertEquals(4, backend.calls.size(), "every one reached the backend");
    }

    @Test
    void theFirstKeyThatDecryptsWinsAndKidsMustMatch() throws Exception {
        byte[] other = "0123456789ABCDEF0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
        String keys = "<key id=\"old\">" + Base64.getEncoder().encodeToString(other) + "</key>"
                + "<key id=\"new\">" + JweTokens.KEY_256_BASE64 + "</key>";
        String token = JweTokens.nested(signed(), JWEAlgorithm.A256KW, EncryptionMethod.A256GCM,
                JweTokens.aesKeyWrap(JweTokens.KEY_256), null);
        assertPassed(flow(policy("", keys, HS256_KEYS), token));
        String namedNew = JweTokens.nested(signed(), JWEAlgorithm.A256KW, EncryptionMethod.A256GCM,
                JweTokens.aesKeyWrap(JweTokens.KEY_256), "new");
        assertPassed(flow(policy("", keys, HS256_KEYS), namedNew));
        backend.calls.clear();
        // the kid names the other key: the right one is not tried
        String namedOld = JweTokens.nested(signed(), JWEAlgorithm.A256KW, EncryptionMethod.A256GCM,
                JweTokens.aesKeyWrap(JweTokens.KEY_256), "old");
        assertRefused(flow(policy("", keys, HS256_KEYS), namedOld), "JwtInvalid", "JWT could not be decrypted.");
    }

    @Test
    void aCertificatesPrivateKeyDecryptsRsaOaepAndEcdhEs() throws Exception {
        String rsaKey = "<key certificate-id=\"billing\"/>";
        assertPassed(flow(policy("", rsaKey, HS256_KEYS), JweTokens.nested(signed(), JWEAlgorithm.RSA_OAEP_256,
                EncryptionMethod.A256GCM, JweTokens.toPublicKey(billing.certificate().getPublicKey()), null)));
        assertPassed(flow(policy("", rsaKey, HS256_KEYS), JweTokens.nested(signed(), JWEAlgorithm.RSA_OAEP,
                EncryptionMethod.A128CBC_HS256, JweTokens.toPublicKey(billing.certificate().getPublicKey()), null)));
        String ecKey = "<key certificate-id=\"orders\"/>";
        assertPassed(flow(policy("", ecKey, HS256_KEYS), JweTokens.nested(signed(), JWEAlgorithm.ECDH_ES_A256KW,
                EncryptionMethod.A256GCM, JweTokens.toPublicKey(orders.certificate().getPublicKey()), null)));
        assertPassed(flow(policy("", ecKey, HS256_KEYS), JweTokens.nested(signed(), JWEAlgorithm.ECDH_ES,
                EncryptionMethod.A128GCM, JweTokens.toPublicKey(orders.certificate().getPublicKey()), null)));
    }

    @Test
    void theHeaderCannotPickAnAlgorithmTheKeyIsNotFor() throws Exception {
        // RSA1_5 (a padding oracle) to the right certificate: not tried
        String rsa15 = JweTokens.nested(signed(), JWEAlgorithm.RSA1_5, EncryptionMethod.A128CBC_HS256,
                new RSAEncrypter((RSAPublicKey) billing.certificate().getPublicKey()), null);
        assertRefused(flow(policy("", "<key certificate-id=\"billing\"/>", HS256_KEYS), rsa15), "JwtInvalid",
                "JWT could not be decrypted.");
        // a 256-bit key used with dir for a method needing 512 bits, or as a 128-bit key wrap: never tried
        String keys = "<key>" + JweTokens.KEY_256_BASE64 + "</key>";
        byte[] key512 = (new String(JweTokens.KEY_256, StandardCharsets.US_ASCII) + new String(JweTokens.KEY_256,
                StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        assertRefused(flow(policy("", keys, HS256_KEYS), JweTokens.nested(signed(), JWEAlgorithm.DIR,
                EncryptionMethod.A256CBC_HS512, JweTokens.direct(key512), null)), "JwtInvalid",
                "JWT could not be decrypted.");
    }

    @Test
    void aWrongKeyOrATamperedTokenIsRefused() throws Exception {
        String keys = "<key>" + JweTokens.KEY_256_BASE64 + "</key>";
        byte[] other = "0123456789ABCDEF0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
        assertRefused(flow(policy("", keys, HS256_KEYS), JweTokens.nested(signed(), JWEAlgorithm.A256KW,
                EncryptionMethod.A256GCM, JweTokens.aesKeyWrap(other), null)), "JwtInvalid", "JWT could not be decrypted.");
        String token = JweTokens.nested(signed(), JWEAlgorithm.DIR, EncryptionMethod.A128CBC_HS256,
                JweTokens.direct(JweTokens.KEY_256), null);
        String[] parts = token.split("\\.");
        char flipped = parts[3].charAt(5) == 'A' ? 'B' : 'A';
        parts[3] = parts[3].substring(0, 5) + flipped + parts[3].substring(6);
        assertRefused(flow(policy("", keys, HS256_KEYS), String.join(".", parts)), "JwtInvalid",
                "JWT could not be decrypted.");
        // an RSA-OAEP token to another certificate
        String toOrders = JweTokens.nested(signed(), JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM,
                JweTokens.toPublicKey(orders.certificate().getPublicKey()), null);
        assertRefused(flow(policy("", "<key certificate-id=\"billing\"/>", HS256_KEYS), toOrders), "JwtInvalid",
                "JWT could not be decrypted.");
    }

    @Test
    void theTokenInsideIsValidatedAsAnyOther() throws Exception {
        String keys = "<key>" + JweTokens.KEY_256_BASE64 + "</key>";
        String forged = JwtTokens.hs256(JwtTokens.claims().build(),
                "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        assertRefused(flow(policy("", keys, HS256_KEYS), JweTokens.nested(forged, JWEAlgorithm.DIR,
                EncryptionMethod.A256GCM, JweTokens.direct(JweTokens.KEY_256), null)), "TokenSignatureInvalid", null);
        String expired = JwtTokens.hs256(JwtTokens.claims()
                .expirationTime(Date.from(Instant.now().minusSeconds(60))).build());
        assertRefused(flow(policy("", keys, HS256_KEYS), JweTokens.nested(expired, JWEAlgorithm.DIR,
                EncryptionMethod.A256GCM, JweTokens.direct(JweTokens.KEY_256), null)), "TokenExpired", null);
        String billingAudience = JwtTokens.hs256(JwtTokens.claims().audience("api://billing").build());
        assertRefused(flow(policy("", keys, HS256_KEYS), JweTokens.nested(billingAudience, JWEAlgorithm.DIR,
                EncryptionMethod.A256GCM, JweTokens.direct(JweTokens.KEY_256), null)), "TokenAudienceNotAllowed", null);
    }

    @Test
    void bareClaimsPassOnlyWhenUnsignedTokensAre() throws Exception {
        String keys = "<key>" + JweTokens.KEY_256_BASE64 + "</key>";
        String claims = JweTokens.claims(JwtTokens.claims().build().toString(), JWEAlgorithm.DIR,
                EncryptionMethod.A256GCM, JweTokens.direct(JweTokens.KEY_256));
        assertPassed(flow(policy("require-signed-tokens=\"false\"", keys,
                "<audiences><audience>api://orders</audience></audiences>"), claims));
        backend.calls.clear();
        assertRefused(flow(policy("", keys, HS256_KEYS), claims), "TokenSignatureInvalid",
                "JWT is not signed. Access denied.");
    }

    @Test
    void anEncryptedTokenWithoutDecryptionKeysIsRefused() throws Exception {
        String token = JweTokens.nested(signed(), JWEAlgorithm.DIR, EncryptionMethod.A256GCM,
                JweTokens.direct(JweTokens.KEY_256), null);
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE, "Authorization", token);
        context.setForwarder(backend);
        PolicyTesting.flow(pipeline(in(Section.INBOUND, "<validate-jwt>" + HS256_KEYS + "</validate-jwt>")), context);
        assertRefused(context, "JwtInvalid", "JWT is encrypted and no decryption key is configured.");
    }

    @Test
    void oversizedTokensAndCompressionBombsAreRefused() throws Exception {
        String keys = "<key>" + JweTokens.KEY_256_BASE64 + "</key>";
        // inflates to ~670 kB: under Nimbus's default bound (1 MB), over ours
        String bomb = JwtTokens.hs256(JwtTokens.claims().claim("pad", "a".repeat(500_000)).build());
        String compressed = JweTokens.compressed(bomb, JWEAlgorithm.DIR, EncryptionMethod.A256GCM,
                JweTokens.direct(JweTokens.KEY_256));
        assertTrue(compressed.length() < JwtDecryption.MAX_TOKEN_CHARS, "the bomb itself is small");
        assertRefused(flow(policy("", keys, HS256_KEYS), compressed), "JwtInvalid", "JWT could not be decrypted.");
        String large = JweTokens.nested(JwtTokens.hs256(JwtTokens.claims().claim("pad", "a".repeat(70_000)).build()),
                JWEAlgorithm.DIR, EncryptionMethod.A256GCM, JweTokens.direct(JweTokens.KEY_256), null);
        assertRefused(flow(policy("", keys, HS256_KEYS), large), "JwtInvalid", "Encrypted JWT is too large.");
        // a small compressed token passes
        assertPassed(flow(policy("", keys, HS256_KEYS), JweTokens.compressed(signed(), JWEAlgorithm.DIR,
                EncryptionMethod.A256GCM, JweTokens.direct(JweTokens.KEY_256))));
    }

    @Test
    void keysThatCannotDecryptAreRefusedAtCompileTime() {
        String rsaPublic = compileError(policy("", "<key n=\"" + "AQAB" + "\" e=\"AQAB\"/>", HS256_KEYS));
        assertTrue(rsaPublic.contains("cannot be an RSA public key"), rsaPublic);
        String odd = compileError(policy("", "<key>AAAA</key>", HS256_KEYS));
        assertTrue(odd.contains("24 bits fits no JWE algorithm"), odd);
        String expression = compileError(policy("", "<key>@(\"AAAA\")</key>", HS256_KEYS));
        assertTrue(expression.contains("policy expression"), expression);
        String empty = compileError(policy("", "", HS256_KEYS));
        assertTrue(empty.contains("at least one <key>"), empty);
        String twice = compileError(in(Section.INBOUND, "<validate-jwt><decryption-keys><key>"
                + JweTokens.KEY_256_BASE64 + "</key></decryption-keys><decryption-keys><key>"
                + JweTokens.KEY_256_BASE64 + "</key></decryption-keys>" + HS256_KEYS + "</validate-jwt>"));
        assertTrue(twice.contains("twice"), twice);
        String unknown = assertThrows(PolicyCompileException.class,
                () -> pipeline(policy("", "<key certificate-id=\"nope\"/>", HS256_KEYS))).getMessage();
        assertTrue(unknown.contains("nope"), unknown);
        String both = assertThrows(PolicyCompileException.class, () -> pipeline(policy("",
                "<key certificate-id=\"billing\">" + JweTokens.KEY_256_BASE64 + "</key>", HS256_KEYS))).getMessage();
        assertTrue(both.contains("exactly one"), both);
    }

    @Test
    void aCertificateWithoutItsPrivateKeyIsRefusedAtCompileTime() throws Exception {
        ClientCertificate publicOnly = new ClientCertificate("public", billing.chain(), null);
        String policy = policy("", "<key certificate-id=\"public\"/>", HS256_KEYS);
        String message = assertThrows(PolicyCompileException.class, () -> PolicyTesting.pipeline(
                PolicyTesting.environment(List.of(), List.of(), Backends.NONE, new Certificates(List.of(publicOnly))),
                null, null, policy, Set.of())).getMessage();
        assertTrue(message.contains("no private key"), message);
    }
}
