package dev.breakwater.gateway.policy.liquid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** .NET's ways of writing numbers and of substituting regex matches. */
class DotNetTextTest {

    private static String substitute(String regex, String input, String replacement) {
        Matcher matcher = Pattern.compile(regex).matcher(input);
        StringBuilder out = new StringBuilder();
        if (matcher.find()) {
            DotNetSubstitution.append(out, replacement, matcher, input);
        }
        return out.toString();
    }

    @Test
    void substitutesGroupsAndSpecialsAsDotNetDoes() {
        assertEquals("b-a", substitute("(a)(b)", "xaby", "$2-$1"));
        assertEquals("b-a", substitute("(?<first>a)(?<second>b)", "xaby", "${second}-${first}"));
        assertEquals("[ab] x y $ xaby b", substitute("(a)(b)", "xaby", "[$&] $` $' $$ $_ $+"));
        assertEquals("\\r $9 $x ${nope}", substitute("(a)", "a", "\\r $9 $x ${nope}"), "what names no group is literal");
        assertEquals("a0", substitute("(a)", "a", "$10"), "the longest group number that exists");
    }

    @Test
    void writesNumbersAsDotNetDoes() {
        assertEquals("3", OutputText.of(3.0));
        assertEquals("-2.5", OutputText.of(-2.5));
        assertEquals("0.1", OutputText.of(0.1));
        assertEquals("123456789012345", OutputText.of(123456789012345.0));
        assertEquals("1E+15", OutputText.of(1e15));
        assertEquals("1.5E+20", OutputText.of(1.5e20));
        assertEquals("0.00001", OutputText.of(0.00001));
        assertEquals("1E-06", OutputText.of(0.000001));
        assertEquals("2.50", OutputText.of(new BigDecimal("2.50")));
        assertEquals("", OutputText.of(null));
        assertEquals("true", OutputText.of(true));
    }
}
