package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.policy.Scope;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.xml.PolicyDocument;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles one scope's document (global, product, API or operation) into a {@link CompiledScope}:
 * each element once, with its place, whatever routes later share it.
 */
public final class ScopeCompiler {

    private static final String BASE = "base";

    private final CompileEnvironment environment;

    public ScopeCompiler(CompileEnvironment environment) {
        this.environment = environment;
    }

    /**
     * @param owner the id of what the document is attached to: "" for global, an API id, {@code api/operation}
     * @param where how messages name the document
     */
    public CompiledScope compile(PolicyDocument document, Scope scope, String owner, String where)
            throws PolicyCompileException {
        Map<Section, List<CompiledPolicy>> sections = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            List<PolicyElement> elements = document.section(section);
            if (elements == null) {
                continue;
            }
            List<CompiledPolicy> compiled = new ArrayList<>(elements.size());
            boolean sawBase = false;
            for (int i = 0; i < elements.size(); i++) {
                PolicyElement element = elements.get(i);
                try {
                    if (BASE.equals(element.name())) {
                        checkBase(element, scope, sawBase);
                        sawBase = true;
                        compiled.add(CompiledScope.BASE);
                    } else {
                        compiled.add(CompileContext.compile(environment, section, scope, owner,
                                element.name() + "[" + (i + 1) + "]", element));
                    }
                } catch (PolicyCompileException e) {
                    throw e.within(where);
                }
            }
            sections.put(section, List.copyOf(compiled));
        }
        return new CompiledScope(scope, where, sections);
    }

    /** Compiles the {@code <forward-request/>} of the default global policy. */
    public CompiledPolicy compileDefault(PolicyElement forward) throws PolicyCompileException {
        return CompileContext.compile(environment, Section.BACKEND, Scope.GLOBAL, "", "forward-request[default]", forward);
    }

    /** Checks a fragment on its own: it must compile in at least one section (it is refused with the first error). */
    public void checkFragment(String id) throws PolicyCompileException {
        PolicyCompileException first = null;
        for (Section section : Section.values()) {
            try {
                PolicyElement include = new PolicyElement("include-fragment", Map.of("fragment-id", id), List.of(), "", 0);
                CompileContext.compile(environment, section, Scope.GLOBAL, "", "fragment:" + id, include);
                return;
            } catch (PolicyCompileException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
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
}
