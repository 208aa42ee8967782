package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.policy.Scope;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.PolicyPlace;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a factory knows and uses while it compiles one element: where the element stands (section,
 * scope, position), how to compile the policies it contains, and how to read its values (named
 * values substituted, expressions compiled, see {@link ValueReader}). It collects what the element's
 * tree node needs: its children, the traits its expressions add, the template parameters it uses.
 */
public final class CompileContext {

    private final CompileEnvironment environment;
    private final Section section;
    private final Scope scope;
    private final String owner;
    private final String path;
    private final ValueReader values;
    private final List<CompiledPolicy> children = new ArrayList<>();
    private final Set<Trait> traits = EnumSet.noneOf(Trait.class);
    private final Set<String> templateParameters = new LinkedHashSet<>();

    CompileContext(CompileEnvironment environment, Section section, Scope scope, String owner, String path,
                   String policy) {
        this.environment = environment;
        this.section = section;
        this.scope = scope;
        this.owner = owner;
        this.path = path;
        this.values = new ValueReader(environment, traits::add, policy);
    }

    /** The section the element stands in. */
    public Section section() {
        return section;
    }

    public Scope scope() {
        return scope;
    }

    /** The gateway's services, which a compiled policy keeps for what outlives a request. */
    public PolicyServices services() {
        return environment.services();
    }

    /** The values of this element and of its non-policy children ({@code <value>}, {@code <when condition>}). */
    public ValueReader values() {
        return values;
    }

    /**
     * The element's stable identity: the same policy at the same place has the same identity in
     * every revision (as {@link PolicyPlace#key()}), for state kept per policy (counters).
     */
    public String placeKey() {
        return scope.label() + ":" + owner + ":" + (section == null ? "" : section.elementName()) + ":" + path;
    }

    /** The backend entities of the configuration being compiled. */
    public Backends backends() {
        return environment.backends();
    }

    /** The certificates of the configuration being compiled ({@code authentication-certificate}). */
    public Certificates certificates() {
        return environment.certificates();
    }

    /** Whether a policy compiled so far as this element's child (or deeper) has the trait. */
    public boolean childrenHave(Trait trait) {
        return children.stream().anyMatch(child -> child.has(trait));
    }

    /** Adds a trait the element has beyond its factory's. */
    public void addTrait(Trait trait) {
        traits.add(trait);
    }

    /** Notes that a value refers to a parameter of the operation's URL template (checked per route). */
    public void usesTemplateParameter(String name) {
        templateParameters.add(name);
    }

    /**
     * Compiles policies the element contains, in this element's section; they become its children in
     * the tree. {@code label} names the container in positions, e.g. {@code when[2]}.
     */
    public Step[] compileChildren(String label, List<PolicyElement> elements) throws PolicyCompileException {
        return compileUnder(path + "/" + label, elements);
    }

    /**
     * Compiles the policies an element holds directly (limit-concurrency), placed right below it:
     * {@code limit-concurrency[1]/forward-request[1]}.
     */
    public Step[] compileChildren(List<PolicyElement> elements) throws PolicyCompileException {
        return compileUnder(path, elements);
    }

    private Step[] compileUnder(String prefix, List<PolicyElement> elements) throws PolicyCompileException {
        List<Step> steps = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            CompiledPolicy child = compile(environment, section, scope, owner, prefix + "/"
                    + elements.get(i).name() + "[" + (i + 1) + "]", elements.get(i));
            children.add(child);
            steps.add(child.step());
        }
        return steps.toArray(Step[]::new);
    }

    /** Compiles a fragment's policies in place of the element that includes it. */
    public Step[] compileFragment(String id, PolicyElement includer) throws PolicyCompileException {
        Fragments fragments = environment.fragments();
        PolicyElement root = fragments.root(id, includer);
        fragments.enter(id, includer);
        try {
            return compileChildren("fragment:" + id, root.children());
        } catch (PolicyCompileException e) {
            throw e.getMessage().startsWith("fragment '") ? e : e.within("fragment '" + id + "'");
        } finally {
            fragments.leave();
        }
    }

    /**
     * Compiles one policy element standing at {@code path} into its tree node: finds its factory
     * (refusing unknown elements and wrong sections), compiles it, and wraps its step so that a
     * failure names where it happened.
     */
    static CompiledPolicy compile(CompileEnvironment environment, Section section, Scope scope, String owner,
                                  String path, PolicyElement element) throws PolicyCompileException {
        PolicyFactory factory = environment.registry().factoryFor(element, section);
        CompileContext context = new CompileContext(environment, section, scope, owner, path, element.name());
        Step step;
        try {
            step = factory.compile(element, context);
        } catch (PolicyCompileException e) {
            throw new PolicyCompileException(environment.namedValues().scrub(e.getMessage()));
        }
        PolicyPlace place = new PolicyPlace(element.name(), scope.label(), owner,
                section == null ? "" : section.elementName(), path, element.attribute(PolicyElement.ID), element.line());
        Set<Trait> own = EnumSet.noneOf(Trait.class);
        own.addAll(factory.traits());
        own.addAll(context.traits);
        return new CompiledPolicy(place, PlacedStep.wrap(step, place), Set.copyOf(own), List.copyOf(context.children),
                Set.copyOf(context.templateParameters));
    }

    /** A constant value, for factories that build one. */
    public static <T> Value<T> constant(T value) {
        return Value.of(value);
    }
}
