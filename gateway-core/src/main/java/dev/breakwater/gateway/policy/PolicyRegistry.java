package dev.breakwater.gateway.policy;

import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The policy factories by element name, built once and never changed. An element no factory
 * knows is a compile error: a policy is never skipped.
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

    /** The factories on the class path of this library (META-INF/services). */
    public static PolicyRegistry builtIn() {
        ServiceLoader<PolicyFactory> loader =
                ServiceLoader.load(PolicyFactory.class, PolicyFactory.class.getClassLoader());
        return new PolicyRegistry(loader.stream().map(ServiceLoader.Provider::get).collect(Collectors.toList()));
    }

    /** Compiles one policy element in its section. */
    public Policy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
        PolicyFactory factory = factories.get(element.name());
        if (factory == null) {
            throw new PolicyCompileException(element, "unknown policy; this gateway knows "
                    + String.join(", ", new TreeMap<>(factories).keySet()) + ", and <base/>");
        }
        if (!factory.sections().contains(context.section())) {
            throw new PolicyCompileException(element, "not allowed in <" + context.section().elementName()
                    + ">; allowed in " + factory.sections().stream().map(Section::elementName)
                    .sorted().collect(Collectors.joining(", ")));
        }
        return factory.compile(element, context);
    }
}
