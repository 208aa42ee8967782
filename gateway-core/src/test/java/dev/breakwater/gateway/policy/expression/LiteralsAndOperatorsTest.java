package dev.breakwater.gateway.policy.expression;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.breakwater.gateway.policy.expression.Expressions.compileError;
import static dev.breakwater.gateway.policy.expression.Expressions.eval;
import static dev.breakwater.gateway.policy.expression.Expressions.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiteralsAndOperatorsTest {

    @Test
    void literalsHaveTheirCSharpTypes() {
        assertEquals(true, eval("@(true)"));
        assertEquals(42, eval("@(42)"));
        assertEquals(3000000000L, eval("@(3000000000)"));
        assertEquals(7L, eval("@(7L)"));
        assertEquals(1.5, eval("@(1.5)"));
        assertEquals(2.5f, eval("@(2.5f)"));
        assertEquals(new BigDecimal("1.10"), eval("@(1.10m)"));
        assertEquals('x', eval("@('x')"));
        assertEquals(255, eval("@(0xFF)"));
        assertEquals(1_000_000, eval("@(1_000_000)"));
        assertEquals("Hi There", eval("@(\"Hi There\")"));
        assertEquals(8, eval("@(\"Hi There\".Length)"));
    }

    @Test
    void precedenceFollowsCSharp() {
        assertEquals(7, eval("@(1 + 2 * 3)"));
        assertEquals(9, eval("@((1 + 2) * 3)"));
        assertEquals(true, eval("@(1 + 1 == 2 && !(3 < 2) || false)"));
        assertEquals(-6, eval("@(-2 * 3)"));
        assertEquals(2, eval("@(10 - 4 - 4)"));
        assertEquals(16, eval("@(1 << 2 + 2)"));
        assertEquals(true, eval("@(5 > 3 == true)"));
        assertEquals(3, eval("@(true ? 1 + 2 : 0)"));
        assertEquals("b", eval("@(false ? \"a\" : true ? \"b\" : \"c\")"));
        assertEquals(6, eval("@(7 & 6 | 2 ^ 2)"));
    }

    @Test
    void integerDivisionAndOverflowAreCSharps() {
        assertEquals(3, eval("@(7 / 2)"));
        assertEquals(-3, eval("@(-7 / 2)"));
        assertEquals(-1, eval("@(-7 % 2)"));
        assertEquals(3.5, eval("@(7 / 2.0)"));
        assertEquals(Integer.MIN_VALUE, eval("@(int.Parse(\"2147483647\") + 1)"));
        assertEquals(true, eval("@((object)\"a\" == \"a\")"), "literals are interned, as in C#");
        assertTrue(compileError("@(1 / 0)").contains("the constant expression fails: Attempted to divide by zero."));
        assertEquals(Long.MAX_VALUE, eval("@(long.MaxValue)"));
        assertEquals(1, eval("@(5 / 3)"));
        assertEquals("0.3333333333333333333333333333", str("@(1m / 3m)"));
        assertEquals("System.DivideByZeroException",
                Expressions.runtimeError("@{ int z = 0; return 1 / z; }", new InMemoryContext()).exceptionType());
    }

    @Test
    void stringsCompareOrdinallyAndConcatenateNullAsEmpty() {
        assertEquals(true, eval("@(\"abc\" == \"ab\" + \"c\")"));
        assertEquals(false, eval("@(\"abc\" == \"ABC\")"));
        assertEquals("a", eval("@(null + \"a\")"));
        assertEquals("x1True", eval("@(\"x\" + 1 + true)"));
        assertEquals("3x", eval("@(1 + 2 + \"x\")"));
        assertEquals("x12", eval("@(\"x\" + 1 + 2)"));
        assertEquals("1.5", eval("@(\"\" + 1.5)"));
    }

    @Test
    void nullCoalescingAndConditionalAccess() {
        assertEquals("d", eval("@((string)null ?? (string)null ?? \"d\")"));
        assertEquals(5, eval("@((int?)null ?? 5)"));
        assertEquals(null, eval("@(((string)null)?.Length)"));
        assertEquals(3, eval("@(\"abc\"?.Length)"));
        assertEquals(0, eval("@(((string)null)?.Length ?? 0)"));
        assertEquals(null, eval("@(((string)null)?.Substring(1).Length)"));
    }

    @Test
    void compileErrorsNameTheConstructAndLine() {
        assertEquals("line 1: 'System.IO.File' is not allowed in policy expressions",
                compileError("@(System.IO.File.ReadAllText(\"x\"))"));
        assertEquals("line 2: 'Foo' is not a member of IRequest", compileError("@(\ncontext.Request.Foo)"));
        assertTrue(compileError("@(1 + \"a\" * 2)").contains("operator '*'"));
        assertTrue(compileError("@{ if (1) { return 1; } return 2; }").contains("must be a bool"));
        assertTrue(compileError("@{ var x = 1; }").contains("not all code paths return a value"));
    }
}
