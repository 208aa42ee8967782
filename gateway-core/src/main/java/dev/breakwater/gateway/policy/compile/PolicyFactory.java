package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.Set;

/**
 * Compiles one kind of policy element into a {@link Step}. Implementations are registered by
 * element name through {@link java.util.ServiceLoader} and check everything they can at compile
 * time: attributes, children, values (through the {@link CompileContext}, which also compiles
 * child policies), the section they stand in.
 */
public interface PolicyFactory {

    /** The XML element this factory compiles, e.g. {@code set-header}. */
    String elementName();

    /** The sections the policy may stand in. */
    Set<Section> sections();

    /** What the policy does that the pipeline must know (its children's traits are added to them). */
    default Set<Trait> traits() {
        return Set.of();
    }

    /** Compiles one element; any problem is reported with the element and its line. */
    Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException;
}
