package dev.breakwater.gateway.policy.expression;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.breakwater.gateway.policy.expression.Expressions.compileError;
import static dev.breakwater.gateway.policy.expression.Expressions.eval;
import static dev.breakwater.gateway.policy.expression.Expressions.runtimeError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectionsAndLinqTest {

    @Test
    void arraysListsAndDictionaries() {
        assertEquals(3, eval("@(new[] {1, 2, 3}.Length)"));
        assertEquals("b", eval("@(new string[] {\"a\", \"b\"}[1])"));
        assertArrayEquals(new Integer[] {0, 0, 0}, (Object[]) eval("@(new int[3])"));
        assertEquals(6, eval("@{ var l = new List<int> { 1, 2 }; l.Add(3); var s = 0; foreach (var x in l) { s += x; } return s; }"));
        assertEquals("1:one,2:two", eval("@{ var d = new Dictionary<int, string> { {1, \"one\"}, [2] = \"two\" }; return string.Join(\",\", d.Select(p => p.Key + \":\" + p.Value)); }"));
        assertEquals(true, eval("@{ var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); d[\"A\"] = \"x\"; return d.ContainsKey(\"a\"); }"));
        assertEquals("x", eval("@{ var d = new Dictionary<string, string>(); d.Add(\"k\", \"x\"); string v; return d.TryGetValue(\"k\", out v) ? v : \"\"; }"));
        assertEquals(2, eval("@{ var d = new Dictionary<string, int> { [\"a\"] = 1, [\"b\"] = 2 }; return d.Keys.Count(); }"));
        assertEquals("System.ArgumentException",
                runtimeError("@{ var d = new Dictionary<string, int>(); d.Add(\"a\", 1); d.Add(\"a\", 2); return d.Count; }", new InMemoryContext()).exceptionType());
        assertEquals(true, eval("@{ var s = new HashSet<string> { \"a\" }; return !s.Add(\"a\") && s.Contains(\"a\"); }"));
        assertEquals(2, eval("@(new List<string> { \"a\", \"b\", \"c\" }.IndexOf(\"c\"))"));
        assertEquals(true, eval("@(Array.Exists(new[] {1, 5}, x => x > 4))"));
    }

    @Test
    void linqOperators() {
        assertEquals(List.of(2, 4, 6), eval("@(new[] {1, 2, 3}.Select(x => x * 2).ToList())"));
        assertEquals(List.of(2), eval("@(new List<int> {1, 2, 3}.Where(x => x % 2 == 0).ToList())"));
        assertEquals(true, eval("@(new[] {1, 2}.Any(x => x > 1) && new[] {1, 2}.All(x => x > 0) && !new int[0].Any())"));
        assertEquals(1, eval("@(new[] {1, 2, 3}.First())"));
        assertEquals(0, eval("@(new int[0].FirstOrDefault())"));
        assertEquals(null, eval("@(new string[0].FirstOrDefault())"));
        assertEquals(3, eval("@(new[] {1, 2, 3}.Last(x => x > 1))"));
        assertEquals(2, eval("@(new[] {1, 2, 3}.Single(x => x == 2))"));
        assertEquals(2, eval("@(new[] {1, 2, 3}.Count(x => x > 1))"));
        assertEquals(6, eval("@(new[] {1, 2, 3}.Sum())"));
        assertEquals(4.5, eval("@(new[] {\"a\", \"bb\"}.Sum(s => s.Length * 1.5))"));
        assertEquals(2.0, eval("@(new[] {1, 2, 3}.Average())"));
        assertEquals(1, eval("@(new[] {3, 1, 2}.Min())"));
        assertEquals("c", eval("@(new[] {\"a\", \"c\", \"b\"}.Max())"));
        assertEquals(List.of("a", "bb", "ccc"), eval("@(new[] {\"ccc\", \"a\", \"bb\"}.OrderBy(s => s.Length).ToList())"));
        assertEquals(List.of("b2", "b1", "a1"), eval("@(new[] {\"a1\", \"b1\", \"b2\"}.OrderByDescending(s => s[0]).ThenByDescending(s => s[1]).ToList())"));
        assertEquals(List.of(1, 2), eval("@(new[] {1, 1, 2}.Distinct().ToList())"));
        assertEquals(List.of(2, 3), eval("@(new[] {1, 2, 3, 4}.Skip(1).Take(2).ToList())"));
        assertEquals(List.of(1, 2, 3), eval("@(new[] {1}.Concat(new[] {2, 3}).ToList())"));
        assertEquals(true, eval("@(new[] {\"A\"}.Contains(\"a\", StringComparer.OrdinalIgnoreCase))"));
        assertEquals("a=2,b=1", eval("@(string.Join(\",\", new[] {\"a\", \"b\", \"a\"}.GroupBy(s => s).Select(g => g.Key + \"=\" + g.Count())))"));
        assertEquals(Map.of("a", 1, "bb", 2), eval("@(new[] {\"a\", \"bb\"}.ToDictionary(s => s, s => s.Length))"));
        assertEquals(10, eval("@(Enumerable.Range(1, 4).Aggregate((a, b) => a + b))"));
        assertEquals(List.of("x", "y"), eval("@(new[] {\"x,y\"}.SelectMany(s => s.Split(',')).ToList())"));
        assertArrayEquals(new String[] {"b", "a"}, (Object[]) eval("@(new[] {\"a\", \"b\"}.Reverse().ToArray())"));
        assertTrue(compileError("@(new List<string> {\"a\"}.Reverse().ToArray())").contains("has no value"),
                "List<T>.Reverse() is the void instance method, as in C#");
    }

    @Test
    void linqFailuresAreDotNets() {
        InMemoryContext c = new InMemoryContext();
        assertEquals("Sequence contains no elements", runtimeError("@(new int[0].First())", c).getMessage());
        assertEquals("Sequence contains no matching element", runtimeError("@(new[] {1}.First(x => x > 5))", c).getMessage());
        assertEquals("Sequence contains more than one element", runtimeError("@(new[] {1, 2}.Single())", c).getMessage());
    }

    @Test
    void lambdasCaptureLocals() {
        assertEquals(List.of(11, 12), eval("@{ var offset = 10; return new[] {1, 2}.Select(x => x + offset).ToList(); }"));
        assertEquals(3, eval("@{ var n = 0; new List<int> {1, 2, 3}.ForEach(x => n++); return n; }"));
        assertEquals(7, eval("@{ Func<int, int> add = x => x + 5; return add(2); }"));
        assertEquals(List.of("A"), eval("@(new[] {\"a\"}.Select(s => { var u = s.ToUpper(); return u; }).ToList())"));
    }

    @Test
    void lambdaTypeErrorsAreReportedInside() {
        assertTrue(compileError("@(new[] {1}.Select(x => x.Foo))").contains("'Foo' is not a member of int"), compileError("@(new[] {1}.Select(x => x.Foo))"));
        assertTrue(compileError("@(new[] {1}.Where(x => x + 1))").contains("cannot implicitly convert type 'int' to 'bool'"));
    }
}
