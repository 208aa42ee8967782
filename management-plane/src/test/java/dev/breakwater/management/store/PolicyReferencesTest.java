package dev.breakwater.management.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.FragmentDefinition;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyReferencesTest {

    private static PolicyReferences.Used scan(Map<String, FragmentDefinition> fragments, String... policies) {
        return PolicyReferences.of(Arrays.asList(policies), fragments);
    }

    private static Map<String, FragmentDefinition> fragments(FragmentDefinition... fragments) {
        Map<String, FragmentDefinition> byId = new HashMap<>();
        for (FragmentDefinition fragment : fragments) {
            byId.put(fragment.id(), fragment);
        }
        return byId;
    }

    @Test
    void namedValuesAreFoundInAttributesTextAndExpressionsWithOrWithoutSpaces() {
        PolicyReferences.Used used = scan(Map.of(),
                "<policies><inbound><set-header name=\"{{Header-Name}}\"><value>{{ spaced.value }}</value>"
                        + "</set-header><set-variable name=\"x\" value=\"@(&quot;{{in_expression}}&quot;)\"/>"
                        + "</inbound></policies>",
                null,
                "<policies><inbound><set-query-parameter name=\"q\"><value>{{\tTabbed\n}}</value>"
                        + "</set-query-parameter></inbound></policies>");
        assertEquals(Set.of("header-name", "spaced.value", "in_expression", "tabbed"), used.namedValues());
        assertTrue(used.namedValue("HEADER-name"), "matched regardless of case");
        assertFalse(used.namedValue("other"));
    }

    @Test
    void whatCannotBeANameIsNotTakenForOne() {
        PolicyReferences.Used used = scan(Map.of(), "<x>{{context.Variables['a']}} {{ a b }} {single} {{}} {{- header.Key }}</x>");
        assertEquals(Set.of(), used.namedValues());
    }

    @Test
    void includedFragmentsAreFollowedTransitivelyAndOnce() {
        Map<String, FragmentDefinition> fragments = fragments(
                new FragmentDefinition("auth", null, "<fragment><include-fragment fragment-id='keys' />"
                        + "<set-header name=\"a\"><value>{{auth-header}}</value></set-header></fragment>"),
                new FragmentDefinition("keys", null, "<fragment>{{api-key}}<include-fragment fragment-id=\"auth\"/>"
                        + "</fragment>"),
                new FragmentDefinition("unused", null, "<fragment>{{never}}</fragment>"));
        PolicyReferences.Used used = scan(fragments,
                "<policies><inbound><include-fragment\n   fragment-id = \"auth\"/><include-fragment fragment-id=\"gone\"/>"
                        + "</inbound></policies>");
        assertEquals(Set.of("auth", "keys", "gone"), used.fragments(), "a missing one is named, for the compiler to refuse");
        assertEquals(Set.of("auth-header", "api-key"), used.namedValues(), "through both fragments; the cycle ends");
    }

    @Test
    void aDocumentWithoutReferencesUsesNothing() {
        PolicyReferences.Used used = scan(fragments(new FragmentDefinition("f", null, "<fragment>{{x}}</fragment>")),
                "<policies><inbound><base/></inbound></policies>");
        assertEquals(new PolicyReferences.Used(Set.of(), Set.of()), used);
        assertEquals(List.of(), List.copyOf(used.fragments()));
    }
}
