package dev.breakwater.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.config.FragmentDefinition;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.policy.compile.CompileEnvironment;
import dev.breakwater.gateway.policy.compile.CompiledScope;
import dev.breakwater.gateway.policy.compile.Fragments;
import dev.breakwater.gateway.policy.compile.NamedValues;
import dev.breakwater.gateway.policy.compile.PipelineComposer;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyRegistry;
import dev.breakwater.gateway.policy.compile.ScopeCompiler;
import dev.breakwater.gateway.policy.expression.ExpressionCompiler;
import dev.breakwater.gateway.policy.runtime.Body;
import dev.breakwater.gateway.policy.runtime.ClientRequest;
import dev.breakwater.gateway.policy.runtime.Deployment;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.RequestFlow;
import dev.breakwater.gateway.policy.runtime.RequestMessage;
import dev.breakwater.gateway.policy.runtime.RouteInfo;
import dev.breakwater.gateway.policy.runtime.Steps;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.policy.xml.PolicyDocument;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import dev.breakwater.gateway.policy.xml.PolicyXmlReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compiles policy XML with the built-in registry and builds contexts, for tests without a server. */
public final class PolicyTesting {

    public static final PolicyRegistry REGISTRY = PolicyRegistry.builtIn();
    private static final PolicyXmlReader XML = new PolicyXmlReader();
    private static final ExpressionCompiler EXPRESSIONS = new ExpressionCompiler();
    /** Shared by every test compile; its call-out client, once started, lives as long as the test JVM. */
    public static final PolicyServices SERVICES = PolicyServices.forCompiling();
    private static final RouteInfo ROUTE = new RouteInfo("echo", "Echo API", "/echo", "http://backend/base",
            List.of("http", "https"), "get-item", "Get item", "GET", "/items/{id}");

    private PolicyTesting() {
    }

    /** An environment with these named values and fragments. */
    public static CompileEnvironment environment(List<NamedValueDefinition> namedValues,
                                                 List<FragmentDefinition> fragments) {
        return environment(namedValues, fragments, Backends.NONE);
    }

    /** An environment with these named values, fragments and backends. */
    public static CompileEnvironment environment(List<NamedValueDefinition> namedValues,
                                                 List<FragmentDefinition> fragments, Backends backends) {
        return environment(namedValues, fragments, backends, Certificates.NONE);
    }

    /** An environment with these named values, fragments, backends and certificates. */
    public static CompileEnvironment environment(List<NamedValueDefinition> namedValues,
                                                 List<FragmentDefinition> fragments, Backends backends,
                                                 Certificates certificates) {
        return new CompileEnvironment(REGISTRY, EXPRESSIONS, new NamedValues(namedValues), new Fragments(fragments, XML),
                backends, certificates, SERVICES);
    }

    /** An environment without named values or fragments whose policies keep these services. */
    public static CompileEnvironment environment(PolicyServices services) {
        return new CompileEnvironment(REGISTRY, EXPRESSIONS, NamedValues.NONE, Fragments.NONE, Backends.NONE, services);
    }

    /** An environment without named values or fragments with these services and certificates. */
    public static CompileEnvironment environment(PolicyServices services, Certificates certificates) {
        return new CompileEnvironment(REGISTRY, EXPRESSIONS, NamedValues.NONE, Fragments.NONE, Backends.NONE,
                certificates, services);
    }

    /** Compiles global, API and operation documents (any may be null) for a route with these parameters. */
    public static Pipeline pipeline(CompileEnvironment environment, String global, String api, String operation,
                                    Set<String> parameters) throws PolicyCompileException {
        ScopeCompiler scopes = new ScopeCompiler(environment);
        PipelineComposer composer = new PipelineComposer(scopes.compileDefault(
                new PolicyElement("forward-request", Map.of(), List.of(), "", 0)));
        List<CompiledScope> compiled = List.of(
                scopes.compile(PolicyDocument.parse(global, XML), Scope.GLOBAL, "", "global policy"),
                scopes.compile(PolicyDocument.parse(api, XML), Scope.API, "echo", "API policy"),
                scopes.compile(PolicyDocument.parse(operation, XML), Scope.OPERATION, "echo/get-item", "operation policy"));
        return composer.compose(compiled, parameters, "operation 'echo/get-item'");
    }

    /** Compiles product, API and operation documents (any may be null) under an empty global scope; the product is "starter". */
    public static Pipeline productPipeline(CompileEnvironment environment, String product, String api, String operation)
            throws PolicyCompileException {
        ScopeCompiler scopes = new ScopeCompiler(environment);
        PipelineComposer composer = new PipelineComposer(scopes.compileDefault(
                new PolicyElement("forward-request", Map.of(), List.of(), "", 0)));
        List<CompiledScope> compiled = List.of(
                scopes.compile(PolicyDocument.parse(null, XML), Scope.GLOBAL, "", "global policy"),
                scopes.compile(PolicyDocument.parse(product, XML), Scope.PRODUCT, "starter", "product policy"),
                scopes.compile(PolicyDocument.parse(api, XML), Scope.API, "echo", "API policy"),
                scopes.compile(PolicyDocument.parse(operation, XML), Scope.OPERATION, "echo/get-item", "operation policy"));
        return composer.compose(compiled, Set.of(), "operation 'echo/get-item'");
    }

    public static Pipeline pipeline(String global, String api, String operation, Set<String> parameters)
            throws PolicyCompileException {
        return pipeline(environment(List.of(), List.of()), global, api, operation, parameters);
    }

    /** Compiles one document at operation scope under empty global and API scopes. */
    public static Pipeline pipeline(String operation, Set<String> parameters) throws PolicyCompileException {
        return pipeline(null, null, operation, parameters);
    }

    /** Wraps elements into {@code <policies><section>...</section></policies>}. */
    public static String in(Section section, String elements) {
        return "<policies><" + section.elementName() + ">" + elements + "</" + section.elementName() + "></policies>";
    }

    /** The message of the compile error the document causes. */
    public static String compileError(String operation) {
        return assertThrows(PolicyCompileException.class, () -> pipeline(operation, Set.of())).getMessage();
    }

    /** A context for a request to http://backend/base{path}?{query} with header name/value pairs; its backend is a stub. */
    public static PolicyContext context(String path, String query, TemplateValues values, String... headers) {
        Headers fields = new Headers();
        for (int i = 0; i < headers.length; i += 2) {
            fields.add(headers[i], headers[i + 1]);
        }
        ClientRequest client = new ClientRequest("5b0c5b6f-6d36-4e1c-9d3c-3f3a1a0e5e11", Instant.parse("2026-12-01T10:00:00Z"),
                System.nanoTime(), "GET", "https", "gw.example.com", 443, "/echo" + path, query, "10.0.0.7", false);
        RequestMessage request = new RequestMessage("GET", "http://backend/base", path, query, () -> fields, Body.stream());
        PolicyContext context = new PolicyContext(client, ROUTE, values, request, Deployment.standalone(), Clock.systemUTC());
        context.setForwarder(new StubBackend());
        return context;
    }

    public static PolicyContext context() {
        return context("/items", null, TemplateValues.NONE);
    }

    /** A GET of /items on this route (e.g. one a compiled configuration matched); its backend is a stub. */
    public static PolicyContext context(RouteInfo route) {
        ClientRequest client = new ClientRequest("5b0c5b6f-6d36-4e1c-9d3c-3f3a1a0e5e11", Instant.parse("2026-12-01T10:00:00Z"),
                System.nanoTime(), "GET", "https", "gw.example.com", 443, "/echo/items", null, "10.0.0.7", false);
        RequestMessage request = new RequestMessage("GET", "http://backend/base", "/items", null, Headers::new, Body.stream());
        PolicyContext context = new PolicyContext(client, route, TemplateValues.NONE, request, Deployment.standalone(),
                Clock.systemUTC());
        context.setForwarder(new StubBackend());
        return context;
    }

    /** Runs one section's steps, waiting for a pending outcome. */
    public static Outcome run(Pipeline pipeline, Section section, PolicyContext context) throws PolicyException {
        return settle(Steps.run(pipeline.steps(section), context));
    }

    /** The whole flow on the stub backend, waited for; the context's response is the client's. */
    public static PolicyContext flow(Pipeline pipeline, PolicyContext context) throws PolicyException {
        settle(new RequestFlow(pipeline, context).run());
        return context;
    }

    public static PolicyContext flow(String policy) throws Exception {
        return flow(pipeline(policy, Set.of()), context());
    }

    /** A pending outcome, waited for (bounded). */
    public static Outcome settle(Outcome outcome) throws PolicyException {
        if (!outcome.isPending()) {
            return outcome;
        }
        try {
            return outcome.stage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (Steps.cause(e.getCause()) instanceof PolicyException failure) {
                throw failure;
            }
            throw new AssertionError(e);
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** The body of a response the gateway holds, as text. */
    public static String body(dev.breakwater.gateway.policy.runtime.ResponseMessage response) {
        byte[] bytes = response.bodyToSend();
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
