package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.body;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.certificate.DotNetNames;
import dev.breakwater.gateway.certificate.PresentedChain;
import dev.breakwater.gateway.certificate.Thumbprints;
import dev.breakwater.gateway.certificate.TrustedCertificates;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.testing.TestCertificates;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * validate-client-certificate on the whole flow with real certificates (the test CA's, an expired
 * one, one from another CA): what passes reaches the backend, what fails gets 403 and on-error with
 * the reason, and identities match by each claim. Also {@code context.Request.Certificate}.
 */
class ValidateClientCertificatePolicyTest {

    static TestCertificates made;
    static Certificates certificates;
    static List<X509Certificate> client;
    static List<X509Certificate> expired;
    static List<X509Certificate> foreign;

    @BeforeAll
    static void read() throws Exception {
        made = TestCertificates.get();
        X509Certificate ca = CertificateReader.fromPem("test-ca", made.caCertificatePem()).certificate();
        certificates = new Certificates(List.of(CertificateReader.fromPem("test-ca", made.caCertificatePem()),
                CertificateReader.fromData("orders", made.clientData(), TestCertificates.PASSWORD)),
                new TrustedCertificates(Map.of("test-ca", List.of(ca))));
        client = TestCertificates.chain(made.clientStore);
        expired = TestCertificates.chain(made.expiredClientStore);
        foreign = TestCertificates.chain(made.foreignClientStore);
    }

    private static Pipeline pipeline(String elements) throws PolicyCompileException {
        return PolicyTesting.pipeline(PolicyTesting.environment(List.of(), List.of(), Backends.NONE, certificates),
                null, null, in(Section.INBOUND, elements), Set.of());
    }

    private static PolicyContext flow(String elements, List<X509Certificate> chain) throws Exception {
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE);
        context.setForwarder(new StubBackend());
        if (chain != null) {
            context.put(PresentedChain.KEY, new PresentedChain(chain));
        }
        context.put(TrustedCertificates.KEY, certificates.trusted());
        return PolicyTesting.flow(pipeline(elements), context);
    }

    private static String check(String attributes, String identities) {
        return "<validate-client-certificate validate-revocation=\"false\" " + attributes + ">"
                + (identities == null ? "" : "<identities>" + identities + "</identities>")
                + "</validate-client-certificate>";
    }

    private static int status(String attributes, String identities, List<X509Certificate> chain) throws Exception {
        return flow(check(attributes, identities), chain).response().status();
    }

    @Test
    void aCertificateFromTheConfiguredCaWithinItsValidityPasses() throws Exception {
        PolicyContext context = flow(check("", null), client);
        assertEquals(200, context.response().status());
        assertNull(context.lastError());
    }

    @Test
    void failuresAre403WithTheReasonForOnError() throws Exception {
        PolicyContext none = flow(check("", null), null);
        assertEquals(403, none.response().status());
        assertEquals("{\"statusCode\":403,\"message\":\"Invalid client certificate\"}", body(none.response()));
        assertEquals("validate-client-certificate", none.lastError().source());
        assertEquals("ClientCertificateMissing", none.lastError().reason());

        PolicyContext old = flow(check("", null), expired);
        assertEquals(403, old.response().status());
        assertEquals("ClientCertificateInvalid", old.lastError().reason());
        assertTrue(old.lastError().message().startsWith("the client certificate expired at "), old.lastError().message());

        PolicyContext unknown = flow(check("", null), foreign);
        assertEquals(403, unknown.response().status());
        assertEquals("the client certificate does not chain to a trusted root", unknown.lastError().message());
    }

    @Test
    void eachCheckCanBeTurnedOff() throws Exception {
        assertEquals(200, status("validate-not-after=\"false\"", null, expired), "expired but from the CA");
        assertEquals(403, status("validate-trust=\"false\"", null, expired), "the date is still checked");
        assertEquals(200, status("validate-trust=\"false\"", null, foreign));
        assertEquals(403, status("validate-not-after=\"false\" validate-not-before=\"false\"", null, foreign));
    }

    @Test
    void ignoreErrorGoesOn() throws Exception {
        PolicyContext context = flow(check("ignore-error=\"true\"", null), expired);
        assertEquals(200, context.response().status());
        assertNull(context.lastError());
    }

    @Test
    void identitiesMatchByEveryClaimTheyName() throws Exception {
        X509Certificate own = client.get(0);
        String thumbprint = Thumbprints.of(own);
        String serial = DotNetNames.serialNumber(own.getSerialNumber());
        String caThumbprint = Thumbprints.of(client.get(client.size() - 1));
        for (String identity : List.of(
                "thumbprint=\"" + thumbprint.toLowerCase() + "\"",
                "serial-number=\"" + serial + "\"",
                "common-name=\"ORDERS-client\"",
                "subject=\"CN=orders-client,O=Breakwater Test\"",
                "subject=\"CN=orders-client, O=Breakwater Test\"",
                "dns-name=\"" + TestCertificates.CLIENT_DNS_NAME + "\"",
                "issuer-subject=\"CN=Breakwater Test CA\"",
                "issuer-thumbprint=\"" + caThumbprint + "\"",
                "issuer-certificate-id=\"test-ca\"",
                "thumbprint=\"" + thumbprint + "\" common-name=\"orders-client\" issuer-certificate-id=\"test-ca\"")) {
            assertEquals(200, status("", "<identity " + identity + "/>", client), identity);
        }
        for (String identity : List.of(
                "thumbprint=\"" + made.otherClientThumbprint() + "\"",
                "serial-number=\"01\"",
                "common-name=\"billing-client\"",
                "subject=\"CN=orders-client\"",
                "dns-name=\"other.client.test\"",
                "issuer-subject=\"CN=Other Test CA\"",
                "issuer-thumbprint=\"" + thumbprint + "\"",
                "thumbprint=\"" + thumbprint + "\" common-name=\"billing-client\"")) {
            PolicyContext context = flow(check("", "<identity " + identity + "/>"), client);
            assertEquals(403, context.response().status(), identity);
            assertEquals("ClientCertificateIdentityMismatch", context.lastError().reason());
        }
        assertEquals(200, status("", "<identity common-name=\"billing-client\"/><identity thumbprint=\"" + thumbprint
                + "\"/>", client), "any identity");
        assertEquals(403, status("validate-trust=\"false\"", "<identity issuer-certificate-id=\"test-ca\"/>", foreign));
    }

    /** A certificate whose subject has no CN must not match common-name="null" (the text of a missing name). */
    @Test
    void aCertificateWithoutCommonNameMatchesNoCommonName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path store = dir.resolve("no-cn.p12");
        Process keytool = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass",
                "changeit", "-alias", "a", "-dname", "O=No Common Name", "-keyalg", "EC", "-validity", "2")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertEquals(0, keytool.waitFor());
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        List<X509Certificate> noCn = List.of((X509Certificate) keys.getCertificate("a"));
        assertEquals(200, status("validate-trust=\"false\"", "<identity subject=\"O=No Common Name\"/>", noCn));
        assertEquals(403, status("validate-trust=\"false\"", "<identity common-name=\"null\"/>", noCn));
    }

    @Test
    void requestCertificateInExpressions() throws Exception {
        String headers = "<set-header name=\"X-Cert\" exists-action=\"override\"><value>@{ var c = "
                + "context.Request.Certificate; return c == null ? \"none\" : string.Join(\"|\", c.Subject, c.Issuer, "
                + "c.Thumbprint, c.SerialNumber, c.SubjectName.Name, c.IssuerName.Name, c.Verify(), "
                + "c.VerifyNoRevocation(), c.NotAfter > DateTime.Now, c.Version); }</value></set-header>";
        PolicyContext context = flow(headers, client);
        X509Certificate own = client.get(0);
        assertEquals(String.join("|", "CN=orders-client, O=Breakwater Test", "CN=Breakwater Test CA",
                Thumbprints.of(own), DotNetNames.serialNumber(own.getSerialNumber()),
                "CN=orders-client, O=Breakwater Test", "CN=Breakwater Test CA", "True", "True", "True", "3"),
                context.request().headers().first("X-Cert"));
        assertEquals("none", flow(headers, null).request().headers().first("X-Cert"));
        assertTrue(flow(headers, expired).request().headers().first("X-Cert").contains("|False|False|False|"));
        assertTrue(flow(headers, foreign).request().headers().first("X-Cert").contains("|False|False|True|"));
    }

    @Test
    void refusedAtCompileTime() {
        assertTrue(compileError("<validate-client-certificate validate-revocation=\"maybe\"/>")
                .contains("must be true or false"));
        assertTrue(compileError(check("validate-expiry=\"true\"", null)).contains("validate-expiry"));
        assertTrue(compileError(check("validate-trust=\"@(true)\"", null)).contains("does not take a policy expression"));
        assertTrue(compileError(check("", "<identity thumbprint=\"ab\"/>")).contains("40 hex digits"));
        assertTrue(compileError(check("", "<identity issuer-certificate-id=\"nope\"/>")).contains("'nope'"));
        assertTrue(compileError(check("", "<identity name=\"x\"/>")).contains("name"));
        assertTrue(compileError(check("", "<identity/>")).contains("at least one"));
        assertTrue(compileError(check("", "<identity thumbprint=\"" + Thumbprints.of(client.get(0))
                + "\" common-name=\" \"/>")).contains("'common-name' is empty"));
        assertTrue(compileError(check("", "<identity subject=\"not a name\"/>")).contains("distinguished name"));
        assertTrue(compileError(check("", null).replace("</validate-client-certificate>",
                "<other/></validate-client-certificate>")).contains("other"));
    }

    private static String compileError(String elements) {
        return assertThrows(PolicyCompileException.class, () -> pipeline(elements)).getMessage();
    }
}
