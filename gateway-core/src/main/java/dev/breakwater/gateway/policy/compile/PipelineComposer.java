package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.policy.Scope;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.Step;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Composes the compiled scopes of a route (global, product, API, operation) into its
 * {@link Pipeline}: each {@code <base/>} replaced by the enclosing scope's effective section, no
 * element compiled again. Then checks the composition by walking the tree: nothing after a policy
 * that forwards in the backend section, template parameters the operation has.
 *
 * <p>Where no document says otherwise, the backend section is {@code <forward-request/>}, as in
 * APIM's default global policy.
 */
public final class PipelineComposer {

    private final CompiledScope defaults;

    /** @param defaultForward the compiled {@code <forward-request/>} of the default global policy */
    public PipelineComposer(CompiledPolicy defaultForward) {
        Map<Section, List<CompiledPolicy>> sections = new EnumMap<>(Section.class);
        sections.put(Section.BACKEND, List.of(defaultForward));
        this.defaults = new CompiledScope(Scope.GLOBAL, "default global policy", sections);
    }

    /**
     * @param scopes             outermost first
     * @param templateParameters the route's URL template parameters; {@code null}: unknown, not checked
     * @param route              how messages name the route
     */
    public Pipeline compose(List<CompiledScope> scopes, Set<String> templateParameters, String route)
            throws PolicyCompileException {
        Map<Section, List<Placed>> effective = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            List<Placed> list = expand(section, scopes);
            if (templateParameters != null) {
                for (Placed placed : list) {
                    checkTemplateParameters(placed, templateParameters, route);
                }
            }
            effective.put(section, list);
        }
        List<Placed> backend = effective.get(Section.BACKEND);
        checkNothingAfterForward(backend);
        boolean answersFirst = hasOwn(effective.get(Section.INBOUND), Trait.ENDS_REQUEST)
                || (!backend.isEmpty() && backend.get(0).policy.own().contains(Trait.ENDS_REQUEST));
        boolean forwards = backend.stream().anyMatch(placed -> placed.policy.has(Trait.FORWARDS)) && !answersFirst;
        boolean setsBackend = contains(effective.get(Section.INBOUND), Trait.SETS_BACKEND)
                || contains(backend, Trait.SETS_BACKEND);
        boolean readsRequest = effective.values().stream().anyMatch(list -> contains(list, Trait.READS_REQUEST_BODY));
        // inbound too: a policy there may look at the backend's response body once it is in (an
        // increment-condition); the token policies do not: they read it as it streams (ResponseBodyTaps)
        boolean readsResponse = contains(effective.get(Section.INBOUND), Trait.READS_RESPONSE_BODY)
                || contains(effective.get(Section.OUTBOUND), Trait.READS_RESPONSE_BODY)
                || contains(effective.get(Section.ON_ERROR), Trait.READS_RESPONSE_BODY);
        return new Pipeline(steps(effective.get(Section.INBOUND)), steps(backend), steps(effective.get(Section.OUTBOUND)),
                steps(effective.get(Section.ON_ERROR)), forwards, setsBackend, readsRequest, readsResponse,
                steps(effective.get(Section.INBOUND).stream()
                        .filter(placed -> placed.policy.own().contains(Trait.ANSWERS_PREFLIGHT)).toList()));
    }

    private List<Placed> expand(Section section, List<CompiledScope> scopes) {
        List<Placed> effective = new ArrayList<>();
        for (CompiledPolicy policy : defaults.section(section) == null ? List.<CompiledPolicy>of() : defaults.section(section)) {
            effective.add(new Placed(defaults, policy));
        }
        for (CompiledScope scope : scopes) {
            List<CompiledPolicy> own = scope.section(section);
            if (own == null) {
                continue; // inherits the enclosing section whole
            }
            List<Placed> next = new ArrayList<>();
            for (CompiledPolicy policy : own) {
                if (policy == CompiledScope.BASE) {
                    next.addAll(effective);
                } else {
                    next.add(new Placed(scope, policy));
                }
            }
            effective = next;
        }
        return effective;
    }

    /** forward-request hands the request to the backend, so nothing may follow it in its section. */
    private static void checkNothingAfterForward(List<Placed> backend) throws PolicyCompileException {
        for (int i = 0; i < backend.size() - 1; i++) {
            if (backend.get(i).policy.has(Trait.FORWARDS)) {
                Placed next = backend.get(i + 1);
                throw new PolicyCompileException("<" + next.policy.place().element() + "> at line "
                        + next.policy.place().line() + ": comes after a policy that forwards the request in the "
                        + "effective <backend> section; forward-request must be the last policy there")
                        .within(next.scope.where());
            }
        }
    }

    private static void checkTemplateParameters(Placed placed, Set<String> parameters, String route)
            throws PolicyCompileException {
        for (String name : placed.policy.templateParameters()) {
            if (!parameters.contains(name)) {
                throw new PolicyCompileException("<" + placed.policy.place().element() + "> at line "
                        + placed.policy.place().line() + ": refers to the template parameter {" + name + "}, which "
                        + route + " does not have" + (parameters.isEmpty() ? "" : "; it has {"
                        + String.join("}, {", parameters) + "}")).within(placed.scope.where());
            }
        }
        for (CompiledPolicy child : placed.policy.children()) {
            checkTemplateParameters(new Placed(placed.scope, child), parameters, route);
        }
    }

    private static boolean contains(List<Placed> policies, Trait trait) {
        return policies.stream().anyMatch(placed -> placed.policy.has(trait));
    }

    private static boolean hasOwn(List<Placed> policies, Trait trait) {
        return policies.stream().anyMatch(placed -> placed.policy.own().contains(trait));
    }

    private static Step[] steps(List<Placed> policies) {
        return policies.stream().map(placed -> placed.policy.step()).toArray(Step[]::new);
    }

    private record Placed(CompiledScope scope, CompiledPolicy policy) {
    }
}
