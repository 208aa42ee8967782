package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jwt.SignedJWT;
import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.testing.TestCertificates;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** validate-jwt's {@code <key certificate-id>}: the public key of one of the gateway's certificates (EC or RSA). */
class ValidateJwtCertificateTest {

    @Test
    void tokensSignedWithTheCertificatesKeyPassAndOthersDoNot() throws Exception {
        TestCertificates made = TestCertificates.get();
        ClientCertificate orders = CertificateReader.fromData("orders", made.clientData(), TestCertificates.PASSWORD);
        ClientCertificate billing = CertificateReader.fromData("billing", made.otherClientData(), TestCertificates.PASSWORD);
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.environment(List.of(), List.of(), Backends.NONE,
                new Certificates(List.of(orders, billing))), null, null, in(Section.INBOUND,
                "<validate-jwt><issuer-signing-keys><key certificate-id=\"orders\"/><key certificate-id=\"billing\"/>"
                        + "</issuer-signing-keys></validate-jwt>"), Set.of());
        assertEquals(200, flow(pipeline, sign(orders)).response().status());
        assertEquals(200, flow(pipeline, sign(billing)).response().status());
        PolicyContext forged = flow(pipeline, JwtTokens.rs256(JwtTokens.claims().build(), JwtTokens.rsaKey(null)));
        assertEquals(401, forged.response().status());
    }

    private static String sign(ClientCertificate certificate) throws Exception {
        SignedJWT jwt;
        if (certificate.privateKey() instanceof RSAPrivateKey rsa) {
            jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), JwtTokens.claims().build());
            jwt.sign(new RSASSASigner(rsa));
        } else {
            ECPublicKey pub = (ECPublicKey) certificate.certificate().getPublicKey();
            JWSAlgorithm alg = Curve.forECParameterSpec(pub.getParams()) == Curve.P_384 ? JWSAlgorithm.ES384
                    : Curve.forECParameterSpec(pub.getParams()) == Curve.P_521 ? JWSAlgorithm.ES512 : JWSAlgorithm.ES256;
            jwt = new SignedJWT(new JWSHeader(alg), JwtTokens.claims().build());
            jwt.sign(new ECDSASigner((ECPrivateKey) certificate.privateKey()));
        }
        return jwt.serialize();
    }

    private static PolicyContext flow(Pipeline pipeline, String token) throws Exception {
        return PolicyTesting.flow(pipeline, PolicyTesting.context("/items", null, TemplateValues.NONE,
                "Authorization", "Bearer " + token));
    }
}
