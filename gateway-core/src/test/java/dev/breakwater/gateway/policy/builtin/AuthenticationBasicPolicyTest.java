package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** authentication-basic standing alone (the backend request's Authorization); inside a call-out see SendRequestPolicyTest. */
class AuthenticationBasicPolicyTest {

    @Test
    void setsTheBackendRequestsAuthorizationReplacingTheClients() throws Exception {
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE, "Authorization", "Bearer client");
        PolicyTesting.run(PolicyTesting.pipeline(in(Section.INBOUND,
                "<authentication-basic username=\"Aladdin\" password=\"open sesame\"/>"), Set.of()), Section.INBOUND, context);
        assertEquals(List.of("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="), context.request().headers().all("Authorization"));
    }

    @Test
    void takesExpressionsAndEncodesUtf8() throws Exception {
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE, "X-User", "jürgen");
        PolicyTesting.run(PolicyTesting.pipeline(in(Section.INBOUND,
                "<authentication-basic username=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-User&quot;, &quot;&quot;))\" password=\"pä:ss\"/>"),
                Set.of()), Section.INBOUND, context);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("jürgen:pä:ss".getBytes(StandardCharsets.UTF_8)),
                context.request().headers().first("Authorization"));
    }

    @Test
    void anExpressionUsernameWithAColonFailsTheRequestWithoutShowingThePassword() throws Exception {
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE, "X-User", "a:b");
        PolicyTesting.flow(PolicyTesting.pipeline(in(Section.INBOUND,
                "<authentication-basic username=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-User&quot;, &quot;&quot;))\" password=\"hunter2\"/>"),
                Set.of()), context);
        assertEquals("InvalidCredentials", context.lastError().reason());
        assertFalse(context.lastError().message().contains("hunter2"));
    }

    @Test
    void checksItsAttributesAndSection() {
        assertTrue(compileError(in(Section.INBOUND, "<authentication-basic password=\"p\"/>")).contains("attribute 'username' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<authentication-basic username=\"u\"/>")).contains("attribute 'password' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<authentication-basic username=\"u\" password=\"p\" realm=\"r\"/>"))
                .contains("unknown attribute 'realm'"));
        assertTrue(compileError(in(Section.INBOUND, "<authentication-basic username=\"a:b\" password=\"p\"/>")).contains("cannot contain ':'"));
        assertTrue(compileError(in(Section.OUTBOUND, "<authentication-basic username=\"u\" password=\"p\"/>"))
                .contains("not allowed in <outbound>; allowed in inbound"));
    }

    @Test
    void aSecretNamedValueNeverAppearsInAnError() {
        NamedValueDefinition secret = new NamedValueDefinition("nv1", "backend-password", "p4ss:w0rd-value", true);
        var environment = PolicyTesting.environment(List.of(secret), List.of());
        PolicyCompileException error = org.junit.jupiter.api.Assertions.assertThrows(PolicyCompileException.class, () ->
                PolicyTesting.pipeline(environment, null, null, in(Section.INBOUND,
                        "<authentication-basic username=\"{{backend-password}}\" password=\"{{backend-password}}\"/>"), Set.of()));
        assertTrue(error.getMessage().contains("cannot contain ':'"), error.getMessage());
        assertFalse(error.getMessage().contains("p4ss"), error.getMessage());
    }
}
