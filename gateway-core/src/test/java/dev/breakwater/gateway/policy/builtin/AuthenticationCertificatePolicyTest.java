package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.testing.TestCertificates;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** authentication-certificate: which certificate it leaves for the proxy, and what it refuses. */
class AuthenticationCertificatePolicyTest {

    static TestCertificates made;
    static Certificates certificates;

    @BeforeAll
    static void read() throws Exception {
        made = TestCertificates.get();
        certificates = new Certificates(List.of(
                CertificateReader.fromData("orders", made.clientData(), TestCertificates.PASSWORD),
                CertificateReader.fromData("billing", made.otherClientData(), TestCertificates.PASSWORD),
                CertificateReader.fromPem("ca-only", made.caCertificatePem())));
    }

    private static Pipeline pipeline(String elements) throws PolicyCompileException {
        return PolicyTesting.pipeline(PolicyTesting.environment(List.of(), List.of(), Backends.NONE, certificates),
                null, null, in(Section.INBOUND, elements), Set.of());
    }

    private static String compileError(String elements) {
        return assertThrows(PolicyCompileException.class, () -> pipeline(elements)).getMessage();
    }

    private static ClientCertificate chosen(String elements, String... headers) throws Exception {
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE, headers);
        PolicyTesting.run(pipeline(elements), Section.INBOUND, context);
        return context.get(ClientCertificate.FOR_BACKEND);
    }

    private static PolicyException failure(String elements, String... headers) {
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE, headers);
        return assertThrows(PolicyException.class, () -> PolicyTesting.run(pipeline(elements), Section.INBOUND,
                context));
    }

    @Test
    void aConstantIdOrThumbprintChoosesTheCertificateWhenCompiled() throws Exception {
        assertSame(certificates.byId("orders"), chosen("<authentication-certificate certificate-id=\"orders\"/>"));
        String thumbprint = made.otherClientThumbprint().toLowerCase();
        assertSame(certificates.byId("billing"), chosen("<authentication-certificate thumbprint=\"" + thumbprint + "\"/>"));
        assertNull(chosen("<set-header name=\"x\"><value>y</value></set-header>"), "no policy, no certificate");
    }

    @Test
    void anExpressionIsResolvedPerRequest() throws Exception {
        String byHeader = "<authentication-certificate certificate-id=\"@(context.Request.Headers"
                + ".GetValueOrDefault(&quot;X-Cert&quot;, &quot;&quot;))\"/>";
        assertEquals("orders", chosen(byHeader, "X-Cert", "orders").id());
        assertEquals("billing", chosen(byHeader, "X-Cert", "billing").id());
        PolicyException unknown = failure(byHeader, "X-Cert", "ghost");
        assertEquals("CertificateNotFound", unknown.error().reason());
        assertEquals(500, unknown.error().statusCode());
        assertEquals("certificate-id 'ghost' names no certificate; defined: billing, ca-only, orders",
                unknown.getMessage());
        assertEquals("CertificateWithoutPrivateKey", failure(byHeader, "X-Cert", "ca-only").error().reason());
        String byThumbprint = "<authentication-certificate thumbprint=\"@(context.Request.Headers"
                + ".GetValueOrDefault(&quot;X-Thumb&quot;, &quot;&quot;))\"/>";
        assertEquals("orders", chosen(byThumbprint, "X-Thumb", made.clientThumbprint()).id());
        assertEquals("thumbprint 'FF' matches no certificate",
                failure(byThumbprint, "X-Thumb", "FF").getMessage());
    }

    @Test
    void aBodyExpressionGivesAPkcs12FileReadOncePerFileAndPassword() throws Exception {
        String policy = "<set-variable name=\"pfx\" value=\"" + made.clientData() + "\"/>"
                + "<authentication-certificate body=\"@(Convert.FromBase64String((string)context.Variables[&quot;pfx&quot;]))\" "
                + "password=\"" + TestCertificates.PASSWORD + "\"/>";
        Pipeline pipeline = pipeline(policy);
        PolicyContext first = PolicyTesting.context();
        PolicyTesting.run(pipeline, Section.INBOUND, first);
        ClientCertificate certificate = first.get(ClientCertificate.FOR_BACKEND);
        assertEquals(made.clientThumbprint(), certificate.thumbprint());
        assertNull(certificate.id());
        assertTrue(certificate.hasPrivateKey());
        PolicyContext second = PolicyTesting.context();
        PolicyTesting.run(pipeline, Section.INBOUND, second);
        assertSame(certificate, second.get(ClientCertificate.FOR_BACKEND), "read once");

        PolicyException wrong = failure(policy.replace("password=\"" + TestCertificates.PASSWORD,
                "password=\"wrong-pass-1234"));
        assertEquals("InvalidCertificate", wrong.error().reason());
        assertEquals("body: the PKCS#12 data does not open with its password", wrong.getMessage());
        assertFalse(wrong.getMessage().contains("wrong-pass-1234"));
        assertTrue(failure("<authentication-certificate body=\"@(&quot;text&quot;)\"/>").getMessage()
                .startsWith("body must give the certificate's bytes (byte[])"));
    }

    @Test
    void whatCannotBePresentedIsRefusedWhenCompiled() {
        assertTrue(compileError("<authentication-certificate certificate-id=\"ghost\"/>")
                .contains("attribute 'certificate-id': no certificate 'ghost'; defined: billing, ca-only, orders"));
        assertTrue(compileError("<authentication-certificate thumbprint=\"" + "AB".repeat(20) + "\"/>")
                .contains("no certificate has thumbprint " + "AB".repeat(20)));
        assertTrue(compileError("<authentication-certificate thumbprint=\"xyz\"/>")
                .contains("attribute 'thumbprint' must be 40 hex digits"));
        assertTrue(compileError("<authentication-certificate certificate-id=\"ca-only\"/>")
                .contains("has no private key: it cannot authenticate the gateway"));
        assertTrue(compileError("<authentication-certificate/>").contains("one of the attributes 'thumbprint', "
                + "'certificate-id' and 'body' is required, and only one"));
        assertTrue(compileError("<authentication-certificate certificate-id=\"orders\" thumbprint=\"x\"/>")
                .contains("and only one"));
        assertTrue(compileError("<authentication-certificate certificate-id=\"orders\" password=\"p\"/>")
                .contains("attribute 'password' goes with 'body'"));
        assertTrue(compileError("<authentication-certificate body=\"AAAA\"/>")
                .contains("attribute 'body' must be a policy expression"));
        assertTrue(compileError("<authentication-certificate certificate-id=\"orders\" store=\"x\"/>")
                .contains("store"));
        assertTrue(PolicyTesting.compileError(PolicyTesting.in(Section.OUTBOUND,
                "<authentication-certificate certificate-id=\"orders\"/>")).contains("not allowed in <outbound>"));
    }
}
