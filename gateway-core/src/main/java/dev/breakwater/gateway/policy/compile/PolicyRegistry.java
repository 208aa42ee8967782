package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The policy factories by element name, built once and never changed. An element no factory
 * knows is a compile error naming it: a policy is never skipped.
 */
public final class PolicyRegistry {

    private final Map<String, PolicyFactory> factories;

    public PolicyRegistry(Collection<? extends PolicyFactory> factories) {
        Map<String, PolicyFactory> byName = new TreeMap<>();
        for (PolicyFactory factory : factories) {
            PolicyFactory previous = byName.put(factory.elementName(), factory);
            if (previous != null) {
                throw new IllegalStateException("two policy factories for <" + factory.elementName() + ">: "
                        + previous.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
        this.factories = Map.copyOf(byName);
    }

    /** The factories on the class path (META-INF/services), the built-in ones and any a test adds. */
    public static PolicyRegistry builtIn() {
        ServiceLoader<PolicyFactory> loader =
                ServiceLoader.load(PolicyFactory.class, PolicyFactory.class.getClassLoader());
        return new PolicyRegistry(loader.stream().map(ServiceLoader.Provider::get).collect(Collectors.toList()));
    }

    /** The factory of an element allowed in the section (any section when {@code null}). */
    PolicyFactory factoryFor(PolicyElement element, Section section) throws PolicyCompileException {
        PolicyFactory factory = factories.get(element.name());
        if (factory == null) {
            if (element.name().equals("base")) {
                throw new PolicyCompileException(element, "<base/> stands only directly in a section of <policies>, "
                        + "not inside a policy or a fragment");
            }
            if (Section.byElementName(element.name()) != null) {
                throw new PolicyCompileException(element, "a section stands only directly in <policies>, "
                        + "not inside a policy or a fragment");
            }
            String known = KnownPolicies.isApimPolicy(element.name())
                    ? "an APIM policy this gateway does not support yet" : "not a policy this gateway knows";
            throw new PolicyCompileException(element, known + "; supported: "
                    + String.join(", ", new TreeMap<>(factories).keySet()) + ", and <base/>");
        }
        if (section != null && !factory.sections().contains(section)) {
            throw new PolicyCompileException(element, "not allowed in <" + section.elementName()
                    + ">; allowed in " + factory.sections().stream().map(Section::elementName)
                    .sorted().collect(Collectors.joining(", ")));
        }
        return factory;
    }
}
