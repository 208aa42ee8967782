package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.certificate.ClientCertificateValidation;
import dev.breakwater.gateway.certificate.CrlDistributionPoints;
import dev.breakwater.gateway.certificate.PresentedChain;
import dev.breakwater.gateway.certificate.TrustedCertificates;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.testing.RevocationFixture;
import dev.breakwater.gateway.testing.TestCertificates;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate-client-certificate's revocation check (APIM's default) against a real CRL served over
 * HTTP by a loopback server: a certificate the CA revoked is refused, a good one passes, the CRL
 * is fetched once and kept, and a certificate that names no CRL has an unknown status, which fails.
 * Needs openssl to make the CRL; skips visibly without it.
 */
class ClientCertificateRevocationTest {

    @TempDir
    static Path dir;
    static RevocationFixture fixture;
    static Certificates certificates;

    @BeforeAll
    static void make() throws Exception {
        Assumptions.assumeTrue(RevocationFixture.available(), "openssl is not installed: revocation is not tested");
        fixture = new RevocationFixture(dir);
        X509Certificate testCa = CertificateReader.fromPem("test-ca", TestCertificates.get().caCertificatePem())
                .certificate();
        certificates = new Certificates(List.of(CertificateReader.fromPem("revoking-ca", fixture.caPem)),
                new TrustedCertificates(Map.of("revoking-ca", List.of(fixture.ca), "test-ca", List.of(testCa))));
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static PolicyContext flow(String attributes, List<X509Certificate> chain) throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.environment(List.of(), List.of(), Backends.NONE,
                certificates), null, null, in(Section.INBOUND, "<validate-client-certificate " + attributes + "/>"),
                Set.of());
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE);
        context.put(PresentedChain.KEY, new PresentedChain(chain));
        return PolicyTesting.flow(pipeline, context);
    }

    @Test
    void theDistributionPointIsRead() {
        assertEquals(1, CrlDistributionPoints.of(fixture.good.get(0)).size());
        assertTrue(CrlDistributionPoints.of(fixture.good.get(0)).get(0).toString().endsWith("/ca.crl"));
        assertTrue(CrlDistributionPoints.of(fixture.ca).isEmpty());
    }

    @Test
    void revokedIsRefusedGoodPassesAndTheListIsKept() throws Exception {
        int before = fixture.fetches.get(); // other tests fetch too
        PolicyContext revoked = flow("", fixture.revoked);
        assertEquals(403, revoked.response().status());
        assertEquals("ClientCertificateInvalid", revoked.lastError().reason());
        assertEquals("the client certificate or one of its issuers is revoked", revoked.lastError().message());

        PolicyContext good = flow("validate-revocation=\"true\"", fixture.good);
        assertEquals(200, good.response().status());
        assertNull(good.lastError());
        assertEquals(before + 1, fixture.fetches.get(), "one fetch, kept until the list's next update");

        assertEquals(200, flow("validate-revocation=\"false\"", fixture.revoked).response().status(),
                "not asked: revoked passes");
    }

    @Test
    void aCertificateThatNamesNoListHasAnUnknownStatus() throws Exception {
        PolicyContext unknown = flow("", TestCertificates.chain(TestCertificates.get().clientStore));
        assertEquals(403, unknown.response().status());
        assertEquals("the revocation status of the client certificate cannot be determined: it names no CRL "
                + "distribution point", unknown.lastError().message());
    }

    /**
     * A list that cannot be had (here: larger than the body limit) leaves the status unknown, which
     * fails closed, and is not kept: each request asks again. Its own services, so no list is kept.
     */
    @Test
    void aListThatCannotBeHadFailsClosed() throws Exception {
        int fetched = fixture.fetches.get();
        assertEquals("the revocation status of the client certificate cannot be determined",
                ClientCertificateValidation.revocationProblem(
                        ClientCertificateValidation.revocable(new PresentedChain(fixture.good), certificates.trusted(),
                                java.time.Instant.now()), certificates.trusted(), java.time.Instant.now(), List.of()),
                "no list: unknown, not good");
        assertEquals(fetched, fixture.fetches.get(), "the check itself fetches nothing");
        dev.breakwater.gateway.policy.runtime.PolicyServices small = new dev.breakwater.gateway.policy.runtime
                .PolicyServices(new com.codahale.metrics.MetricRegistry(), java.time.Clock.systemUTC(), 64);
        try {
            Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.environment(small, certificates), null, null,
                    in(Section.INBOUND, "<validate-client-certificate/>"), Set.of());
            int before = fixture.fetches.get();
            for (int round = 0; round < 2; round++) {
                PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE);
                context.put(PresentedChain.KEY, new PresentedChain(fixture.good));
                PolicyContext unknown = PolicyTesting.flow(pipeline, context);
                assertEquals(403, unknown.response().status());
                assertEquals("the revocation status of the client certificate cannot be determined",
                        unknown.lastError().message());
            }
            assertEquals(before + 2, fixture.fetches.get(), "a failed fetch is not kept");
        } finally {
            small.close();
        }
    }
}
