package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.body;
import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.policy.limits.CounterStoreConfig;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.expression.runtime.Jwt;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.testing.ManualClock;
import dev.breakwater.gateway.testing.TestCertificates;
import dev.breakwater.gateway.testing.TestOpenIdProvider;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * validate-azure-ad-token against a local OpenID provider standing for Entra ID (the gateway's
 * authority points at it): tokens of the tenant, for a listed client application, pass (v2 and v1
 * issuers); another tenant's tokens signed with the same keys, another client application, another
 * audience, an expired token are refused with APIM's reasons, source validate-azure-ad-token.
 */
class ValidateAzureAdTokenPolicyTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String CLIENT = "0d9c6f7e-1111-4a2b-9c3d-aaaaaaaaaaaa";
    private static final String BACKEND_APP = "5e0b2c3d-2222-4b5c-8d9e-bbbbbbbbbbbb";
    private static final RSAKey KEY = JwtTokens.rsaKey("entra-1");

    private final StubBackend backend = new StubBackend();
    private final ManualClock clock = new ManualClock(Instant.now());
    private TestOpenIdProvider provider;
    private PolicyServices services;

    @BeforeEach
    void start() throws Exception {
        provider = new TestOpenIdProvider(new JWKSet(KEY.toPublicJWK()));
        services = new PolicyServices(new MetricRegistry(), clock, PolicyServices.DEFAULT_BODY_LIMIT,
                PolicyServices.DEFAULT_IDENTITY_ENDPOINT, URI.create(provider.url() + "/"), CounterStoreConfig.local());
    }

    @AfterEach
    void stop() {
        services.close();
        provider.close();
    }

    private String v2Issuer(String tenant) {
        return provider.url() + "/" + tenant + "/v2.0";
    }

    /** A v2 access token of the tenant for the backend application, from the listed client. */
    private JWTClaimsSet.Builder v2() {
        return JwtTokens.claims().issuer(v2Issuer(TENANT)).audience(BACKEND_APP).claim("azp", CLIENT)
                .claim("tid", TENANT).claim("ver", "2.0");
    }

    private static String policy(String attributes, String children) {
        return in(Section.INBOUND, "<validate-azure-ad-token tenant-id=\"" + TENANT + "\" " + attributes + ">"
                + "<client-application-ids><application-id>" + CLIENT + "</application-id></client-application-ids>"
                + children + "</validate-azure-ad-token>");
    }

    private PolicyContext flow(String policy, JWTClaimsSet claims, String... headers) throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.environment(services), null, null, policy, Set.of());
        String[] all = headers;
        if (claims != null) {
            all = new String[headers.length + 2];
            all[0] = "Authorization";
            all[1] = "Bearer " + JwtTokens.rs256(claims, KEY);
            System.arraycopy(headers, 0, all, 2, headers.length);
        }
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE, all);
        context.setForwarder(backend);
        return PolicyTesting.flow(pipeline, context);
    }

    private void assertRefused(PolicyContext context, String reason, String message) {
        assertEquals(401, context.response().status());
        assertEquals("validate-azure-ad-token", context.lastError().source());
        assertEquals(reason, context.lastError().reason());
        assertEquals(message, context.lastError().message());
        assertEquals("{\"statusCode\":401,\"message\":\"" + message + "\"}", body(context.response()));
        assertTrue(backend.calls.isEmpty(), "a refused request never reaches the backend");
    }

    @Test
    void aV2TokenOfTheTenantFromAListedClientPassesAndIsStored() throws Exception {
        PolicyContext context = flow(policy("output-token-variable-name=\"jwt\"", ""), v2().build());
        assertEquals(200, context.response().status());
        assertNull(context.lastError());
        assertEquals(1, backend.calls.size());
        assertEquals(CLIENT, assertInstanceOf(Jwt.class, context.variables().get("jwt")).claims().get("azp")[0]);
        assertEquals(1, provider.configurationCalls());
    }

    @Test
    void aV1TokenWithTheStsIssuerAndAppidPasses() throws Exception {
        JWTClaimsSet v1 = JwtTokens.claims().issuer("https://sts.windows.net/" + TENANT + "/").audience("api://" + BACKEND_APP)
                .claim("appid", CLIENT).claim("ver", "1.0").build();
        String backendIds = "<backend-application-ids><application-id>" + BACKEND_APP
                + "</application-id></backend-application-ids>";
        assertEquals(200, flow(policy("", backendIds), v1).response().status());
    }

    @Test
    void anotherTenantsTokenSignedWithTheSameKeysIsRefused() throws Exception {
        String other = "0b1a2c3d-0000-4000-8000-cccccccccccc";
        assertRefused(flow(policy("", ""), v2().issuer(v2Issuer(other)).claim("tid", other).build()),
                "TokenIssuerNotAllowed", "Issuer validation failed. Access denied.");
        assertRefused(flow(policy("", ""), v2().issuer("https://sts.windows.net/" + other + "/").build()),
                "TokenIssuerNotAllowed", "Issuer validation failed. Access denied.");
    }

    @Test
    void anotherClientApplicationIsRefused() throws Exception {
        assertRefused(flow(policy("", ""), v2().claim("azp", "someone-else").build()), "TokenClaimValueNotAllowed",
                "Claim azp value of someone-else is not allowed. Access denied.");
        assertRefused(flow(policy("", ""), v2().claim("azp", null).build()), "TokenClaimNotFound",
                "JWT token is missing the following claims: azp. Access denied.");
        JWTClaimsSet v1 = JwtTokens.claims().issuer("https://sts.windows.net/" + TENANT + "/")
                .claim("appid", "someone-else").build();
        assertRefused(flow(policy("", ""), v1), "TokenClaimValueNotAllowed",
                "Claim appid value of someone-else is not allowed. Access denied.");
    }

    @Test
    void audiencesAndBackendApplicationsBoundTheAudience() throws Exception {
        String audiences = "<audiences><audience>api://orders</audience></audiences>";
        String backendIds = "<backend-application-ids><application-id>" + BACKEND_APP
                + "</application-id></backend-application-ids>";
        assertRefused(flow(policy("", audiences), v2().build()), "TokenAudienceNotAllowed",
                "Audience validation failed. Access denied.");
        assertEquals(200, flow(policy("", audiences), v2().audience("api://orders").build()).response().status());
        assertEquals(200, flow(policy("", audiences + backendIds), v2().build()).response().status());
        backend.calls.clear();
        assertRefused(flow(policy("", backendIds), v2().audience("api://billing").build()), "TokenAudienceNotAllowed",
                "Audience validation failed. Access denied.");
    }

    @Test
    void anExpiredOrMissingTokenIsRefusedWithTheConfiguredStatusAndMessage() throws Exception {
        JWTClaimsSet expired = v2().expirationTime(Date.from(Instant.now().minusSeconds(5))).build();
        assertRefused(flow(policy("", ""), expired), "TokenExpired", "JWT has expired. Access denied.");
        assertRefused(flow(policy("", ""), null), "TokenNotPresent", "JWT not present.");
        PolicyContext configured = flow(policy("failed-validation-httpcode=\"403\" "
                + "failed-validation-error-message=\"Unauthorized. Access token is missing or invalid.\"", ""), expired);
        assertEquals(403, configured.response().status());
        assertEquals("{\"statusCode\":403,\"message\":\"Unauthorized. Access token is missing or invalid.\"}",
                body(configured.response()));
        assertEquals("TokenExpired", configured.lastError().reason());
    }

    @Test
    void requiredClaimsWorkAsInValidateJwt() throws Exception {
        String roles = "<required-claims><claim name=\"roles\" match=\"any\"><value>Admin.Write</value>"
                + "<value>Orders.Write</value></claim></required-claims>";
        assertEquals(200, flow(policy("", roles), v2().claim("roles", List.of("Orders.Write")).build())
                .response().status());
        backend.calls.clear();
        assertRefused(flow(policy("", roles), v2().claim("roles", List.of("Reader")).build()),
                "TokenClaimValueNotAllowed", "Claim roles value of Reader is not allowed. Access denied.");
    }

    @Test
    void theTenantMayBeAnExpressionAndAnUnusableOneFailsClosed() throws Exception {
        String byHeader = in(Section.INBOUND, "<validate-azure-ad-token "
                + "tenant-id=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Tenant&quot;, &quot;&quot;))\">"
                + "<client-application-ids><application-id>" + CLIENT + "</application-id></client-application-ids>"
                + "</validate-azure-ad-token>");
        assertEquals(200, flow(byHeader, v2().build(), "X-Tenant", TENANT).response().status());
        backend.calls.clear();
        assertRefused(flow(byHeader, v2().build(), "X-Tenant", "common"), "JwtInvalid",
                "The OpenID configuration URL is not valid.");
        assertRefused(flow(byHeader, v2().build(), "X-Tenant", "a/../b"), "JwtInvalid",
                "The OpenID configuration URL is not valid.");
        // the v2 token of TENANT does not pass for another tenant named by the request
        assertRefused(flow(byHeader, v2().build(), "X-Tenant", "contoso.onmicrosoft.com"), "TokenIssuerNotAllowed",
                "Issuer validation failed. Access denied.");
    }

    @Test
    void aTenantGivenAsAnHttpsUrlNamesItsDomain() throws Exception {
        String byUrl = in(Section.INBOUND, "<validate-azure-ad-token tenant-id=\"https://contoso.onmicrosoft.com\">"
                + "<client-application-ids><application-id>" + CLIENT + "</application-id></client-application-ids>"
                + "</validate-azure-ad-token>");
        JWTClaimsSet token = v2().issuer(v2Issuer("contoso.onmicrosoft.com")).build();
        assertEquals(200, flow(byUrl, token).response().status());
        assertEquals("https://sts.windows.net/" + TENANT + "/",
                ValidateAzureAdTokenPolicy.v1Issuer("https://login.microsoftonline.com/" + TENANT + "/v2.0"));
        assertNull(ValidateAzureAdTokenCompiler.tenant("https://contoso.onmicrosoft.com/path"));
        assertNull(ValidateAzureAdTokenCompiler.tenant("Organizations"));
    }

    @Test
    void anEncryptedTokenIsOpenedWithTheCertificatesPrivateKeyAndTheTokenInsideValidated() throws Exception {
        TestCertificates made = TestCertificates.get();
        ClientCertificate decryption = CertificateReader.fromData("token-decryption", made.otherClientData(),
                TestCertificates.PASSWORD);
        String policy = policy("output-token-variable-name=\"jwt\"",
                "<decryption-keys><key certificate-id=\"token-decryption\"/></decryption-keys>");
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.environment(services,
                new Certificates(List.of(decryption))), null, null, policy, Set.of());
        // as Entra ID encrypts to an application's certificate: RSA-OAEP-256, a nested RS256 token
        String encrypted = JweTokens.nested(JwtTokens.rs256(v2().build(), KEY), JWEAlgorithm.RSA_OAEP_256,
                EncryptionMethod.A256GCM, JweTokens.toPublicKey(decryption.certificate().getPublicKey()), null);
        PolicyContext passed = encryptedFlow(pipeline, encrypted);
        assertEquals(200, passed.response().status());
        assertEquals(CLIENT, assertInstanceOf(Jwt.class, passed.variables().get("jwt")).claims().get("azp")[0]);
        backend.calls.clear();
        String otherClient = JweTokens.nested(JwtTokens.rs256(v2().claim("azp", "someone-else").build(), KEY),
                JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM,
                JweTokens.toPublicKey(decryption.certificate().getPublicKey()), null);
        assertRefused(encryptedFlow(pipeline, otherClient), "TokenClaimValueNotAllowed",
                "Claim azp value of someone-else is not allowed. Access denied.");
        String wrongKey = JweTokens.nested(JwtTokens.rs256(v2().build(), KEY), JWEAlgorithm.A256KW,
                EncryptionMethod.A256GCM, JweTokens.aesKeyWrap(JweTokens.KEY_256), null);
        assertRefused(encryptedFlow(pipeline, wrongKey), "JwtInvalid", "JWT could not be decrypted.");
        // without decryption keys an encrypted token is refused
        assertRefused(flow(policy("", ""), null, "Authorization", "Bearer " + encrypted), "JwtInvalid",
                "JWT is encrypted and no decryption key is configured.");
    }

    private PolicyContext encryptedFlow(Pipeline pipeline, String token) throws Exception {
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE,
                "Authorization", "Bearer " + token);
        context.setForwarder(backend);
        return PolicyTesting.flow(pipeline, context);
    }

    @Test
    void aKeyRolledOverIsFetchedOnce() throws Exception {
        assertEquals(200, flow(policy("", ""), v2().build()).response().status());
        clock.advance(Duration.ofMinutes(2)); // the tenant rolls its keys some time later
        RSAKey next = JwtTokens.rsaKey("entra-2");
        provider.serve(new JWKSet(List.of(KEY.toPublicJWK(), next.toPublicJWK())));
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.environment(services), null, null, policy("", ""), Set.of());
        for (int i = 0; i < 3; i++) {
            PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE,
                    "Authorization", "Bearer " + JwtTokens.rs256(v2().build(), next));
            context.setForwarder(backend);
            assertEquals(200, PolicyTesting.flow(pipeline, context).response().status());
        }
        assertEquals(2, provider.keysCalls());
        assertEquals(2, provider.configurationCalls());
    }

    @Test
    void whatIsNotBuiltOrNotValidIsRefusedAtCompileTime() {
        String clients = "<client-application-ids><application-id>" + CLIENT + "</application-id></client-application-ids>";
        assertTrue(compileError(in(Section.INBOUND, "<validate-azure-ad-token tenant-id=\"" + TENANT + "\"/>"))
                .contains("client-application-ids"));
        assertTrue(compileError(in(Section.INBOUND, "<validate-azure-ad-token tenant-id=\"" + TENANT + "\">"
                + "<client-application-ids/></validate-azure-ad-token>")).contains("at least one"));
        assertTrue(compileError(in(Section.INBOUND, "<validate-azure-ad-token>" + clients
                + "</validate-azure-ad-token>")).contains("tenant-id"));
        assertTrue(compileError(in(Section.INBOUND, "<validate-azure-ad-token tenant-id=\"common\">" + clients
                + "</validate-azure-ad-token>")).contains("common"));
        assertTrue(compileError(in(Section.INBOUND, "<validate-azure-ad-token tenant-id=\"" + TENANT + "\">" + clients
                + "<decryption-keys><key n=\"AQAB\" e=\"AQAB\"/></decryption-keys></validate-azure-ad-token>"))
                .contains("cannot be an RSA public key"));
        assertTrue(compileError(in(Section.INBOUND, "<validate-azure-ad-token tenant-id=\"" + TENANT + "\" "
                + "authentication-endpoint=\"https://login.microsoftonline.us\">" + clients
                + "</validate-azure-ad-token>")).contains("aad.authority"));
        assertTrue(compileError(in(Section.INBOUND, "<validate-azure-ad-token tenant-id=\"" + TENANT + "\" "
                + "require-scheme=\"Bearer\">" + clients + "</validate-azure-ad-token>")).contains("require-scheme"));
        assertTrue(compileError(in(Section.INBOUND, "<validate-azure-ad-token tenant-id=\"" + TENANT + "\">"
                + "<client-application-ids><application-id>@(context.Request.Headers.GetValueOrDefault("
                + "&quot;X-App&quot;, &quot;&quot;))</application-id></client-application-ids>"
                + "</validate-azure-ad-token>")).contains("expression"));
        assertTrue(compileError(in(Section.OUTBOUND, "<validate-azure-ad-token tenant-id=\"" + TENANT + "\">" + clients
                + "</validate-azure-ad-token>")).contains("validate-azure-ad-token"));
    }
}
