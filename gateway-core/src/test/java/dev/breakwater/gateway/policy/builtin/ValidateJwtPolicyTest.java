package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.body;
import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.expression.runtime.Jwt;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.testing.Json;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * validate-jwt with issuer-signing-keys on the whole flow with a stub backend: valid tokens reach the
 * backend, every kind of invalid one gets 401 (or the configured status and message), runs on-error
 * with APIM's reason, and never reaches the backend.
 */
class ValidateJwtPolicyTest {

    private static final RSAKey RSA = JwtTokens.rsaKey("rsa-1");
    private static final String CHECKS = "<audiences><audience>api://orders</audience></audiences>"
            + "<issuers><issuer>https://other.example</issuer><issuer>https://issuer.example</issuer></issuers>";

    private final StubBackend backend = new StubBackend();

    private static String symmetric(String attributes, String children) {
        return in(Section.INBOUND, "<validate-jwt header-name=\"Authorization\" " + attributes + ">"
                + "<issuer-signing-keys><key>" + JwtTokens.SECRET_BASE64 + "</key></issuer-signing-keys>"
                + children + "</validate-jwt>");
    }

    private PolicyContext flow(String policies, String... headers) throws Exception {
        return flow(PolicyTesting.pipeline(policies, Set.of()), null, headers);
    }

    private PolicyContext flow(Pipeline pipeline, String query, String... headers) throws Exception {
        PolicyContext context = PolicyTesting.context("/items", query, TemplateValues.NONE, headers);
        context.setForwarder(backend);
        return PolicyTesting.flow(pipeline, context);
    }

    private void assertRefused(PolicyContext context, String reason) {
        assertEquals(401, context.response().status());
        assertEquals("validate-jwt", context.lastError().source());
        assertEquals(reason, context.lastError().reason());
        assertEquals("inbound", context.lastError().section());
        assertTrue(backend.calls.isEmpty(), "a refused request never reaches the backend");
    }

    /** Refused with APIM's reason, and its message both in context.LastError and in the default response. */
    private void assertRefused(PolicyContext context, String reason, String message) {
        assertRefused(context, reason);
        assertEquals(message, context.lastError().message());
        assertEquals(message, Json.error(body(context.response()), 401));
    }

    @Test
    void aValidHs256TokenReachesTheBackendAndIsStoredAsApimsJwt() throws Exception {
        String token = JwtTokens.hs256(JwtTokens.claims().build());
        PolicyContext context = flow(symmetric("output-token-variable-name=\"jwt\"", CHECKS),
                "Authorization", "Bearer " + token);
        assertEquals(200, context.response().status());
        assertNull(context.lastError());
        assertEquals(1, backend.calls.size());
        Jwt jwt = assertInstanceOf(Jwt.class, context.variables().get("jwt"));
        assertEquals("alice", jwt.subject());
    }

    @Test
    void aValidRs256TokenPassesWithTheKeysModulusAndExponent() throws Exception {
        String policy = in(Section.INBOUND, "<validate-jwt header-name=\"Authorization\" require-scheme=\"Bearer\">"
                + "<issuer-signing-keys><key id=\"rsa-1\" n=\"" + RSA.getModulus() + "\" e=\"" + RSA.getPublicExponent()
                + "\"/></issuer-signing-keys>" + CHECKS + "</validate-jwt>");
        PolicyContext context = flow(policy, "Authorization", "bearer " + JwtTokens.rs256(JwtTokens.claims().build(), RSA));
        assertEquals(200, context.response().status());
        backend.calls.clear();
        PolicyContext other = flow(policy, "Authorization", "Bearer "
                + JwtTokens.rs256(JwtTokens.claims().build(), JwtTokens.rsaKey("rsa-1")));
        assertRefused(other, "TokenSignatureInvalid");
    }

    @Test
    void aMissingTokenGetsApimsMessageUnlessOneIsConfigured() throws Exception {
        PolicyContext context = flow(symmetric("", ""), "X-Other", "1");
        assertRefused(context, "TokenNotPresent");
        assertEquals("JWT not present.", context.lastError().message());
        assertEquals("{\"statusCode\":401,\"message\":\"JWT not present.\"}", body(context.response()));
        PolicyContext configured = flow(symmetric("failed-validation-httpcode=\"403\" "
                + "failed-validation-error-message=\"Unauthorized. Access token is missing or invalid.\"", ""));
        assertEquals(403, configured.response().status());
        assertEquals("{\"statusCode\":403,\"message\":\"Unauthorized. Access token is missing or invalid.\"}",
                body(configured.response()));
        assertEquals("JWT not present.", configured.lastError().message());
    }

    @Test
    void aTokenBehindAnotherSchemeIsNotPresent() throws Exception {
        String token = JwtTokens.hs256(JwtTokens.claims().build());
        PolicyContext context = flow(symmetric("require-scheme=\"Bearer\"", ""), "Authorization", "Basic " + token);
        assertRefused(context, "TokenNotPresent");
    }

    @Test
    void requireSchemeIsIgnoredForAHeaderOtherThanAuthorizationAsApimDocuments() throws Exception {
        String token = JwtTokens.hs256(JwtTokens.claims().build());
        String custom = in(Section.INBOUND, "<validate-jwt header-name=\"X-Token\" require-scheme=\"Bearer\">"
                + "<issuer-signing-keys><key>" + JwtTokens.SECRET_BASE64 + "</key></issuer-signing-keys></validate-jwt>");
        assertEquals(200, flow(custom, "X-Token", token).response().status(), "a bare token in the custom header");
        assertEquals(200, flow(custom, "X-Token", "Bearer " + token).response().status());
        backend.calls.clear();
        assertRefused(flow(custom, "X-Token", "Basic " + token), "JwtInvalid", "JWT is not well formed.");
    }

    @Test
    void anExpiredTokenIsRefusedUnlessWithinTheClockSkew() throws Exception {
        Instant now = Instant.now();
        String expired = JwtTokens.hs256(JwtTokens.claims().expirationTime(Date.from(now.minusSeconds(30))).build());
        PolicyContext context = flow(symmetric("", ""), "Authorization", "Bearer " + expired);
        assertRefused(context, "TokenExpired");
        assertFalse(body(context.response()).contains(expired));
        assertEquals(200, flow(symmetric("clock-skew=\"120\"", ""), "Authorization", "Bearer " + expired)
                .response().status());
    }

    @Test
    void aTokenWithoutExpirationIsRefusedUnlessNotRequired() throws Exception {
        String eternal = JwtTokens.hs256(new JWTClaimsSet.Builder().subject("alice").build());
        // APIM's table has no reason of its own for this: "other validation failures" are JwtInvalid
        assertRefused(flow(symmetric("", ""), "Authorization", eternal), "JwtInvalid", "JWT has no expiration time.");
        assertEquals(200, flow(symmetric("require-expiration-time=\"false\"", ""), "Authorization", eternal)
                .response().status());
        backend.calls.clear();
        String garbled = JwtTokens.hs256(new JWTClaimsSet.Builder().claim("exp", "tomorrow").build());
        assertRefused(flow(symmetric("require-expiration-time=\"false\"", ""), "Authorization", garbled), "JwtInvalid");
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        String early = JwtTokens.hs256(JwtTokens.claims().notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build());
        assertRefused(flow(symmetric("", ""), "Authorization", early), "JwtInvalid", "JWT is not yet valid.");
    }

    @Test
    void aWrongAudienceOrIssuerIsRefused() throws Exception {
        String audience = JwtTokens.hs256(JwtTokens.claims().audience(List.of("api://billing", "api://other")).build());
        assertRefused(flow(symmetric("", CHECKS), "Authorization", audience), "TokenAudienceNotAllowed");
        String issuer = JwtTokens.hs256(JwtTokens.claims().issuer("https://evil.example").build());
        assertRefused(flow(symmetric("", CHECKS), "Authorization", issuer), "TokenIssuerNotAllowed");
    }

    @Test
    void requiredClaimsMatchAllOrAnyValueSplitOnTheSeparator() throws Exception {
        String claims = "<required-claims><claim name=\"scp\" match=\"any\" separator=\" \">"
                + "<value>orders.read</value><value>orders.write</value></claim>"
                + "<claim name=\"roles\" match=\"all\"><value>reader</value><value>auditor</value></claim>"
                + "</required-claims>";
        String policy = symmetric("", claims);
        String good = JwtTokens.hs256(JwtTokens.claims().claim("scp", "profile orders.write")
                .claim("roles", List.of("auditor", "reader", "x")).build());
        assertEquals(200, flow(policy, "Authorization", good).response().status());
        backend.calls.clear();

        String missing = JwtTokens.hs256(JwtTokens.claims().claim("scp", "orders.read").build());
        PolicyContext context = flow(policy, "Authorization", missing);
        assertRefused(context, "TokenClaimNotFound", "JWT token is missing the following claims: roles. Access denied.");

        String notAll = JwtTokens.hs256(JwtTokens.claims().claim("scp", "orders.read")
                .claim("roles", List.of("reader")).build());
        assertRefused(flow(policy, "Authorization", notAll), "TokenClaimValueNotAllowed",
                "Claim roles value of reader is not allowed. Access denied.");
        String noneOf = JwtTokens.hs256(JwtTokens.claims().claim("scp", "profile email")
                .claim("roles", List.of("reader", "auditor")).build());
        assertRefused(flow(policy, "Authorization", noneOf), "TokenClaimValueNotAllowed");
    }

    @Test
    void anUnsignedTokenIsRefusedWhenSignedTokensAreRequired() throws Exception {
        String none = JwtTokens.unsigned(JwtTokens.claims().build());
        assertRefused(flow(symmetric("", ""), "Authorization", "Bearer " + none), "TokenSignatureInvalid");
        String unsignedAllowed = in(Section.INBOUND, "<validate-jwt header-name=\"Authorization\" "
                + "require-signed-tokens=\"false\">" + CHECKS + "</validate-jwt>");
        assertEquals(200, flow(unsignedAllowed, "Authorization", "Bearer " + none).response().status());
    }

    @Test
    void aTokenSignedWithAnotherSecretOrByAnRsaKeyIsRefused() throws Exception {
        String other = JwtTokens.hs256(JwtTokens.claims().build(),
                "fedcba9876543210fedcba9876543210".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertRefused(flow(symmetric("", ""), "Authorization", other), "TokenSignatureInvalid");
        backend.calls.clear();
        String rsa = JwtTokens.rs256(JwtTokens.claims().build(), RSA);
        assertRefused(flow(symmetric("", ""), "Authorization", rsa), "TokenSignatureKeyNotFound");
        backend.calls.clear();
        assertRefused(flow(symmetric("", ""), "Authorization", "Bearer not.a-token"), "JwtInvalid",
                "JWT is not well formed.");
    }

    @Test
    void theTokenMayComeFromAQueryParameterOrAnExpression() throws Exception {
        String token = JwtTokens.hs256(JwtTokens.claims().build());
        String byQuery = in(Section.INBOUND, "<validate-jwt query-parameter-name=\"access_token\">"
                + "<issuer-signing-keys><key>" + JwtTokens.SECRET_BASE64 + "</key></issuer-signing-keys></validate-jwt>");
        assertEquals(200, flow(PolicyTesting.pipeline(byQuery, Set.of()), "access_token=" + token).response().status());
        String byValue = in(Section.INBOUND, "<validate-jwt token-value=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Token&quot;, &quot;&quot;))\">"
                + "<issuer-signing-keys><key>" + JwtTokens.SECRET_BASE64 + "</key></issuer-signing-keys></validate-jwt>");
        assertEquals(200, flow(byValue, "X-Token", token).response().status());
    }

    @Test
    void whatIsNotBuiltOrWrongIsRefusedAtCompileTime() {
        assertTrue(compileError(in(Section.INBOUND, "<validate-jwt><decryption-keys><key>AAAA</key></decryption-keys>"
                + "</validate-jwt>")).contains("fits no JWE algorithm"));
        assertTrue(compileError(in(Section.INBOUND, "<validate-jwt header-name=\"a\" query-parameter-name=\"b\">"
                + "<issuer-signing-keys><key>AAAA</key></issuer-signing-keys></validate-jwt>"))
                .contains("one of header-name"));
        assertTrue(compileError(in(Section.INBOUND, "<validate-jwt/>")).contains("no key"));
        assertTrue(compileError(in(Section.INBOUND, "<validate-jwt colour=\"red\"><issuer-signing-keys><key>AAAA"
                + "</key></issuer-signing-keys></validate-jwt>")).contains("colour"));
        assertTrue(compileError(in(Section.INBOUND, "<validate-jwt><issuer-signing-keys>"
                + "<key certificate-id=\"nope\"/></issuer-signing-keys></validate-jwt>")).contains("nope"));
        assertTrue(compileError(in(Section.OUTBOUND, "<validate-jwt><issuer-signing-keys><key>AAAA</key>"
                + "</issuer-signing-keys></validate-jwt>")).contains("validate-jwt"));
    }
}
