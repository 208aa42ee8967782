package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.documentWith;
import static dev.breakwater.runner.Documents.namedValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.breakwater.gateway.policy.builtin.JwtTokens;
import dev.breakwater.gateway.settings.GatewaySettings;
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
 * validate-azure-ad-token in the real runner, with {@code aad.authority} pointing at a local OpenID
 * provider on loopback that stands for Entra ID: a token of the tenant from the listed client reaches
 * the backend; another tenant's token (signed with the same keys, as Entra ID's tenants share them),
 * another client application, another audience, an expired token get 401 with APIM's message, run
 * on-error and never reach the backend; a key the tenant rolled over is fetched once.
 */
class ValidateAzureAdTokenIT {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String CLIENT = "0d9c6f7e-1111-4a2b-9c3d-aaaaaaaaaaaa";
    private static final RSAKey FIRST = JwtTokens.rsaKey("entra-1");
    private static final RSAKey SECOND = JwtTokens.rsaKey("entra-2");

    @TempDir
    static Path dir;
    static TestOpenIdProvider provider;
    static TestBackend backend;
    static ShiftedClock clock = new ShiftedClock();
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        provider = new TestOpenIdProvider(new JWKSet(FIRST.toPublicJWK()));
        backend = new TestBackend();
        String policy = "<policies><inbound><base/>"
                + "<validate-azure-ad-token tenant-id=\"{{aad-tenant-id}}\" output-token-variable-name=\"jwt\">"
                + "<client-application-ids><application-id>{{aad-client-id}}</application-id></client-application-ids>"
                + "<audiences><audience>api://orders</audience></audiences></validate-azure-ad-token>"
                + "<set-header name=\"X-Subject\"><value>@(((Jwt)context.Variables[\"jwt\"]).Subject)</value></set-header>"
                + "</inbound><backend><base/></backend><outbound><base/></outbound>"
                + "<on-error><base/><set-header name=\"X-Error\" exists-action=\"override\">"
                + "<value>@(context.LastError.Source + \"/\" + context.LastError.Reason)</value></set-header>"
                + "</on-error></policies>";
        String namedValues = "[" + namedValue("aad-tenant-id", "aad-tenant-id", TENANT, false) + ", "
                + namedValue("aad-client-id", "aad-client-id", CLIENT, false) + "]";
        gateway = new InProcessGateway(dir, documentWith(1, null, namedValues, "[]",
                api("orders", "orders", backend.url(), policy, "")),
                Map.of(GatewaySettings.AAD_AUTHORITY, provider.url()), clock);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
        provider.close();
    }

    /** A v2 access token of the tenant, for api://orders, from the listed client application. */
    private static JWTClaimsSet.Builder claims() {
        return JwtTokens.claims().issuer(provider.url() + "/" + TENANT + "/v2.0").audience("api://orders")
                .claim("azp", CLIENT).claim("tid", TENANT).claim("ver", "2.0");
    }

    private static HttpResponse<String> get(String path, JWTClaimsSet claims, RSAKey key) throws Exception {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path))
                .header("Authorization", "Bearer " + JwtTokens.rs256(claims, key)));
    }

    private static void assertRefused(HttpResponse<String> response, String message, String reason) throws Exception {
        assertEquals(401, response.statusCode());
        JsonNode body = Json.parse(response.body());
        assertEquals(401, body.get("statusCode").asInt());
        assertEquals(message, body.get("message").asText());
        assertEquals("validate-azure-ad-token/" + reason, response.headers().firstValue("X-Error").orElse(null),
                "on-error ran");
    }

    @Test
    void aTokenOfTheTenantFromTheListedClientReachesTheBackend() throws Exception {
        int before = backend.requestsReceived();
        HttpResponse<String> passed = get("/orders/1", claims().build(), FIRST);
        assertEquals(200, passed.statusCode());
        assertEquals(List.of("alice"), Echo.parse(passed.body()).header("X-Subject"));
        assertEquals(before + 1, backend.requestsReceived());
    }

    @Test
    void otherTenantsClientsAudiencesAndExpiredTokensGet401AndNeverReachTheBackend() throws Exception {
        get("/orders/warm", claims().build(), FIRST); // the tenant's keys are known: what follows is the claims
        int before = backend.requestsReceived();
        String otherTenant = "0b1a2c3d-0000-4000-8000-cccccccccccc";
        assertRefused(get("/orders/2", claims().issuer(provider.url() + "/" + otherTenant + "/v2.0")
                .claim("tid", otherTenant).build(), FIRST), "Issuer validation failed. Access denied.", "TokenIssuerNotAllowed");
        assertRefused(get("/orders/3", claims().claim("azp", "another-app").build(), FIRST),
                "Claim azp value of another-app is not allowed. Access denied.", "TokenClaimValueNotAllowed");
        assertRefused(get("/orders/4", claims().audience("api://billing").build(), FIRST),
                "Audience validation failed. Access denied.", "TokenAudienceNotAllowed");
        assertRefused(get("/orders/5", claims().expirationTime(Date.from(Instant.now().minusSeconds(60))).build(), FIRST),
                "JWT has expired. Access denied.", "TokenExpired");
        assertRefused(gateway.send(HttpRequest.newBuilder(gateway.uri("/orders/6"))), "JWT not present.",
                "TokenNotPresent");
        assertEquals(before, backend.requestsReceived(), "no refused request reached the backend");
    }

    @Test
    void aKeyTheTenantRolledOverIsFetchedOnce() throws Exception {
        assertEquals(200, get("/orders/7", claims().build(), FIRST).statusCode());
        int configurations = provider.configurationCalls();
        int keys = provider.keysCalls();
        clock.advance(Duration.ofMinutes(2)); // the tenant rolls its keys over later on
        provider.serve(new JWKSet(List.of(FIRST.toPublicJWK(), SECOND.toPublicJWK())));
        for (int i = 0; i < 5; i++) {
            assertEquals(200, get("/orders/8", claims().build(), SECOND).statusCode());
        }
        assertEquals(configurations + 1, provider.configurationCalls());
        assertEquals(keys + 1, provider.keysCalls(), "the new key was fetched once");
        for (int i = 0; i < 5; i++) {
            assertRefused(get("/orders/9", claims().build(), JwtTokens.rsaKey("made-up-" + i)),
                    "JWT signature key was not found. Access denied.", "TokenSignatureKeyNotFound");
        }
        assertEquals(keys + 1, provider.keysCalls(), "made-up key ids do not make the gateway fetch again");
    }
}
