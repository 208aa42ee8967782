package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.certificate.TrustedCertificates;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.callout.CalloutRequest;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.RequestMessage;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import dev.breakwater.gateway.tls.UpstreamTls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import java.util.Set;

/**
 * What send-request and send-one-way-request share: {@code mode} (new or copy), {@code timeout},
 * and the children that build the call-out ({@code set-url}, {@code set-method}, {@code set-header}s,
 * {@code set-body}, {@code authentication-basic}, {@code authentication-managed-identity},
 * {@code authentication-certificate}), compiled once; {@link #build} makes the request for one
 * client request. Headers and the Authorization of authentication-basic apply in document order; a
 * managed identity's token last, once it is had. {@link #tls} is how the call-out speaks TLS: the
 * configuration's CA certificates trusted, and the certificate of authentication-certificate.
 */
final class CalloutSpec {

    /** Children APIM allows here that this gateway does not have yet: refused, never ignored. */
    private static final Set<String> NOT_YET = Set.of("proxy");
    private static final List<String> CHILDREN = List.of("set-url", "set-method", "set-header", "set-body",
            "authentication-basic", "authentication-certificate", "authentication-managed-identity", "proxy");

    /** One edit of the call-out's headers. */
    private interface HeaderEdit {
        void apply(Headers headers, PolicyContext context) throws PolicyException;
    }

    private final String element;
    private final Value<String> mode;
    private final Value<Integer> timeoutSeconds;
    private final Value<String> url;
    /** The URL parsed once when it is a constant (checked when compiled), else {@code null}. */
    private final URI constantUrl;
    private final Value<String> method;
    private final HeaderEdit[] headerEdits;
    private final SetBodyPolicy.BodySource body;
    private final boolean copiesBody;
    private final boolean bodyOnRequest;
    private final AuthenticationManagedIdentityPolicy identity;
    /** authentication-certificate's choice, or {@code null}. */
    private final AuthenticationCertificatePolicy.Choice certificate;
    /** The TLS of every call when no certificate is chosen per request; its CAs those of every call. */
    private final UpstreamTls fixedTls;

    private CalloutSpec(String element, Value<String> mode, Value<Integer> timeoutSeconds, Value<String> url,
                        Value<String> method, List<HeaderEdit> headerEdits, SetBodyPolicy.BodySource body,
                        boolean copiesBody, boolean bodyOnRequest, AuthenticationManagedIdentityPolicy identity,
                        AuthenticationCertificatePolicy.Choice certificate, TrustedCertificates trusted) {
        this.identity = identity;
        this.certificate = certificate;
        this.fixedTls = new UpstreamTls(trusted, null, null);
        this.element = element;
        this.mode = mode;
        this.timeoutSeconds = timeoutSeconds;
        this.url = url;
        this.constantUrl = url != null && url.isConstant() ? URI.create(url.constant().trim()) : null;
        this.method = method;
        this.headerEdits = headerEdits.toArray(HeaderEdit[]::new);
        this.body = body;
        this.copiesBody = copiesBody;
        this.bodyOnRequest = bodyOnRequest;
    }

    /** Compiles the attributes {@code mode} and {@code timeout} and the children; the caller checks its other attributes. */
    static CalloutSpec compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
        element.allowChildren(CHILDREN.toArray(String[]::new));
        element.forbidText();
        Value<String> mode = context.values().string(element, "mode");
        if (mode == null) {
            mode = Value.of("new");
        } else if (mode.isConstant() && Mode.parse(mode.constant()) == null) {
            throw new PolicyCompileException(element, Mode.problem(mode.constant()));
        }
        Value<Integer> timeout = context.values().integer(element, "timeout", 60, 1, 3600);
        Value<String> url = null;
        Value<String> method = null;
        SetBodyPolicy.BodySource body = null;
        List<HeaderEdit> headers = new ArrayList<>();
        AuthenticationManagedIdentityPolicy identity = null;
        AuthenticationCertificatePolicy.Choice certificate = null;
        for (PolicyElement child : element.children()) {
            if (NOT_YET.contains(child.name())) {
                throw new PolicyCompileException(child, "element <" + child.name() + "> is not supported yet inside <"
                        + element.name() + ">");
            }
            switch (child.name()) {
                case "set-url" -> url = once(url, child, compileUrl(child, context));
                case "set-method" -> method = once(method, child, compileMethod(child, context));
                case "set-header" -> headers.add(SetHeaderPolicy.compile(child, context, true)::applyTo);
                case "authentication-basic" -> headers.add(AuthenticationBasicPolicy.compile(child, context)::applyTo);
                case "authentication-managed-identity" -> identity = once(identity, child,
                        AuthenticationManagedIdentityPolicy.compileForCallout(child, context));
                case "authentication-certificate" -> certificate = once(certificate, child,
                        AuthenticationCertificatePolicy.compileChoice(child, context));
                default -> body = once(body, child, SetBodyPolicy.compileSource(child, context, true));
            }
        }
        if (url == null && mode.isConstant() && Mode.parse(mode.constant()) == Mode.NEW) {
            throw new PolicyCompileException(element, "<set-url> is required unless mode is copy");
        }
        boolean mayCopy = !mode.isConstant() || Mode.parse(mode.constant()) == Mode.COPY;
        // APIM: in outbound a copy does not take the request body; elsewhere the body is buffered for it
        boolean copiesBody = mayCopy && body == null && context.section() != Section.OUTBOUND;
        if (copiesBody) {
            context.addTrait(Trait.READS_REQUEST_BODY);
        }
        if (identity != null) {
            context.addTrait(Trait.MAY_PAUSE);
        }
        return new CalloutSpec(element.name(), mode, timeout, url, method, headers, body, copiesBody,
                context.section().actsOnRequest(), identity, certificate, context.certificates().trusted());
    }

    private static <T> T once(T previous, PolicyElement child, T compiled) throws PolicyCompileException {
        if (previous != null) {
            throw new PolicyCompileException(child, "only one <" + child.name() + "> is allowed here");
        }
        return compiled;
    }

    private static Value<String> compileUrl(PolicyElement child, CompileContext context) throws PolicyCompileException {
        child.allowAttributes();
        child.allowChildren();
        Value<String> url = context.values().text(child);
        if (url.isConstant() && CalloutUrls.problem(url.constant()) != null) {
            throw new PolicyCompileException(child, CalloutUrls.problem(url.constant()));
        }
        return url;
    }

    private static Value<String> compileMethod(PolicyElement child, CompileContext context)
            throws PolicyCompileException {
        child.allowAttributes();
        child.allowChildren();
        Value<String> method = context.values().text(child);
        if (method.isConstant()) {
            String problem = HttpSyntax.methodProblem(method.constant().trim());
            if (problem != null) {
                throw new PolicyCompileException(child, problem);
            }
            return Value.of(method.constant().trim().toUpperCase(Locale.ROOT));
        }
        return method;
    }

    /**
     * How this request's call-out speaks TLS: the configuration's CA certificates trusted besides the
     * gateway's, every check on, and the certificate authentication-certificate chose.
     */
    UpstreamTls tls(PolicyContext context) throws PolicyException {
        return certificate == null ? fixedTls : new UpstreamTls(fixedTls.trusted(), null, certificate.choose(context));
    }

    /** The timeout for this request, in milliseconds. */
    long timeoutMillis(PolicyContext context) throws PolicyException {
        int seconds = timeoutSeconds.get(context);
        if (seconds < 1 || seconds > 3600) {
            throw new PolicyException(element, "InvalidTimeout", 500, "timeout must be from 1 to 3600 seconds, not "
                    + seconds);
        }
        return seconds * 1000L;
    }

    /** The call-out for this request: a copy of the current request or a new one, then the children's edits. */
    CalloutRequest build(PolicyContext context) throws PolicyException {
        String modeText = mode.get(context);
        Mode chosen = modeText == null ? null : Mode.parse(modeText);
        if (chosen == null) {
            throw new PolicyException(element, "InvalidMode", 500, Mode.problem(String.valueOf(modeText)));
        }
        RequestMessage current = context.request();
        boolean copy = chosen == Mode.COPY;
        Headers headers = copy ? current.headers().copy() : new Headers();
        URI target = constantUrl != null ? constantUrl
                : CalloutUrls.parse(url != null ? url.get(context) : copy ? current.backendUrl() : null, element);
        String verb = method != null ? method.get(context) : copy ? current.method() : "GET";
        for (HeaderEdit edit : headerEdits) {
            edit.apply(headers, context);
        }
        byte[] content = new byte[0];
        if (body != null) {
            content = body.render(context, bodyOnRequest);
        } else if (copy && copiesBody) {
            content = current.body().read(true);
        }
        return new CalloutRequest(checkedMethod(verb), target, headers, content);
    }

    /**
     * The call-out for this request, with its managed identity's token when it has that child: at
     * once unless the token must be fetched. A token that cannot be had fails the stage with
     * {@link PolicyException} (not a call-out failure: ignore-error of the call-out does not cover it).
     */
    CompletableFuture<CalloutRequest> prepare(PolicyContext context) throws PolicyException {
        CalloutRequest request = build(context);
        if (identity == null) {
            return CompletableFuture.completedFuture(request);
        }
        return identity.token(context).thenApply(token -> {
            if (token != null) {
                request.headers().remove("Authorization");
                request.headers().add("Authorization", "Bearer " + token);
            }
            return request;
        });
    }

    private String checkedMethod(String verb) throws PolicyException {
        String problem = verb == null ? "the method is empty" : HttpSyntax.methodProblem(verb.trim());
        if (problem != null) {
            throw new PolicyException(element, "InvalidMethod", 500, problem);
        }
        return verb.trim().toUpperCase(Locale.ROOT);
    }

    /** {@code new} starts an empty request; {@code copy} starts from the current one. */
    private enum Mode {
        NEW, COPY;

        static Mode parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "new" -> NEW;
                case "copy" -> COPY;
                default -> null;
            };
        }

        static String problem(String text) {
            return "attribute 'mode' must be new or copy, not '" + text + "'";
        }
    }
}
