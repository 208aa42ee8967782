package dev.breakwater.gateway.policy.builtin;

import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.expression.runtime.Jwt;
import dev.breakwater.gateway.policy.jwt.OpenIdKeySource;
import dev.breakwater.gateway.policy.jwt.VerificationKey;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyError;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code <validate-jwt>}: the request must carry a JSON Web Token (header, query parameter or
 * expression) that is signed by an allowed key (issuer-signing-keys, OpenID providers' JWK sets), in
 * its lifetime, for an allowed audience and issuer, with the required claims. A failure is an error
 * that runs on-error with APIM's reason; the default response has failed-validation-httpcode (401)
 * and failed-validation-error-message, else the predefined message. Keys of OpenID providers are
 * fetched without holding a thread: the step is then pending. An encrypted token (JWE) is opened with
 * the decryption keys ({@link JwtDecryption}) and the token inside validated. Messages never repeat the token.
 */
public final class ValidateJwtPolicy implements Step {

    static final String SOURCE = "validate-jwt";

    private final String source;
    private final TokenSource tokenSource;
    private final Value<Integer> status;
    private final Value<String> errorMessage;
    private final boolean requireSignedTokens;
    private final List<VerificationKey> signingKeys;
    private final List<OpenIdSource> openIdSources;
    private final JwtClaimChecks checks;
    private final String outputVariable;
    private final ExtraCheck extraCheck;
    private final JwtDecryption decryption;

    ValidateJwtPolicy(TokenSource tokenSource, Value<Integer> status, Value<String> errorMessage,
                      boolean requireSignedTokens, List<VerificationKey> signingKeys, List<OpenIdSource> openIdSources,
                      JwtClaimChecks checks, String outputVariable, JwtDecryption decryption) {
        this(SOURCE, tokenSource, status, errorMessage, requireSignedTokens, signingKeys, openIdSources, checks,
                outputVariable, null, decryption);
    }

    /**
     * @param source     the policy's element name, {@code context.LastError.Source} of its failures
     * @param extraCheck a check after validate-jwt's own (validate-azure-ad-token's issuer and client
     *                   application), or null
     * @param decryption the decryption keys of encrypted tokens ({@link JwtDecryption#NONE}: refused)
     */
    ValidateJwtPolicy(String source, TokenSource tokenSource, Value<Integer> status, Value<String> errorMessage,
                      boolean requireSignedTokens, List<VerificationKey> signingKeys, List<OpenIdSource> openIdSources,
                      JwtClaimChecks checks, String outputVariable, ExtraCheck extraCheck,
                      JwtDecryption decryption) {
        this.source = source;
        this.tokenSource = tokenSource;
        this.status = status;
        this.errorMessage = errorMessage;
        this.requireSignedTokens = requireSignedTokens;
        this.signingKeys = signingKeys;
        this.openIdSources = openIdSources;
        this.checks = checks;
        this.outputVariable = outputVariable;
        this.extraCheck = extraCheck;
        this.decryption = decryption;
    }

    /** Where the token is read: a header (maybe behind a scheme), a query parameter or an expression. */
    interface TokenSource {
        /** The token, or null when absent (or behind another scheme than the required one). */
        String token(PolicyContext context) throws PolicyException;
    }

    /** A check of a token whose signature and claims passed, added by a policy built on this one. */
    interface ExtraCheck {
        /** The failure, or null when the token passes. */
        JwtClaimChecks.Failure check(JWTClaimsSet claims, PolicyContext context) throws PolicyException;
    }

    /** An openid-config's key source: fixed at compile time, or named by an expression per request. */
    interface OpenIdSource {
        /** The source, or null when the expression gives no usable http(s) URL. */
        OpenIdKeySource resolve(PolicyContext context) throws PolicyException;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        String text = tokenSource.token(context);
        if (text == null || text.isBlank()) {
            throw fail(context, "TokenNotPresent", "JWT not present.");
        }
        JWT token;
        try {
            token = JWTParser.parse(text.strip());
        } catch (ParseException e) {
            throw fail(context, "JwtInvalid", "JWT is not well formed.");
        }
        if (token instanceof EncryptedJWT encrypted) {
            // the nested token is validated as any other: signature, lifetime, audience, issuer, claims
            JwtDecryption.Opened opened;
            try {
                opened = decryption.open(encrypted, text.strip());
            } catch (JwtDecryption.Refusal refusal) {
                throw fail(context, "JwtInvalid", refusal.getMessage());
            }
            token = opened.token();
            text = opened.text();
        }
        if (token instanceof PlainJWT && requireSignedTokens) {
            throw fail(context, "TokenSignatureInvalid", "JWT is not signed. Access denied.");
        }
        if (openIdSources.isEmpty()) {
            return verified(context, token, text, List.of(signingKeys));
        }
        // with openid-config even an unsigned token (require-signed-tokens="false") waits for the
        // configuration: its issuer is one the token may name
        List<OpenIdKeySource> sources = new ArrayList<>(openIdSources.size());
        for (OpenIdSource ref : openIdSources) {
            OpenIdKeySource source = ref.resolve(context);
            if (source == null) {
                throw fail(context, "JwtInvalid", "The OpenID configuration URL is not valid.");
            }
            sources.add(source);
        }
        List<CompletableFuture<List<VerificationKey>>> fetches = new ArrayList<>(sources.size());
        boolean ready = true;
        for (OpenIdKeySource source : sources) {
            CompletableFuture<List<VerificationKey>> keys = source.keys();
            ready &= keys.isDone() && !keys.isCompletedExceptionally();
            fetches.add(keys);
        }
        if (ready) { // the fast path: keys cached, no stage
            List<List<VerificationKey>> keySets = keySets(fetches);
            if (!kidUnknown(token, keySets)) {
                return verified(context, token, text, keySets);
            }
        }
        // keys being fetched, or a kid they lack (a refresh, unless one was made moments ago)
        return Outcome.pending(afterFetch(context, token, text, sources, fetches, true));
    }

    /** Verifies once the providers' keys are in; an unknown kid refreshes them once (rate-limited by each source). */
    private CompletableFuture<Outcome> afterFetch(PolicyContext context, JWT token, String text,
                                                  List<OpenIdKeySource> sources,
                                                  List<CompletableFuture<List<VerificationKey>>> fetches, boolean mayRefresh) {
        return allOf(context, fetches).thenCompose(ignored -> {
            List<List<VerificationKey>> keySets = keySets(fetches);
            if (mayRefresh && kidUnknown(token, keySets)) {
                List<CompletableFuture<List<VerificationKey>>> refreshed = new ArrayList<>();
                for (OpenIdKeySource source : sources) {
                    refreshed.add(source.refreshForUnknownKey());
                }
                return afterFetch(context, token, text, sources, refreshed, false);
            }
            try {
                return CompletableFuture.completedFuture(verified(context, token, text, keySets));
            } catch (PolicyException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /**
     * Completes when every fetch has; a failed one fails the validation with the policy's status (the
     * token cannot be checked), reason {@code JwtInvalid}: APIM's reason for failures its table has no
     * row of its own for.
     */
    private CompletableFuture<Void> allOf(PolicyContext context, List<CompletableFuture<List<VerificationKey>>> fetches) {
        return CompletableFuture.allOf(fetches.toArray(new CompletableFuture<?>[0])).handle((ok, failure) -> {
            if (failure == null) {
                return null;
            }
            PolicyException error;
            try {
                error = fail(context, "JwtInvalid", "The signing keys of the OpenID provider could not be obtained.");
            } catch (PolicyException e) {
                error = e;
            }
            throw new CompletionException(error);
        });
    }

    private List<List<VerificationKey>> keySets(List<CompletableFuture<List<VerificationKey>>> fetches) {
        List<List<VerificationKey>> sets = new ArrayList<>(fetches.size() + 1);
        sets.add(signingKeys);
        for (CompletableFuture<List<VerificationKey>> fetch : fetches) {
            sets.add(fetch.join());
        }
        return sets;
    }

    private static boolean kidUnknown(JWT token, List<List<VerificationKey>> keySets) {
        return token instanceof SignedJWT signed && JwtSignatures.kidUnknown(signed, keySets);
    }

    /** Accepts a token whose signature one of the keys verifies, or an unsigned one where those may pass. */
    private Outcome verified(PolicyContext context, JWT token, String text, List<List<VerificationKey>> keySets)
            throws PolicyException {
        if (!(token instanceof SignedJWT signed)) {
            return accept(context, token, text); // unsigned, and require-signed-tokens="false" (checked in run)
        }
        switch (JwtSignatures.verify(signed, keySets)) {
            case VERIFIED -> {
                return accept(context, signed, text);
            }
            case KEY_NOT_FOUND -> throw fail(context, "TokenSignatureKeyNotFound",
                    "JWT signature key was not found. Access denied.");
            default -> throw fail(context, "TokenSignatureInvalid", "JWT signature validation failed. Access denied.");
        }
    }

    private Outcome accept(PolicyContext context, JWT token, String text) throws PolicyException {
        JWTClaimsSet claims;
        try {
            claims = token.getJWTClaimsSet();
        } catch (ParseException e) {
            throw fail(context, "JwtInvalid", "JWT claims are not a JSON object.");
        }
        JwtClaimChecks.Failure failure = checks.check(claims, context);
        if (failure == null && extraCheck != null) {
            failure = extraCheck.check(claims, context);
        }
        if (failure != null) {
            throw fail(context, failure.reason(), failure.message());
        }
        if (outputVariable != null) {
            context.variables().put(outputVariable, Jwt.parse(text.strip()));
        }
        return Outcome.CONTINUE;
    }

    private PolicyException fail(PolicyContext context, String reason, String lastErrorMessage)
            throws PolicyException {
        int code = status.get(context);
        if (code < 200 || code > 599) {
            throw new PolicyException(source, "InvalidStatusCode", 500,
                    "failed-validation-httpcode " + code + " is not a final status from 200 to 599");
        }
        String configured = errorMessage == null ? null : errorMessage.get(context);
        return new PolicyException(PolicyError.withResponse(source, reason, lastErrorMessage, code, configured));
    }

    /** Registered for {@code <validate-jwt>}: inbound only, as in APIM. */
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
        public Set<Trait> traits() {
            return EnumSet.of(Trait.MAY_PAUSE);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return ValidateJwtCompiler.compile(element, context);
        }
    }
}
