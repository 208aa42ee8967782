package dev.breakwater.gateway.policy.expression;

import org.junit.jupiter.api.Test;

import static dev.breakwater.gateway.policy.expression.Expressions.eval;
import static dev.breakwater.gateway.policy.expression.Expressions.runtimeError;
import static dev.breakwater.gateway.policy.expression.Expressions.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** ToString() of values as .NET Core 3+ prints them (invariant culture). */
class FormattingTest {

    @Test
    void numbersPrintLikeDotNet() {
        assertEquals("1.5", str("@(1.5)"));
        assertEquals("1E+20", str("@(1e20)"));
        assertEquals("0.30000000000000004", str("@(0.1 + 0.2)"));
        assertEquals("0.3333333333333333", str("@(1 / 3.0)"));
        assertEquals("100", str("@(100.0)"));
        assertEquals("1E+15", str("@(1e15)"));
        assertEquals("123456789012345", str("@(123456789012345.0)"));
        assertEquals("0.0001", str("@(0.0001)"));
        assertEquals("1E-05", str("@(0.00001)"));
        assertEquals("-0", str("@(-0.0)"));
        assertEquals("0.1", str("@(0.1f)"));
        assertEquals("NaN", str("@(double.NaN)"));
        assertEquals("Infinity", str("@(1.0 / 0)"));
        assertEquals("1.10", str("@(1.10m)"));
        assertEquals("2.50", str("@(1.25m * 2)"));
        assertEquals("255", str("@((byte)255)"));
        assertEquals("True", str("@(true)"));
        assertEquals("False", str("@(1 > 2)"));
        assertEquals("2", str("@((1+1).ToString())"));
    }

    @Test
    void standardAndCustomNumericFormats() {
        assertEquals("1,234,567", str("@(1234567.ToString(\"N0\"))"));
        assertEquals("1,234.57", str("@(1234.5678.ToString(\"N2\"))"));
        assertEquals("3.14", str("@(3.14159.ToString(\"F2\"))"));
        assertEquals("0042", str("@(42.ToString(\"D4\"))"));
        assertEquals("-0042", str("@((-42).ToString(\"D4\"))"));
        assertEquals("00FF", str("@(255.ToString(\"X4\"))"));
        assertEquals("ff", str("@(255.ToString(\"x\"))"));
        assertEquals("12.5 %", str("@(0.125.ToString(\"P1\"))"));
        assertEquals("1.234560E+003", str("@(1234.56.ToString(\"E\"))"));
        assertEquals("1,234.50", str("@(1234.5.ToString(\"#,##0.00\"))"));
        assertEquals("007", str("@(7.ToString(\"000\"))"));
        assertEquals("(555) 123-4567", str("@(5551234567L.ToString(\"(###) ###-####\"))"));
        assertEquals("3", str("@(2.5.ToString(\"0\"))"));
        assertEquals("12.3", str("@(12.34.ToString(\"0.#\"))"));
        assertEquals("System.FormatException", runtimeError("@(1.5.ToString(\"D\"))", new InMemoryContext()).exceptionType());
    }

    @Test
    void parsing() {
        assertEquals(42, eval("@(int.Parse(\" 42 \"))"));
        assertEquals(-7L, eval("@(long.Parse(\"-7\"))"));
        assertEquals(1234.5, eval("@(double.Parse(\"1,234.5\"))"));
        assertEquals(true, eval("@(bool.Parse(\"TRUE\"))"));
        assertEquals("0|False", eval("@{ int n; var ok = int.TryParse(\"x\", out n); return n + \"|\" + ok; }"));
        assertEquals(12, eval("@(int.TryParse(\"12\", out var v) ? v : -1)"));
        assertEquals("System.FormatException", runtimeError("@(int.Parse(\"1.5\"))", new InMemoryContext()).exceptionType());
        assertEquals("System.OverflowException", runtimeError("@(int.Parse(\"99999999999\"))", new InMemoryContext()).exceptionType());
    }

    @Test
    void mathFollowsDotNet() {
        assertEquals(2.0, eval("@(Math.Round(2.5))"));
        assertEquals(3.0, eval("@(Math.Round(2.5, MidpointRounding.AwayFromZero))"));
        // .NET Core scales by 100 first (267.5 as a double) and rounds half to even.
        assertEquals(2.68, eval("@(Math.Round(2.675, 2))"));
        assertEquals(3, eval("@(Math.Max(3, 2))"));
        assertEquals(2.5, eval("@(Math.Max(2, 2.5))"));
        assertEquals(8.0, eval("@(Math.Pow(2, 3))"));
        assertEquals(-2.0, eval("@(Math.Floor(-1.5))"));
        assertEquals(2.0, eval("@(Math.Ceiling(1.2))"));
        assertEquals(5, eval("@(Math.Abs(-5))"));
        assertEquals(3, eval("@((int)3.99)"));
        assertEquals(-3, eval("@((int)-3.99)"));
        assertEquals(4, eval("@(Convert.ToInt32(3.5))"));
        assertEquals(2, eval("@(Convert.ToInt32(2.5))"));
    }

    @Test
    void enumsAndGuids() {
        assertEquals("OrdinalIgnoreCase", str("@(StringComparison.OrdinalIgnoreCase)"));
        assertEquals("IgnoreCase, Multiline", str("@(RegexOptions.IgnoreCase | RegexOptions.Multiline)"));
        assertEquals(5, eval("@((int)StringComparison.OrdinalIgnoreCase)"));
        assertEquals("{00000000-0000-0000-0000-000000000000}", str("@(Guid.Empty.ToString(\"B\"))"));
        assertEquals(true, eval("@(Guid.Parse(\"5F2C3A1E8D4B4C6A9E7F0A1B2C3D4E5F\") == context.RequestId)"));
        assertEquals(36, eval("@(Guid.NewGuid().ToString().Length)"));
    }
}
