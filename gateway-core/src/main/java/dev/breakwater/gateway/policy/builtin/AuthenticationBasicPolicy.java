package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <authentication-basic username="u" password="p"/>}: sets the backend request's
 * {@code Authorization: Basic base64(username:password)} (inbound), or a call-out's inside
 * send-request and send-one-way-request. Username and password may be named values (a secret one
 * stays out of every message) or expressions; constant credentials are encoded once, when compiled.
 */
public final class AuthenticationBasicPolicy implements Step {

    private static final String HEADER = "Authorization";
    private static final String USERNAME_COLON = "a Basic username cannot contain ':' (RFC 7617): the service "
            + "would split the credentials there";

    private final Value<String> username;
    private final Value<String> password;
    /** The header value when both parts are constants, else {@code null}. */
    private final String constantHeader;

    private AuthenticationBasicPolicy(Value<String> username, Value<String> password) {
        this.username = username;
        this.password = password;
        this.constantHeader = username.isConstant() && password.isConstant()
                ? encode(username.constant(), password.constant()) : null;
    }

    /** Compiles the element standing alone or inside a call-out. */
    static AuthenticationBasicPolicy compile(PolicyElement element, CompileContext context)
            throws PolicyCompileException {
        element.allowAttributes("username", "password");
        element.allowChildren();
        element.forbidText();
        Value<String> username = context.values().requiredString(element, "username");
        Value<String> password = context.values().string(element, "password");
        if (password == null) {
            throw new PolicyCompileException(element, "attribute 'password' is required");
        }
        if (username.isConstant() && username.constant().indexOf(':') >= 0) {
            throw new PolicyCompileException(element, USERNAME_COLON);
        }
        return new AuthenticationBasicPolicy(username, password);
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        applyTo(context.request().headers(), context);
        return Outcome.CONTINUE;
    }

    /** Sets the Authorization header of these headers (the backend request's, or a call-out's). */
    void applyTo(Headers headers, PolicyContext context) throws PolicyException {
        headers.set(HEADER, constantHeader != null ? constantHeader : header(context));
    }

    private String header(PolicyContext context) throws PolicyException {
        String user = username.get(context);
        String secret = password.get(context);
        if (user == null || user.isEmpty() || user.indexOf(':') >= 0) {
            // the values are not shown: the password may be a secret, and the username comes with it
            throw new PolicyException("authentication-basic", "InvalidCredentials", 500,
                    user == null || user.isEmpty() ? "The Basic username is empty" : USERNAME_COLON);
        }
        return encode(user, secret == null ? "" : secret);
    }

    private static String encode(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Registered for {@code <authentication-basic>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "authentication-basic";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return AuthenticationBasicPolicy.compile(element, context);
        }
    }
}
