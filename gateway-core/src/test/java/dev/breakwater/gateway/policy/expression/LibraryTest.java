package dev.breakwater.gateway.policy.expression;

import dev.breakwater.gateway.policy.expression.library.Library;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;

class LibraryTest {

    @Test
    void standardLibraryBuildsWithEverySignatureMatchingItsImplementation() {
        assertNotNull(Library.standard().contextType());
    }
}
