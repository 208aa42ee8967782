package dev.breakwater.gateway.config;

/**
 * A policy fragment: a {@code <fragment>} of policies that {@code <include-fragment fragment-id="id"/>}
 * puts in place, compiled with the rules of the section that includes it.
 *
 * @param policy the fragment's XML, {@code <fragment>...</fragment>}
 */
public record FragmentDefinition(String id, String description, String policy) {
}
