package dev.breakwater.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.breakwater.gateway.policy.PipelineCompiler.ScopedDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;

/** Compiles policy XML with the built-in registry and builds contexts, for tests without a server. */
public final class PolicyTesting {

    public static final PolicyRegistry REGISTRY = PolicyRegistry.builtIn();
    private static final PolicyXmlReader XML = new PolicyXmlReader();

    private PolicyTesting() {
    }

    /** Compiles global, API and operation documents (any may be null) for a route with these parameters. */
    public static Pipeline pipeline(String global, String api, String operation, Set<String> parameters)
            throws PolicyCompileException {
        List<ScopedDocument> scopes = new ArrayList<>();
        scopes.add(new ScopedDocument(Scope.GLOBAL, "global policy", PolicyDocument.parse(global, XML)));
        scopes.add(new ScopedDocument(Scope.API, "API policy", PolicyDocument.parse(api, XML)));
        scopes.add(new ScopedDocument(Scope.OPERATION, "operation policy", PolicyDocument.parse(operation, XML)));
        return new PipelineCompiler(REGISTRY).compile(scopes, parameters);
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

    /** A context for a request to http://backend/base{path}?{query} with header name/value pairs. */
    public static PolicyContext context(String path, String query, TemplateValues values, String... headers) {
        HttpFields.Mutable fields = HttpFields.build();
        for (int i = 0; i < headers.length; i += 2) {
            fields.add(headers[i], headers[i + 1]);
        }
        return new PolicyContext("test-request", values,
                new RequestMessage("GET", "http://backend/base", path, query, () -> fields));
    }

    public static PolicyContext context() {
        return context("/items", null, TemplateValues.NONE);
    }
}
