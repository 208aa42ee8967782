package dev.breakwater.gateway.policy.expression;

import org.junit.jupiter.api.Test;

import static dev.breakwater.gateway.policy.expression.Expressions.compileError;
import static dev.breakwater.gateway.policy.expression.Expressions.eval;
import static dev.breakwater.gateway.policy.expression.Expressions.runtimeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementsTest {

    @Test
    void localsAssignmentsAndIncrements() {
        assertEquals(9, eval("@{ int a = 1, b = 2; a += b * 3; a++; ++a; a--; return a + 1; }"));
        assertEquals("ab", eval("@{ var s = \"a\"; s += \"b\"; return s; }"));
        assertEquals(5, eval("@{ string s = null; s ??= \"hello\"; return s.Length; }"));
        assertEquals(1, eval("@{ byte b = 255; b++; b += 1; return (int)b; }"));
        assertEquals(12, eval("@{ const int X = 4; return X * 3; }"));
        assertEquals(2, eval("@{ int i = 1; int j = i++; return j + i - 1; }"));
    }

    @Test
    void ifElseAndLoops() {
        assertEquals("big", eval("@{ var n = 10; if (n > 5) { return \"big\"; } else if (n > 2) { return \"mid\"; } else { return \"small\"; } }"));
        assertEquals(10, eval("@{ var sum = 0; for (var i = 0; i < 5; i++) { sum += i; } return sum; }"));
        assertEquals(4, eval("@{ var n = 0; while (true) { n++; if (n == 4) break; } return n; }"));
        assertEquals(9, eval("@{ var sum = 0; for (int i = 0; i < 6; i++) { if (i % 2 == 0) continue; sum += i; } return sum; }"));
        assertEquals(1, eval("@{ var n = 0; do { n++; } while (n < 1); return n; }"));
        assertEquals("abc", eval("@{ var s = \"\"; foreach (char c in \"abc\") { s += c; } return s; }"));
        assertEquals(3, eval("@{ var n = 0; foreach (var x in new[] {1, 2, 3}) { for (;;) { n++; break; } } return n; }"));
    }

    @Test
    void switchWithoutFallThrough() {
        String program = "@{ switch ((string)context.Variables[\"m\"]) { case \"GET\": case \"HEAD\": return 1; case \"POST\": { var x = 2; return x; } default: break; } return 0; }";
        InMemoryContext c = new InMemoryContext();
        c.variables.put("m", "HEAD");
        assertEquals(1, eval(program, c));
        c.variables.put("m", "POST");
        assertEquals(2, eval(program, c));
        c.variables.put("m", "PUT");
        assertEquals(0, eval(program, c));
        c.variables.put("m", null);
        assertEquals(0, eval(program, c));
        assertEquals("two", eval("@{ switch (1 + 1) { case 1: return \"one\"; case 2: return \"two\"; } return \"?\"; }"));
        assertTrue(compileError("@{ switch (1) { case 1: var a = 1; case 2: return 2; } return 0; }").contains("cannot fall through"));
        assertTrue(compileError("@{ switch (1) { case 1: return 1; case 1: return 2; } return 0; }").contains("two 'case 1:'"));
    }

    @Test
    void everyPathMustReturn() {
        assertTrue(compileError("@{ if (context.Tracing) { return 1; } }").contains("not all code paths"));
        assertEquals(1, eval("@{ if (true) { return 1; } }"), "a constant true condition makes the end unreachable, as in C#");
        assertTrue(compileError("@{ var x = 1; if (x > 0) { return 1; } }").contains("not all code paths"));
        assertEquals(1, eval("@{ while (true) { return 1; } }"));
        assertEquals(2, eval("@{ if (false) { return 1; } else { return 2; } }"));
        assertTrue(compileError("@{ return; }").contains("needs a value"));
    }

    @Test
    void tryCatchFinallyAndThrow() {
        assertEquals(-1, eval("@{ try { return int.Parse(\"x\"); } catch (FormatException) { return -1; } }"));
        assertEquals("Input string was not in a correct format.", eval("@{ try { int.Parse(\"x\"); return \"\"; } catch (Exception e) { return e.Message; } }"));
        assertEquals("fin", eval("@{ var s = \"\"; try { s = \"try\"; } finally { s = \"fin\"; } return s; }"));
        assertEquals("System.InvalidOperationException", runtimeError("@{ throw new InvalidOperationException(\"nope\"); }", new InMemoryContext()).exceptionType());
        assertEquals("nope", runtimeError("@{ throw new InvalidOperationException(\"nope\"); }", new InMemoryContext()).getMessage());
        assertEquals("x", eval("@{ try { throw new Exception(\"x\"); } catch (Exception e) when (e.Message == \"x\") { return e.Message; } }"));
        assertEquals("thrown", runtimeError("@(((string)null) ?? throw new Exception(\"thrown\"))", new InMemoryContext()).getMessage());
        assertEquals("ok", eval("@(\"ok\" ?? throw new Exception(\"unreached\"))"));
    }

    @Test
    void localFunctionsIncludingRecursion() {
        assertEquals(120, eval("@{ int Fact(int n) { return n <= 1 ? 1 : n * Fact(n - 1); } return Fact(5); }"));
        assertEquals("AB", eval("@{ var prefix = \"A\"; string Join(string s) => prefix + s; return Join(\"B\"); }"));
        assertEquals(7, eval("@{ return Add(3, 4); int Add(int a, int b) { return a + b; } }"));
    }

    @Test
    void scopesFollowCSharp() {
        assertTrue(compileError("@{ var x = 1; { var x = 2; } return x; }").contains("already defined"));
        assertTrue(compileError("@{ return y; }").contains("the name 'y' does not exist"));
        assertTrue(compileError("@{ var x = null; return x; }").contains("cannot infer the type"));
        assertTrue(compileError("@{ 1 + 1; return 0; }").contains("only assignment, call"));
        assertFalse(compileError("@{ int x = \"a\"; return x; }").isEmpty());
    }

    @Test
    void budgetStopsRunawayLoops() {
        ExpressionEvaluationException e = runtimeError("@{ var n = 0; while (true) { n++; } }", new InMemoryContext());
        assertEquals("Breakwater.ExpressionBudgetExceeded", e.exceptionType());
        assertFalse(e.catchable());
        assertTrue(e.getMessage().contains("100000 steps"), e.getMessage());
        ExpressionEvaluationException s = runtimeError("@{ var s = \"x\"; while (true) { s += s; } }", new InMemoryContext());
        assertTrue(s.getMessage().contains("characters"), s.getMessage());
        ExpressionEvaluationException caught = runtimeError("@{ try { while (true) { } } catch (Exception) { return 1; } }", new InMemoryContext());
        assertEquals("Breakwater.ExpressionBudgetExceeded", caught.exceptionType());
        ExpressionEvaluationException deep = runtimeError("@{ int F(int n) { return F(n + 1); } return F(0); }", new InMemoryContext());
        assertTrue(deep.getMessage().contains("nested deeper"), deep.getMessage());
        ExpressionEvaluationException json = runtimeError("@{ var a = new JArray(1); while (true) { a.Add(a); } }", new InMemoryContext());
        assertEquals("Breakwater.ExpressionBudgetExceeded", json.exceptionType(), "a JSON tree that doubles each time is stopped");
        ExpressionEvaluationException obj = runtimeError("@{ var o = new JObject(); for (var i = 0; i < 100; i++) { o[\"x\" + i] = o; } return o; }", new InMemoryContext());
        assertEquals("Breakwater.ExpressionBudgetExceeded", obj.exceptionType());
        ExpressionEvaluationException bigStrings = runtimeError("@{ var s = new string('x', 4000000); var n = 0; for (var i = 0; i < 100000; i++) { n += (s + \"y\").Length; } return n; }", new InMemoryContext());
        assertEquals("Breakwater.ExpressionBudgetExceeded", bigStrings.exceptionType(), "work on large strings is charged by size");
        ExpressionEvaluationException bigLists = runtimeError("@{ var l = Enumerable.Range(0, 100000).ToList(); var n = 0; for (var i = 0; i < 90000; i++) { n += l.Count(); } return n; }", new InMemoryContext());
        assertEquals("Breakwater.ExpressionBudgetExceeded", bigLists.exceptionType(), "work on large collections is charged by size");
        ExpressionEvaluationException list = runtimeError("@{ var l = new List<int>(); while (true) { l.Add(1); } }", new InMemoryContext());
        assertEquals("Breakwater.ExpressionBudgetExceeded", list.exceptionType());
    }
}
