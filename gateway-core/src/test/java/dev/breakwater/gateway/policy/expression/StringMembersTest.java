package dev.breakwater.gateway.policy.expression;

import org.junit.jupiter.api.Test;

import static dev.breakwater.gateway.policy.expression.Expressions.eval;
import static dev.breakwater.gateway.policy.expression.Expressions.runtimeError;
import static dev.breakwater.gateway.policy.expression.Expressions.str;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StringMembersTest {

    @Test
    void searching() {
        assertEquals(true, eval("@(\"Hello World\".Contains(\"World\"))"));
        assertEquals(true, eval("@(\"Hello World\".Contains(\"world\", StringComparison.OrdinalIgnoreCase))"));
        assertEquals(true, eval("@(\"Hello\".StartsWith(\"he\", StringComparison.OrdinalIgnoreCase))"));
        assertEquals(false, eval("@(\"Hello\".StartsWith(\"he\"))"));
        assertEquals(true, eval("@(\"file.JSON\".EndsWith(\".json\", StringComparison.InvariantCultureIgnoreCase))"));
        assertEquals(6, eval("@(\"Hello World\".IndexOf('W'))"));
        assertEquals(-1, eval("@(\"Hello\".IndexOf(\"z\"))"));
        assertEquals(3, eval("@(\"a.b.c.d\".LastIndexOf(\".\") - 2)"));
        assertEquals(true, eval("@(\"abc\".Equals(\"ABC\", StringComparison.OrdinalIgnoreCase))"));
        assertEquals('e', eval("@(\"Hello\"[1])"));
    }

    @Test
    void transforming() {
        assertEquals("World", eval("@(\"Hello World\".Substring(6))"));
        assertEquals("lo W", eval("@(\"Hello World\".Substring(3, 4))"));
        assertEquals("he11o", eval("@(\"hello\".Replace(\"l\", \"1\"))"));
        assertEquals("HELLO", eval("@(\"hello\".ToUpperInvariant())"));
        assertEquals("x", eval("@(\"  x \\t\".Trim())"));
        assertEquals("x--", eval("@(\"--x--\".TrimStart('-'))"));
        assertEquals("--x", eval("@(\"--x--\".TrimEnd('-'))"));
        assertEquals("0042", eval("@(\"42\".PadLeft(4, '0'))"));
        assertEquals("ab  ", eval("@(\"ab\".PadRight(4))"));
        assertEquals("abXc", eval("@(\"abc\".Insert(2, \"X\"))"));
        assertEquals("ac", eval("@(\"abc\".Remove(1, 1))"));
        assertEquals("System.ArgumentOutOfRangeException",
                runtimeError("@(\"abc\".Substring(5))", new InMemoryContext()).exceptionType());
    }

    @Test
    void splittingFollowsDotNetOptions() {
        assertArrayEquals(new String[] {"a", "", "b"}, (Object[]) eval("@(\"a,,b\".Split(','))"));
        assertArrayEquals(new String[] {"a", "b"}, (Object[]) eval("@(\"a,,b\".Split(new[] {','}, StringSplitOptions.RemoveEmptyEntries))"));
        assertArrayEquals(new String[] {"a", "b", "c"}, (Object[]) eval("@(\"a;b,c\".Split(';', ','))"));
        assertArrayEquals(new String[] {"a", "b"}, (Object[]) eval("@(\"a::b\".Split(new string[] {\"::\"}, StringSplitOptions.None))"));
        assertArrayEquals(new String[] {"k", "v=w"}, (Object[]) eval("@(\"k=v=w\".Split(new[] {'='}, 2))"));
        assertArrayEquals(new String[] {"a", "b"}, (Object[]) eval("@(\" a , b \".Split(',', StringSplitOptions.TrimEntries))"));
        assertEquals(3, eval("@(\"a b  c\".Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)"));
    }

    @Test
    void staticHelpers() {
        assertEquals("a-b-c", eval("@(string.Join(\"-\", new[] {\"a\", \"b\", \"c\"}))"));
        assertEquals("1,2,3", eval("@(String.Join(\",\", new List<int> {1, 2, 3}))"));
        assertEquals("abc", eval("@(string.Concat(\"a\", \"b\", \"c\"))"));
        assertEquals(true, eval("@(string.IsNullOrEmpty(\"\"))"));
        assertEquals(true, eval("@(string.IsNullOrWhiteSpace(\" \\t\"))"));
        assertEquals(false, eval("@(String.IsNullOrEmpty(\"x\"))"));
        assertEquals("", eval("@(string.Empty)"));
        assertEquals("xxx", eval("@(new string('x', 3))"));
        assertEquals("Hi Ann, you are 7 (0007) {x}", eval("@(string.Format(\"Hi {0}, you are {1} ({1:D4}) {{x}}\", \"Ann\", 7))"));
        assertEquals("[   7|7   ]", eval("@(string.Format(\"[{0,4}|{0,-4}]\", 7))"));
        assertEquals(-1, eval("@(string.Compare(\"a\", \"b\"))"));
        assertEquals(0, eval("@(string.Compare(\"a\", \"A\", true))"));
    }

    @Test
    void interpolationAndVerbatimStrings() {
        assertEquals("id=0042 n=3.14", eval("@{ int id = 42; double pi = 3.14159; return $\"id={id:D4} n={pi:F2}\"; }"));
        assertEquals("[  5]", eval("@($\"[{5,3}]\")"));
        assertEquals("{literal} 2", eval("@($\"{{literal}} {1 + 1}\")"));
        assertEquals("a\"b", eval("@(@\"a\"\"b\")"));
        assertEquals("C:\\temp\\n", eval("@(@\"C:\\temp\\n\")"));
        assertEquals("x \"q\" 3", eval("@($@\"x \"\"q\"\" {1 + 2}\")"));
        assertEquals("tab\there", eval("@(\"tab\\there\")"));
        assertEquals("A", eval("@(\"\\u0041\")"));
        assertEquals("nested a", eval("@($\"nested {(true ? \"a\" : \"b\")}\")"));
        assertEquals("h: Mon", str("@($\"h: {new DateTime(2024, 3, 4):ddd}\")"));
    }

    @Test
    void charsAndComments() {
        assertEquals('\'', eval("@('\\'')"));
        assertEquals(true, eval("@(char.IsDigit(\"a1\"[1]))"));
        assertEquals(98, eval("@('a' + 1)"));
        assertEquals("b", eval("@(((char)('a' + 1)).ToString())"));
        assertEquals(3, eval("@{ /* block */ int x = 1; // line\n x += 2; return x; }"));
    }
}
