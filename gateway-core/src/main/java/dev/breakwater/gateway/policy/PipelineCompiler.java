package dev.breakwater.gateway.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Composes the documents of the scopes a route belongs to into one {@link Pipeline}:
 * each {@code <base/>} is replaced by the enclosing scope's effective section, then every
 * element is compiled by its factory. Done once per configuration, never per request.
 *
 * <p>Where no document says otherwise, the backend section is {@code <forward-request/>},
 * as in APIM's default global policy.
 */
public final class PipelineCompiler {

    public static final String BASE = "base";
    public static final String FORWARD_REQUEST = "forward-request";
    public static final String SET_BACKEND_SERVICE = "set-backend-service";
    public static final String RETURN_RESPONSE = "return-response";

    private static final PolicyElement DEFAULT_FORWARD =
            new PolicyElement(FORWARD_REQUEST, Map.of(), List.of(), "", 0);

    private final PolicyRegistry registry;

    public PipelineCompiler(PolicyRegistry registry) {
        this.registry = registry;
    }

    /** A document and where it is attached, for composition and for error messages. */
    public record ScopedDocument(Scope scope, String where, PolicyDocument document) {
    }

    /**
     * @param scopes             outermost first (global, API, operation)
     * @param templateParameters the route's URL template parameters, or {@code null} for no route
     */
    public Pipeline compile(List<ScopedDocument> scopes, Set<String> templateParameters)
            throws PolicyCompileException {
        List<List<Policy>> compiled = new ArrayList<>();
        boolean forwards = false;
        boolean setsBackend = false;
        boolean returnsFirst = false;
        for (Section section : Section.values()) {
            List<Placed> effective = expand(section, scopes);
            if (section == Section.BACKEND) {
                forwards = checkForwardIsLast(effective);
            }
            if (section.actsOnRequest()) {
                setsBackend |= contains(effective, SET_BACKEND_SERVICE);
                // a return-response at the top of inbound or backend always answers before the forward
                returnsFirst |= contains(effective, RETURN_RESPONSE);
            }
            List<Policy> policies = new ArrayList<>(effective.size());
            for (Placed placed : effective) {
                CompileContext context = new CompileContext(section, placed.scope.scope(), templateParameters);
                try {
                    policies.add(registry.compile(placed.element, context));
                } catch (PolicyCompileException e) {
                    throw e.within(placed.scope.where());
                }
            }
            compiled.add(policies);
        }
        return new Pipeline(compiled.get(0), compiled.get(1), compiled.get(2), compiled.get(3),
                forwards && !returnsFirst, setsBackend);
    }

    private static boolean contains(List<Placed> policies, String elementName) {
        return policies.stream().anyMatch(placed -> elementName.equals(placed.element.name()));
    }

    private static List<Placed> expand(Section section, List<ScopedDocument> scopes) throws PolicyCompileException {
        List<Placed> effective = new ArrayList<>();
        if (section == Section.BACKEND) {
            effective.add(new Placed(new ScopedDocument(Scope.GLOBAL, "default global policy", null), DEFAULT_FORWARD));
        }
        for (ScopedDocument scope : scopes) {
            List<PolicyElement> own = scope.document().section(section);
            if (own == null) {
                continue;
            }
            List<Placed> next = new ArrayList<>();
            boolean sawBase = false;
            for (PolicyElement element : own) {
                if (!BASE.equals(element.name())) {
                    next.add(new Placed(scope, element));
                    continue;
                }
                try {
                    checkBase(element, scope.scope(), sawBase);
                } catch (PolicyCompileException e) {
                    throw e.within(scope.where());
                }
                sawBase = true;
                next.addAll(effective);
            }
            effective = next;
        }
        return effective;
    }

    private static void checkBase(PolicyElement base, Scope scope, boolean seenBefore) throws PolicyCompileException {
        base.allowAttributes();
        base.allowChildren();
        base.forbidText();
        if (scope == Scope.GLOBAL) {
            throw new PolicyCompileException(base, "the global policy has no enclosing scope to inherit from");
        }
        if (seenBefore) {
            throw new PolicyCompileException(base, "<base/> may appear only once in a section");
        }
    }

    /** forward-request hands the request to the backend, so nothing may follow it in its section. */
    private static boolean checkForwardIsLast(List<Placed> backend) throws PolicyCompileException {
        for (int i = 0; i < backend.size(); i++) {
            Placed placed = backend.get(i);
            if (FORWARD_REQUEST.equals(placed.element.name()) && i != backend.size() - 1) {
                Placed next = backend.get(i + 1);
                throw new PolicyCompileException(next.element,
                        "comes after <forward-request> in the effective <backend> section; "
                                + "forward-request must be the last policy there").within(next.scope.where());
            }
        }
        return !backend.isEmpty() && FORWARD_REQUEST.equals(backend.get(backend.size() - 1).element.name());
    }

    private record Placed(ScopedDocument scope, PolicyElement element) {
    }
}
