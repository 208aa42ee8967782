package dev.breakwater.gateway.policy.expression;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prints how long common expressions take per evaluation (a measurement, not an assertion on time). */
class EvaluationSpeedTest {

    @Test
    void headerComparisonRunsWithoutParsingOrLookup() throws ExpressionException {
        ExpressionCompiler compiler = new ExpressionCompiler();
        InMemoryContext c = new InMemoryContext();
        c.request.headers.put("x", new String[] {"y"});
        measure(compiler.compile("@(context.Request.Headers.GetValueOrDefault(\"x\",\"\") == \"y\")", ExpectedType.BOOL, 1), c);
        measure(compiler.compile("@((string)context.Variables[\"name\"] + \"-\" + context.Request.Method.ToLower())", ExpectedType.STRING, 1), c);
        measure(compiler.compile("@{ var sum = 0; foreach (var h in context.Request.Headers) { sum += h.Key.Length; } return sum; }", ExpectedType.INT, 1), c);
        measure(compiler.compile("@(Regex.IsMatch(context.Request.Headers.GetValueOrDefault(\"x\", \"\"), \"^[a-z]+$\"))", ExpectedType.BOOL, 1), c);
        measure(compiler.compile("@((string)JObject.Parse(\"{\\\"a\\\":{\\\"b\\\":\\\"c\\\"}}\")[\"a\"][\"b\"])", ExpectedType.STRING, 1), c);
    }

    private static void measure(CompiledExpression e, InMemoryContext c) {
        c.variables.put("name", "ann");
        Object sink = null;
        for (int i = 0; i < 200_000; i++) {
            sink = e.evaluate(c);
        }
        int runs = 1_000_000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            sink = e.evaluate(c);
        }
        long nanos = System.nanoTime() - start;
        System.out.printf("%.0f ns per evaluation of %s%n", (double) nanos / runs, e.text());
        assertTrue(sink != null);
    }
}
