package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.certificate.ClientCertificateValidation;
import dev.breakwater.gateway.certificate.CrlDistributionPoints;
import dev.breakwater.gateway.certificate.RevocationLists;
import dev.breakwater.gateway.certificate.PresentedChain;
import dev.breakwater.gateway.certificate.TrustedCertificates;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.ValueReader;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyError;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code <validate-client-certificate validate-trust validate-not-before validate-not-after
 * validate-revocation ignore-error><identities><identity .../></identities></validate-client-certificate>}:
 * the certificate the client presented in TLS must pass every check the attributes ask for and, when
 * identities are listed, match all claims of at least one. A failure is a 403 that runs on-error
 * with {@code context.LastError} (the message says what failed, never more than the certificate's
 * public facts); with {@code ignore-error="true"} the request goes on. Revocation (APIM's default)
 * is checked last, against the CRLs the certificates name, fetched without holding a thread
 * ({@link RevocationLists}); a certificate of the path that names no CRL, or whose CRL cannot be had,
 * has an unknown status, which fails as .NET's online check reports it. OCSP is not asked.
 */
public final class ValidateClientCertificatePolicy implements Step {

    static final String SOURCE = "validate-client-certificate";
    /** What the client is told; {@code context.LastError.Message} says which check failed. */
    static final String CLIENT_MESSAGE = "Invalid client certificate";
    static final int STATUS = 403;
    private static final int MAX_IDENTITIES = 10;

    private final ClientCertificateValidation.Checks checks;
    private final boolean ignoreError;
    private final List<ClientCertificateIdentity> identities;
    private final TrustedCertificates trusted;
    /** The gateway's CRLs, or {@code null} when revocation is not checked. */
    private final RevocationLists revocation;

    private ValidateClientCertificatePolicy(ClientCertificateValidation.Checks checks, boolean ignoreError,
                                            List<ClientCertificateIdentity> identities, TrustedCertificates trusted,
                                            RevocationLists revocation) {
        this.checks = checks;
        this.ignoreError = ignoreError;
        this.identities = identities;
        this.trusted = trusted;
        this.revocation = revocation;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        PresentedChain presented = context.get(PresentedChain.KEY);
        if (presented == null) {
            return fail("ClientCertificateMissing", "the request carries no client certificate");
        }
        String problem = ClientCertificateValidation.problem(presented, trusted, context.clock().instant(), checks);
        if (problem != null) {
            return fail("ClientCertificateInvalid", problem);
        }
        if (!identities.isEmpty() && identities.stream().noneMatch(identity -> identity.matches(presented, trusted))) {
            return fail("ClientCertificateIdentityMismatch", "the client certificate matches none of the identities");
        }
        return revocation == null ? Outcome.CONTINUE : checkRevocation(presented, context.clock().instant());
    }

    /** Fetches (or finds kept) the CRLs of every certificate of the path, then checks against them. */
    private Outcome checkRevocation(PresentedChain presented, Instant now) throws PolicyException {
        List<X509Certificate> path = ClientCertificateValidation.revocable(presented, trusted, now);
        if (path == null) {
            return fail("ClientCertificateInvalid", "the revocation status of the client certificate cannot be "
                    + "determined: it does not chain to a trusted root");
        }
        Set<URI> urls = new LinkedHashSet<>();
        for (X509Certificate certificate : path) {
            List<URI> points = CrlDistributionPoints.of(certificate);
            if (points.isEmpty()) {
                return fail("ClientCertificateInvalid", "the revocation status of the client certificate cannot be "
                        + "determined: " + (certificate == presented.certificate() ? "it" : "an issuer")
                        + " names no CRL distribution point");
            }
            urls.addAll(points);
        }
        CompletableFuture<Outcome> checked = revocation.all(urls).thenApply(lists -> {
            String problem = ClientCertificateValidation.revocationProblem(path, trusted, now, lists);
            try {
                return problem == null ? Outcome.CONTINUE : fail("ClientCertificateInvalid", problem);
            } catch (PolicyException e) {
                throw new CompletionException(e);
            }
        });
        if (checked.isDone() && !checked.isCompletedExceptionally()) {
            return checked.join(); // every list was kept: no pause
        }
        return Outcome.pending(checked);
    }

    private Outcome fail(String reason, String message) throws PolicyException {
        if (ignoreError) {
            return Outcome.CONTINUE;
        }
        throw new PolicyException(PolicyError.withResponse(SOURCE, reason, message, STATUS, CLIENT_MESSAGE));
    }

    static ValidateClientCertificatePolicy compile(PolicyElement element, CompileContext context)
            throws PolicyCompileException {
        element.allowAttributes("validate-revocation", "validate-trust", "validate-not-before", "validate-not-after",
                "ignore-error");
        element.allowChildren("identities");
        element.forbidText();
        ValueReader reader = context.values();
        boolean revocation = flag(element, reader, "validate-revocation");
        ClientCertificateValidation.Checks checks = new ClientCertificateValidation.Checks(
                flag(element, reader, "validate-trust"), flag(element, reader, "validate-not-before"),
                flag(element, reader, "validate-not-after"));
        boolean ignoreError = element.attribute("ignore-error") != null && flag(element, reader, "ignore-error");
        List<ClientCertificateIdentity> identities = new ArrayList<>();
        List<PolicyElement> lists = element.children("identities");
        if (lists.size() > 1) {
            throw new PolicyCompileException(lists.get(1), "only one <identities> element is allowed");
        }
        for (PolicyElement list : lists) {
            list.allowAttributes();
            list.allowChildren("identity");
            list.forbidText();
            for (PolicyElement identity : list.children()) {
                if (identities.size() == MAX_IDENTITIES) {
                    throw new PolicyCompileException(identity, "at most " + MAX_IDENTITIES + " identities are allowed");
                }
                identities.add(ClientCertificateIdentity.compile(identity, reader, context.certificates()));
            }
        }
        return new ValidateClientCertificatePolicy(checks, ignoreError, List.copyOf(identities),
                context.certificates().trusted(), revocation ? context.services().revocationLists() : null);
    }

    /** A true/false attribute without expressions (APIM allows none here); absent means true. */
    private static boolean flag(PolicyElement element, ValueReader reader, String attribute)
            throws PolicyCompileException {
        String value = reader.literal(element, attribute);
        if (value == null) {
            return true;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new PolicyCompileException(element, "attribute '" + attribute
                    + "' must be true or false, not '" + value + "'");
        };
    }

    /** Registered for {@code <validate-client-certificate>}: inbound only, as in APIM. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return SOURCE;
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return ValidateClientCertificatePolicy.compile(element, context);
        }
    }
}
