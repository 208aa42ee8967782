package dev.breakwater.gateway.policy;

import java.util.Set;

/**
 * Compiles one kind of policy element. Implementations are registered by element name
 * through {@link java.util.ServiceLoader} and validate everything they can at compile time:
 * attributes, children, values, the section they stand in.
 */
public interface PolicyFactory {

    /** The XML element this factory compiles, e.g. {@code set-header}. */
    String elementName();

    /** The sections the policy may stand in. */
    Set<Section> sections();

    /** Compiles one element; any problem is reported with the element and its line. */
    Policy compile(PolicyElement element, CompileContext context) throws PolicyCompileException;
}
