package dev.breakwater.management.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FragmentRootTest {

    @Test
    void aFragmentRootIsFoundAfterAPrologAndBeforeTrailingComments() {
        assertNull(FragmentRoot.problem("<fragment><set-header name=\"a\"><value>b</value></set-header></fragment>"));
        assertNull(FragmentRoot.problem("\uFEFF<?xml version=\"1.0\"?>\n<!-- shared -->\n<fragment>\n"
                + "<set-variable name=\"x\" value=\"@(a < b && c > \"d\")\" />\n</fragment >\n<!-- end -->\n"));
        assertNull(FragmentRoot.problem("  <fragment/>  "));
        assertNull(FragmentRoot.problem("<fragment />"));
    }

    @Test
    void anotherRootOrSomethingAfterTheRootIsNamed() {
        assertEquals("a fragment's root element must be <fragment>, not <policies>",
                FragmentRoot.problem("<policies><inbound/></policies>"));
        assertEquals("a fragment's root element must be <fragment>, not <fragments>",
                FragmentRoot.problem("<fragments></fragments>"));
        assertEquals("a fragment's XML must end with </fragment>: the root element holds everything",
                FragmentRoot.problem("<fragment></fragment><set-header name=\"a\"/>"));
        assertEquals("a fragment's XML must end with </fragment>: the root element holds everything",
                FragmentRoot.problem("<fragment><base/>"));
        assertEquals("a fragment's XML must begin with its root element <fragment>",
                FragmentRoot.problem("text <fragment></fragment>"));
        assertEquals("a comment or the XML declaration is not closed", FragmentRoot.problem("<!-- <fragment></fragment>"));
        assertEquals("a DOCTYPE is not allowed",
                FragmentRoot.problem("<!DOCTYPE fragment [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><fragment/>"));
    }
}
