package dev.breakwater.gateway.policy.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteReplaceTest {

    private static String replace(String content, String from, String to) throws ConversionException {
        return new String(ByteReplace.replaceAll(content.getBytes(StandardCharsets.UTF_8),
                from.getBytes(StandardCharsets.UTF_8), to.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void replacesLeftToRightWithoutOverlaps() throws Exception {
        assertEquals("xx", replace("abab", "ab", "x"));
        assertEquals("bba", replace("aaaaa", "aa", "b"));
        assertEquals("xbac", replace("ababac", "aba", "x"));
        assertEquals("a-c", replace("abc", "b", "-"));
        assertEquals("ε", replace("αβγ", "αβγ", "ε"));
    }

    @Test
    void aPatternWithRepeatedPrefixesIsFoundAfterAFalseStart() throws Exception {
        assertEquals("aaX", replace("aaaab", "aab", "X"));
        assertEquals("abcabX", replace("abcababcabd", "abcabd", "X"));
    }

    @Test
    void nothingFoundGivesTheSameArray() throws Exception {
        byte[] content = "abc".getBytes(StandardCharsets.UTF_8);
        assertSame(content, ByteReplace.replaceAll(content, "x".getBytes(StandardCharsets.UTF_8), new byte[0]));
        assertSame(content, ByteReplace.replaceAll(content, new byte[0], "y".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aResultBeyondTheBudgetIsRefused() {
        byte[] content = new byte[1024];
        java.util.Arrays.fill(content, (byte) 'a');
        byte[] large = new byte[16 * 1024];
        ConversionException e = assertThrows(ConversionException.class,
                () -> ByteReplace.replaceAll(content, new byte[] {'a'}, large));
        assertTrue(e.getMessage().contains("larger than " + OutputBudget.forInput(1024)), e.getMessage());
    }
}
