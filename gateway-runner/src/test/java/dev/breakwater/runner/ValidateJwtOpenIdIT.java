package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.breakwater.gateway.policy.builtin.JwtTokens;
import dev.breakwater.gateway.policy.jwt.OpenIdKeySource;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.ShiftedClock;
import dev.breakwater.gateway.testing.TestBackend;
import dev.breakwater.gateway.testing.TestOpenIdProvider;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate-jwt with {@code <openid-config>} in the real runner, against a local OpenID provider on
 * loopback: RS256 and ES256 tokens signed with the provider's keys reach the backend; expired ones,
 * other audiences, issuers that are neither the configuration's nor listed, HS256 tokens and forged
 * signatures get 401 with APIM's message, run on-error and never reach the backend. When the provider
 * rolls its keys, a token with the new {@code kid} costs one fetch of the JWK set; made-up kids cost
 * none within 30 s. The gateway's clock is shifted rather than slept on.
 */
class ValidateJwtOpenIdIT {

    private static final RSAKey RSA = JwtTokens.rsaKey("rsa-1");
    private static final ECKey EC = JwtTokens.ecKey("ec-1");
    private static final RSAKey ROLLED = JwtTokens.rsaKey("rsa-2");

    @TempDir
    static Path dir;
    static TestOpenIdProvider provider;
    static TestBackend backend;
    static final ShiftedClock clock = new ShiftedClock();
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        provider = new TestOpenIdProvider(new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())));
        backend = new TestBackend();
        String policy = "<policies><inbound><base/><validate-jwt header-name=\"Authorization\" require-scheme=\"Bearer\" "
                + "output-token-variable-name=\"jwt\">"
                + "<openid-config url=\"" + provider.url() + TestOpenIdProvider.CONFIGURATION + "\"/>"
                + "<audiences><audience>api://orders</audience></audiences>"
                + "<issuers><issuer>https://partner.example</issuer></issuers></validate-jwt>"
                + "<set-header name=\"X-Subject\"><value>@(((Jwt)context.Variables[\"jwt\"]).Subject)</value></set-header>"
                + "</inbound><backend><base/></backend><outbound><base/></outbound>"
                + "<on-error><base/><set-header name=\"X-Error-Reason\" exists-action=\"override\">"
                + "<value>@(context.LastError.Reason)</value></set-header></on-error></policies>";
        gateway = new InProcessGateway(dir, document(1, null, api("orders", "orders", backend.url(), policy, "")),
                Map.of(), clock);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
        provider.close();
    }

    /** Claims of a token the provider issued: its configuration names issuer {@code provider.url()}. */
    private static JWTClaimsSet.Builder claims() {
        return JwtTokens.claims().issuer(provider.url());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return gateway.send(request);
    }

    private static void assertRefused(HttpResponse<String> response, String message, String reason) throws Exception {
        assertEquals(401, response.statusCode(), response.body());
        JsonNode body = Json.parse(response.body());
        assertEquals(401, body.get("statusCode").asInt());
        assertEquals(message, body.get("message").asText());
        assertEquals(reason, response.headers().firstValue("X-Error-Reason").orElse(null), "on-error ran");
    }

    @Test
    void rs256AndEs256TokensSignedByTheProviderReachTheBackend() throws Exception {
        int before = backend.requestsReceived();
        HttpResponse<String> rs256 = get("/orders/1", JwtTokens.rs256(claims().build(), RSA));
        assertEquals(200, rs256.statusCode(), rs256.body());
        assertEquals(List.of("alice"), Echo.parse(rs256.body()).header("X-Subject"));
        HttpResponse<String> es256 = get("/orders/2", JwtTokens.es256(claims().subject("bob").build(), EC));
        assertEquals(200, es256.statusCode(), es256.body());
        assertEquals(List.of("bob"), Echo.parse(es256.body()).header("X-Subject"));
        HttpResponse<String> listed = get("/orders/3", JwtTokens.rs256(claims().issuer("https://partner.example").build(), RSA));
        assertEquals(200, listed.statusCode(), "an issuer in <issuers> is accepted besides the configuration's");
        assertEquals(before + 3, backend.requestsReceived());
    }

    @Test
    void expiredOtherAudienceOtherIssuerAndForgedTokensGet401AndNeverReachTheBackend() throws Exception {
        assertEquals(200, get("/orders/warm", JwtTokens.rs256(claims().build(), RSA)).statusCode());
        int before = backend.requestsReceived();
        assertRefused(get("/orders/4", JwtTokens.rs256(claims()
                        .expirationTime(Date.from(Instant.now().minusSeconds(60))).build(), RSA)),
                "JWT has expired. Access denied.", "TokenExpired");
        assertRefused(get("/orders/5", JwtTokens.es256(claims().audience("api://billing").build(), EC)),
                "Audience validation failed. Access denied.", "TokenAudienceNotAllowed");
        assertRefused(get("/orders/6", JwtTokens.rs256(claims().issuer("https://elsewhere.example").build(), RSA)),
                "Issuer validation failed. Access denied.", "TokenIssuerNotAllowed");
        assertRefused(get("/orders/7", JwtTokens.hs256(claims().build())),
                "JWT signature key was not found. Access denied.", "TokenSignatureKeyNotFound");
        assertRefused(get("/orders/8", JwtTokens.rs256(claims().build(), JwtTokens.rsaKey("rsa-1"))),
                "JWT signature validation failed. Access denied.", "TokenSignatureInvalid");
        assertRefused(get("/orders/9", null), "JWT not present.", "TokenNotPresent");
        assertEquals(before, backend.requestsReceived(), "no refused request reached the backend");
    }

    @Test
    void rolledKeysAreFetchedOnceAndMadeUpKidsNotWithinThirtySeconds() throws Exception {
        assertEquals(200, get("/orders/10", JwtTokens.rs256(claims().build(), RSA)).statusCode());
        int configurations = provider.configurationCalls();
        int keys = provider.keysCalls();

        clock.advance(Duration.ofMinutes(2)); // the provider rolls its keys over later on
        provider.serve(new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK(), ROLLED.toPublicJWK())));
        for (int i = 0; i < 5; i++) {
            assertEquals(200, get("/orders/11", JwtTokens.rs256(claims().build(), ROLLED)).statusCode());
        }
        assertEquals(configurations + 1, provider.configurationCalls());
        assertEquals(keys + 1, provider.keysCalls(), "the rolled key cost one fetch of the JWK set");

        for (int i = 0; i < 5; i++) {
            assertRefused(get("/orders/12", JwtTokens.rs256(claims().build(), JwtTokens.rsaKey("made-up-" + i))),
                    "JWT signature key was not found. Access denied.", "TokenSignatureKeyNotFound");
        }
        assertEquals(keys + 1, provider.keysCalls(), "made-up kids right after a fetch cost none");

        clock.advance(OpenIdKeySource.MIN_REFRESH_INTERVAL.plusSeconds(1));
        for (int i = 0; i < 5; i++) {
            assertRefused(get("/orders/13", JwtTokens.es256(claims().build(), JwtTokens.ecKey("made-up-ec-" + i))),
                    "JWT signature key was not found. Access denied.", "TokenSignatureKeyNotFound");
        }
        assertEquals(keys + 2, provider.keysCalls(), "30 s later an unknown kid refreshes once, not once per token");
        assertEquals(200, get("/orders/14", JwtTokens.es256(claims().build(), EC)).statusCode(),
                "the keys known are still used");
        assertEquals(keys + 2, provider.keysCalls());
    }
}
