package dev.breakwater.gateway.certificate;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whether a client's certificate is valid, as .NET's chain check that APIM uses: within its
 * validity period (each end checked apart, as validate-not-before and validate-not-after ask) and
 * chained to a trusted root, the JVM's CAs or the configuration's CA certificates ({@code ca}
 * entities), with the certificates the client presented as intermediates. The chain is built at a
 * date inside the client certificate's own validity, so that "expired" and "untrusted" stay apart.
 * Revocation is checked apart ({@link #revocationProblem}) against lists the caller fetched
 * ({@link RevocationLists}), so that no check here waits on the network.
 */
public final class ClientCertificateValidation {

    /** The checks to make; {@link #ALL} is what {@code X509Certificate2.Verify()} makes here. */
    public record Checks(boolean trust, boolean notBefore, boolean notAfter) {
        public static final Checks ALL = new Checks(true, true, true);
    }

    private static volatile Set<TrustAnchor> jvmAnchors;
    /** Anchors by the configuration's CA set ({@link TrustedCertificates#identity()}); a few at most. */
    private static final Map<String, Set<TrustAnchor>> ANCHORS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 16;

    private ClientCertificateValidation() {
    }

    /**
     * What is wrong with the presented chain, or {@code null} when it passes the checks.
     *
     * @param configured the configuration's CA certificates, trusted besides the JVM's
     */
    public static String problem(PresentedChain presented, TrustedCertificates configured, Instant now,
                                 Checks checks) {
        X509Certificate certificate = presented.certificate();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (checks.notBefore() && now.isBefore(notBefore)) {
            return "the client certificate is not valid before " + notBefore;
        }
        if (checks.notAfter() && now.isAfter(notAfter)) {
            return "the client certificate expired at " + notAfter;
        }
        if (!checks.trust()) {
            return null;
        }
        return untrusted(presented, anchors(configured == null ? TrustedCertificates.NONE : configured),
                within(certificate, now));
    }

    private static String untrusted(PresentedChain presented, Set<TrustAnchor> anchors, Instant at) {
        try {
            build(presented, anchors, at);
            return null;
        } catch (CertPathBuilderException e) {
            return "the client certificate does not chain to a trusted root";
        } catch (GeneralSecurityException e) {
            return "the client certificate's chain cannot be checked: " + e.getClass().getSimpleName();
        }
    }

    /** The path from the client's certificate up to (not including) a trusted root; empty for a root itself. */
    private static List<X509Certificate> build(PresentedChain presented, Set<TrustAnchor> anchors, Instant at)
            throws GeneralSecurityException {
        X509Certificate certificate = presented.certificate();
        for (TrustAnchor anchor : anchors) {
            if (certificate.equals(anchor.getTrustedCert())) {
                return List.of(); // a trusted certificate itself (a self-signed one added as a CA)
            }
        }
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(certificate);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        parameters.setMaxPathLength(8);
        parameters.addCertStore(CertStore.getInstance("Collection",
                new CollectionCertStoreParameters(presented.chain())));
        PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                .build(parameters);
        List<X509Certificate> path = new ArrayList<>();
        for (java.security.cert.Certificate element : result.getCertPath().getCertificates()) {
            path.add((X509Certificate) element);
        }
        return path;
    }

    /**
     * The certificates whose revocation status must be known (the path to a trusted root, the root
     * left out, as .NET's default), or {@code null} when no path can be built: then it cannot be known.
     */
    public static List<X509Certificate> revocable(PresentedChain presented, TrustedCertificates configured,
                                                  Instant now) {
        try {
            return build(presented, anchors(configured == null ? TrustedCertificates.NONE : configured),
                    within(presented.certificate(), now));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * What keeps the revocation status from being good, checked against these lists only (no other
     * fetch, no OCSP), or {@code null} when no certificate of the path is revoked and every one is
     * covered by a current list of its issuer. Checked here rather than by the JDK's PKIX revocation
     * checker, which fetches a missing list from the distribution point itself, blocking the calling
     * thread without the gateway's bounds. A list with a critical extension (a delta or a partitioned
     * list, whose scope is not checked here) does not count: the status stays unknown.
     *
     * @param path what {@link #revocable} gave for the request (the chain is built once)
     */
    public static String revocationProblem(List<X509Certificate> path, TrustedCertificates configured, Instant now,
                                           List<X509CRL> lists) {
        Set<TrustAnchor> anchors = anchors(configured == null ? TrustedCertificates.NONE : configured);
        Instant at = path.isEmpty() ? now : within(path.get(0), now);
        for (int i = 0; i < path.size(); i++) { // empty for a trusted root itself: roots are not checked
            X509Certificate certificate = path.get(i);
            X509CRL list = currentList(certificate, i + 1 < path.size() ? List.of(path.get(i + 1)) : anchorsOf(anchors),
                    at, lists);
            if (list == null) {
                return UNKNOWN;
            }
            X509CRLEntry entry = list.getRevokedCertificate(certificate);
            if (entry != null && entry.getRevocationReason() != CRLReason.REMOVE_FROM_CRL) {
                return "the client certificate or one of its issuers is revoked";
            }
        }
        return null;
    }

    private static final String UNKNOWN = "the revocation status of the client certificate cannot be determined";

    /** A list of the certificate's issuer (one of {@code issuers}, by name and signature) current at {@code at}. */
    private static X509CRL currentList(X509Certificate certificate, List<X509Certificate> issuers, Instant at,
                                       List<X509CRL> lists) {
        for (X509CRL list : lists) {
            Set<String> critical = list.getCriticalExtensionOIDs();
            if (!list.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())
                    || (critical != null && !critical.isEmpty())
                    || list.getThisUpdate().toInstant().isAfter(at)
                    || (list.getNextUpdate() != null && list.getNextUpdate().toInstant().isBefore(at))) {
                continue;
            }
            for (X509Certificate issuer : issuers) {
                if (issuer.getSubjectX500Principal().equals(list.getIssuerX500Principal()) && signed(list, issuer)) {
                    return list;
                }
            }
        }
        return null;
    }

    private static boolean signed(X509CRL list, X509Certificate issuer) {
        try {
            list.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static List<X509Certificate> anchorsOf(Set<TrustAnchor> anchors) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (TrustAnchor anchor : anchors) {
            if (anchor.getTrustedCert() != null) {
                certificates.add(anchor.getTrustedCert());
            }
        }
        return certificates;
    }

    /** Now, or the nearest instant within the certificate's validity: dates are checked apart. */
    private static Instant within(X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        return now.isBefore(notBefore) ? notBefore : now.isAfter(notAfter) ? notAfter : now;
    }

    private static Set<TrustAnchor> anchors(TrustedCertificates configured) {
        Set<TrustAnchor> anchors = ANCHORS.get(configured.identity());
        if (anchors != null) {
            return anchors;
        }
        Set<TrustAnchor> made = new HashSet<>(jvmAnchors());
        for (X509Certificate certificate : configured.certificates()) {
            made.add(new TrustAnchor(certificate, null));
        }
        if (ANCHORS.size() >= MAX_CACHED) {
            ANCHORS.clear(); // configurations changed many times: start over rather than grow
        }
        Set<TrustAnchor> fixed = Set.copyOf(made);
        ANCHORS.put(configured.identity(), fixed);
        return fixed;
    }

    private static Set<TrustAnchor> jvmAnchors() {
        Set<TrustAnchor> anchors = jvmAnchors;
        if (anchors == null) {
            Set<TrustAnchor> made = new HashSet<>();
            for (X509Certificate authority : jvmAuthorities()) {
                made.add(new TrustAnchor(authority, null));
            }
            anchors = Set.copyOf(made);
            jvmAnchors = anchors;
        }
        return anchors;
    }

    private static List<X509Certificate> jvmAuthorities() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return Arrays.asList(x509.getAcceptedIssuers());
                }
            }
            return List.of();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's trusted CAs cannot be read: " + e.getMessage(), e);
        }
    }
}
