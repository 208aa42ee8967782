package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.certificate.Thumbprints;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <authentication-certificate certificate-id="orders-client"/>} (or {@code thumbprint="…"}):
 * the request's backend calls are sent over TLS presenting that certificate of the configuration;
 * {@code body="@(byte[])" password="…"} presents a PKCS#12 file a policy expression gives instead.
 * A constant id or thumbprint is checked when the configuration is compiled, an expression when it
 * runs. The choice is left in the context ({@link ClientCertificate#FOR_BACKEND}) for the proxy.
 * Inside send-request and send-one-way-request, the same element chooses the certificate of that
 * call-out only ({@link #compileChoice}).
 */
public final class AuthenticationCertificatePolicy {

    static final String NAME = "authentication-certificate";

    private AuthenticationCertificatePolicy() {
    }

    /** Which certificate a request presents. */
    interface Choice {
        ClientCertificate choose(PolicyContext context) throws PolicyException;
    }

    /** The inbound policy: the choice is the backend's. */
    private record ForBackend(Choice choice) implements Step {
        @Override
        public Outcome run(PolicyContext context) throws PolicyException {
            context.put(ClientCertificate.FOR_BACKEND, choice.choose(context));
            return Outcome.CONTINUE;
        }
    }

    /** A certificate known when compiled. */
    private record Fixed(ClientCertificate certificate) implements Choice {
        @Override
        public ClientCertificate choose(PolicyContext context) {
            return certificate;
        }
    }

    /** A certificate of the configuration named per request, by id or by thumbprint. */
    private record Named(Value<String> name, boolean byThumbprint, Certificates certificates) implements Choice {
        @Override
        public ClientCertificate choose(PolicyContext context) throws PolicyException {
            String value = name.get(context);
            ClientCertificate certificate = byThumbprint ? certificates.byThumbprint(value) : certificates.byId(value);
            if (certificate == null) {
                throw new PolicyException(NAME, "CertificateNotFound", 500, (byThumbprint ? "thumbprint '" + value
                        + "' matches no certificate" : "certificate-id '" + value
                        + "' names no certificate; " + certificates.ids()));
            }
            if (!certificate.hasPrivateKey()) {
                throw new PolicyException(NAME, "CertificateWithoutPrivateKey", 500, certificate
                        + " has no private key: it cannot authenticate the gateway");
            }
            return certificate;
        }
    }

    /** A PKCS#12 file an expression gives, read once per distinct file and password. */
    private record FromBody(Value<Object> body, Value<String> password, BodyCertificates read) implements Choice {
        @Override
        public ClientCertificate choose(PolicyContext context) throws PolicyException {
            Object bytes = body.get(context);
            if (!(bytes instanceof byte[] data)) {
                throw new PolicyException(NAME, "InvalidCertificate", 500, "body must give the certificate's bytes "
                        + "(byte[]), not " + (bytes == null ? "null" : bytes.getClass().getSimpleName()));
            }
            return read.certificate(data, password == null ? null : password.get(context));
        }
    }

    /** The element's choice of certificate, checked as the policy's (send-request's child). */
    static Choice compileChoice(PolicyElement element, CompileContext context) throws PolicyCompileException {
        element.allowAttributes("thumbprint", "certificate-id", "body", "password");
        element.allowChildren();
        element.forbidText();
        int given = (element.attribute("thumbprint") != null ? 1 : 0)
                + (element.attribute("certificate-id") != null ? 1 : 0) + (element.attribute("body") != null ? 1 : 0);
        if (given != 1) {
            throw new PolicyCompileException(element, "one of the attributes 'thumbprint', 'certificate-id' and "
                    + "'body' is required, and only one");
        }
        if (element.attribute("body") != null) {
            return Factory.fromBody(element, context);
        }
        if (element.attribute("password") != null) {
            throw new PolicyCompileException(element, "attribute 'password' goes with 'body': a certificate of the "
                    + "configuration is read with its own password");
        }
        boolean byThumbprint = element.attribute("thumbprint") != null;
        String attribute = byThumbprint ? "thumbprint" : "certificate-id";
        Value<String> name = context.values().requiredString(element, attribute);
        Certificates certificates = context.certificates();
        if (!name.isConstant()) {
            return new Named(name, byThumbprint, certificates);
        }
        return new Fixed(Factory.constant(element, attribute, name.constant(), certificates));
    }

    /** Registered for {@code <authentication-certificate>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return NAME;
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return new ForBackend(compileChoice(element, context));
        }

        private static ClientCertificate constant(PolicyElement element, String attribute, String name,
                                                  Certificates certificates) throws PolicyCompileException {
            ClientCertificate certificate;
            if (attribute.equals("thumbprint")) {
                if (Thumbprints.normalize(name) == null) {
                    throw new PolicyCompileException(element, "attribute 'thumbprint' must be 40 hex digits (SHA-1), "
                            + "not '" + name + "'");
                }
                certificate = certificates.byThumbprint(name);
                if (certificate == null) {
                    throw new PolicyCompileException(element, "attribute 'thumbprint': no certificate has thumbprint "
                            + Thumbprints.normalize(name) + "; " + certificates.ids());
                }
            } else {
                certificate = certificates.byId(name);
                if (certificate == null) {
                    throw new PolicyCompileException(element, "attribute 'certificate-id': no certificate '" + name
                            + "'; " + certificates.ids());
                }
            }
            if (!certificate.hasPrivateKey()) {
                throw new PolicyCompileException(element, "attribute '" + attribute + "': " + certificate
                        + " has no private key: it cannot authenticate the gateway");
            }
            return certificate;
        }

        private static Choice fromBody(PolicyElement element, CompileContext context) throws PolicyCompileException {
            Value<Object> body = context.values().object(element, "body");
            if (body.isConstant()) {
                throw new PolicyCompileException(element, "attribute 'body' must be a policy expression that gives "
                        + "the bytes of a PKCS#12 file (byte[]), e.g. @(Convert.FromBase64String(…))");
            }
            return new FromBody(body, context.values().string(element, "password"), new BodyCertificates());
        }
    }
}
