package dev.breakwater.gateway.policy.expression;

import dev.breakwater.gateway.policy.expression.runtime.json.JObject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine-facing API: expected types, results, errors with document lines. */
class ExpressionCompilerTest {

    private final ExpressionCompiler compiler = new ExpressionCompiler();

    @Test
    void recognisesExpressionsAsApimDoes() {
        assertTrue(ExpressionCompiler.isExpression("@(true)"));
        assertTrue(ExpressionCompiler.isExpression("  \n @{ return 1; } "));
        assertFalse(ExpressionCompiler.isExpression("Bearer @(x)"));
        assertFalse(ExpressionCompiler.isExpression("user@example.com"));
        assertFalse(ExpressionCompiler.isExpression(null));
    }

    @Test
    void expectedTypesConvertOrRefuse() throws ExpressionException {
        InMemoryContext c = new InMemoryContext();
        assertEquals("3", compiler.compile("@(1 + 2)", ExpectedType.STRING, 1).evaluateString(c));
        assertEquals("True", compiler.compile("@(1 < 2)", ExpectedType.STRING, 1).evaluateString(c));
        assertNull(compiler.compile("@((string)null)", ExpectedType.STRING, 1).evaluateString(c));
        assertTrue(compiler.compile("@(context.Request.Method == \"POST\")", ExpectedType.BOOL, 1).evaluateBool(c));
        assertEquals(42L, compiler.compile("@(42)", ExpectedType.LONG, 1).evaluateLong(c));
        assertEquals(2.0, compiler.compile("@(2)", ExpectedType.DOUBLE, 1).evaluateDouble(c));
        assertEquals(500, compiler.compile("@{ return 500; }", ExpectedType.INT, 1).evaluateInt(c));
        ExpressionException notBool = assertThrows(ExpressionException.class,
                () -> compiler.compile("@(\"yes\")", ExpectedType.BOOL, 7));
        assertEquals("line 7: cannot implicitly convert type 'string' to 'bool'", notBool.getMessage());
        assertThrows(ExpressionException.class, () -> compiler.compile("@(1.5)", ExpectedType.INT, 1));
        c.variables.put("flag", true);
        c.variables.put("code", 404);
        assertTrue(compiler.compile("@(context.Variables[\"flag\"])", ExpectedType.BOOL, 1).evaluateBool(c),
                "an object is checked when it runs");
        assertEquals(404, compiler.compile("@(context.Variables[\"code\"])", ExpectedType.INT, 1).evaluateInt(c));
        c.variables.put("flag", "yes");
        CompiledExpression flag = compiler.compile("@(context.Variables[\"flag\"])", ExpectedType.BOOL, 1);
        assertEquals("System.InvalidCastException", assertThrows(ExpressionEvaluationException.class, () -> flag.evaluate(c)).exceptionType());
    }

    @Test
    void compileErrorsNameTheDocumentLineOfTheConstruct() {
        String text = "@{\n  var a = 1;\n  var b = a.Foo;\n  return b;\n}";
        ExpressionException e = assertThrows(ExpressionException.class, () -> compiler.compile(text, ExpectedType.OBJECT, 10));
        assertEquals(12, e.line());
        assertEquals("line 12: 'Foo' is not a member of int", e.getMessage());
        ExpressionException syntax = assertThrows(ExpressionException.class,
                () -> compiler.compile("@(\n1 +\n)", ExpectedType.OBJECT, 3));
        assertEquals("line 5: unexpected ')'", syntax.getMessage());
        ExpressionException io = assertThrows(ExpressionException.class,
                () -> compiler.compile("@(System.IO.File.ReadAllText(\"/etc/passwd\"))", ExpectedType.STRING, 4));
        assertEquals("line 4: 'System.IO.File' is not allowed in policy expressions", io.getMessage());
        ExpressionException trailing = assertThrows(ExpressionException.class,
                () -> compiler.compile("@(1) + 2", ExpectedType.OBJECT, 1));
        assertTrue(trailing.getMessage().contains("after the end of the expression"));
        assertTrue(assertThrows(ExpressionException.class, () -> compiler.compile("(1)", ExpectedType.OBJECT, 1))
                .getMessage().contains("starts with '@(' or '@{'"));
        assertTrue(assertThrows(ExpressionException.class, () -> compiler.compile("@(typeof(string))", ExpectedType.OBJECT, 1))
                .getMessage().contains("'typeof' is not supported"));
        assertTrue(assertThrows(ExpressionException.class, () -> compiler.compile("@(new System.Net.WebClient())", ExpectedType.OBJECT, 1))
                .getMessage().contains("not allowed"));
    }

    @Test
    void runtimeErrorsCarryDotNetTypesAndApimReason() throws ExpressionException {
        CompiledExpression e = compiler.compile("@(((string)context.Variables[\"missing\"]).Length)", ExpectedType.INT, 1);
        InMemoryContext c = new InMemoryContext();
        c.variables.put("missing", null);
        ExpressionEvaluationException x = assertThrows(ExpressionEvaluationException.class, () -> e.evaluate(c));
        assertEquals("System.NullReferenceException", x.exceptionType());
        assertEquals("Expression evaluation failed. Object reference not set to an instance of an object.", x.apimMessage());
        assertEquals("ExpressionValueEvaluationFailure", ExpressionEvaluationException.REASON);
    }

    @Test
    void compiledExpressionsDescribeThemselves() throws ExpressionException {
        CompiledExpression e = compiler.compile("@(JObject.Parse(\"{}\"))", ExpectedType.OBJECT, 9);
        assertEquals("JObject", e.resultType());
        assertEquals(9, e.line());
        assertEquals(ExpectedType.OBJECT, e.expected());
        assertEquals("@(JObject.Parse(\"{}\"))", e.text());
        assertEquals("object", compiler.compile("@{ if (context.Tracing) { return 1; } return \"x\"; }", ExpectedType.OBJECT, 1).resultType());
        assertEquals("int", compiler.compile("@{ if (context.Tracing) { return 1; } return 2; }", ExpectedType.OBJECT, 1).resultType());
    }

    @Test
    void valuesFormatAndQualifyForVariablesAsApimSays() {
        assertEquals("True", DotNetValues.formatValue(true));
        assertEquals("1E+20", DotNetValues.formatValue(1e20));
        assertEquals("", DotNetValues.formatValue(null));
        assertTrue(DotNetValues.isAllowedVariableValue("s"));
        assertTrue(DotNetValues.isAllowedVariableValue(5));
        assertTrue(DotNetValues.isAllowedVariableValue(UUID.randomUUID()));
        assertTrue(DotNetValues.isAllowedVariableValue(new JObject()));
        assertTrue(DotNetValues.isAllowedVariableValue(new byte[1]));
        assertTrue(DotNetValues.isAllowedVariableValue(new InMemoryContext.InMemoryResponse()));
        assertFalse(DotNetValues.isAllowedVariableValue(new java.util.ArrayList<>()), "List<T> is not among APIM's allowed types");
        assertFalse(DotNetValues.isAllowedVariableValue(new String[] {"a"}));
    }

    @Test
    void compiledExpressionsAreSharedAcrossThreads() throws Exception {
        CompiledExpression e = compiler.compile("@{ var sum = 0; for (var i = 0; i < 1000; i++) { sum += i; } return sum + (int)context.Variables[\"n\"]; }",
                ExpectedType.INT, 1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int n = t;
                results.add(pool.submit(() -> {
                    int last = 0;
                    for (int k = 0; k < 200; k++) {
                        InMemoryContext c = new InMemoryContext();
                        c.variables.put("n", n);
                        last = e.evaluateInt(c);
                    }
                    return last;
                }));
            }
            for (int t = 0; t < 8; t++) {
                assertEquals(499500 + t, results.get(t).get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
