package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.policy.builtin.JweTokens;
import dev.breakwater.gateway.policy.builtin.JwtTokens;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import dev.breakwater.gateway.testing.TestCertificates;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate-jwt in the real runner in front of a real backend: a valid token reaches the backend; an
 * invalid or missing one gets 401 with APIM's message, runs on-error and never reaches the backend.
 */
class ValidateJwtIT {

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;
    static TestCertificates made;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        String policy = "<policies><inbound><base/><validate-jwt header-name=\"Authorization\" require-scheme=\"Bearer\" "
                + "output-token-variable-name=\"jwt\">"
                + "<issuer-signing-keys><key>" + JwtTokens.SECRET_BASE64 + "</key></issuer-signing-keys>"
                + "<audiences><audience>api://orders</audience></audiences></validate-jwt>"
                + "<set-header name=\"X-Subject\"><value>@(((Jwt)context.Variables[\"jwt\"]).Subject)</value></set-header>"
                + "</inbound><backend><base/></backend><outbound><base/></outbound>"
                + "<on-error><base/><set-header name=\"X-Error-Reason\" exists-action=\"override\">"
                + "<value>@(context.LastError.Reason)</value></set-header></on-error></policies>";
        made = TestCertificates.get();
        // the same checks behind <decryption-keys> naming a certificate entity that holds its private key
        String sealed = policy.replace("<issuer-signing-keys>", "<decryption-keys><key certificate-id=\"token-decryption\"/>"
                + "</decryption-keys><issuer-signing-keys>");
        String certificates = "[{\"id\": \"token-decryption\", \"data\": \"" + made.otherClientData()
                + "\", \"password\": \"" + TestCertificates.PASSWORD + "\"}]";
        gateway = new InProcessGateway(dir, "{\"revision\": 1, \"certificates\": " + certificates + ", \"apis\": ["
                + api("orders", "orders", backend.url(), policy, "") + ", "
                + api("sealed", "sealed", backend.url(), sealed, "") + "]}");
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return gateway.send(request);
    }

    private static void assertRefused(HttpResponse<String> response, String message, String reason) throws Exception {
        assertEquals(401, response.statusCode());
        JsonNode body = Json.parse(response.body());
        assertEquals(401, body.get("statusCode").asInt());
        assertEquals(message, body.get("message").asText());
        assertEquals(reason, response.headers().firstValue("X-Error-Reason").orElse(null), "on-error ran");
    }

    @Test
    void aValidTokenReachesTheBackendWithItsSubject() throws Exception {
        int before = backend.requestsReceived();
        HttpResponse<String> passed = get("/orders/1", "Authorization", "Bearer " + JwtTokens.hs256(JwtTokens.claims().build()));
        assertEquals(200, passed.statusCode());
        assertEquals(List.of("alice"), Echo.parse(passed.body()).header("X-Subject"));
        assertEquals(before + 1, backend.requestsReceived());
    }

    @Test
    void anInvalidOrMissingTokenGets401AndNeverReachesTheBackend() throws Exception {
        int before = backend.requestsReceived();
        assertRefused(get("/orders/2"), "JWT not present.", "TokenNotPresent");
        String wrongAudience = JwtTokens.hs256(JwtTokens.claims().audience("api://billing").build());
        assertRefused(get("/orders/3", "Authorization", "Bearer " + wrongAudience),
                "Audience validation failed. Access denied.", "TokenAudienceNotAllowed");
        String forged = JwtTokens.hs256(JwtTokens.claims().build(),
                "fedcba9876543210fedcba9876543210".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertRefused(get("/orders/4", "Authorization", "Bearer " + forged),
                "JWT signature validation failed. Access denied.", "TokenSignatureInvalid");
        assertEquals(before, backend.requestsReceived(), "no refused request reached the backend");
    }

    @Test
    void anEncryptedTokenIsOpenedWithTheCertificateEntitysPrivateKey() throws Exception {
        int before = backend.requestsReceived();
        java.security.PublicKey publicKey = CertificateReader.fromData("token-decryption", made.otherClientData(),
                TestCertificates.PASSWORD).certificate().getPublicKey();
        String encrypted = JweTokens.nested(JwtTokens.hs256(JwtTokens.claims().build()), JWEAlgorithm.RSA_OAEP_256,
                EncryptionMethod.A256GCM, JweTokens.toPublicKey(publicKey), null);
        HttpResponse<String> passed = get("/sealed/1", "Authorization", "Bearer " + encrypted);
        assertEquals(200, passed.statusCode());
        assertEquals(List.of("alice"), Echo.parse(passed.body()).header("X-Subject"));
        assertEquals(before + 1, backend.requestsReceived());
        String toAnotherKey = JweTokens.nested(JwtTokens.hs256(JwtTokens.claims().build()), JWEAlgorithm.A256KW,
                EncryptionMethod.A256GCM, JweTokens.aesKeyWrap(JweTokens.KEY_256), null);
        assertRefused(get("/sealed/2", "Authorization", "Bearer " + toAnotherKey), "JWT could not be decrypted.",
                "JwtInvalid");
        assertRefused(get("/orders/5", "Authorization", "Bearer " + encrypted),
                "JWT is encrypted and no decryption key is configured.", "JwtInvalid");
        assertEquals(before + 1, backend.requestsReceived(), "no refused request reached the backend");
    }
}
