package dev.breakwater.gateway.policy.xml;

import static dev.breakwater.gateway.policy.xml.SaxElements.first;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each C# construct APIM users write raw inside an expression: after the pre-pass, the parser
 * hands back exactly the expression as written, in a double-quoted attribute, a single-quoted
 * attribute and element text.
 */
class LenientXmlExpressionTest {

    /** Reads the expression in all three places and checks the parser returns it unchanged. */
    private static void assertReadAsWritten(String expression) throws Exception {
        String document = "<policies>\n"
                + "  <when condition=\"" + expression + "\" />\n"
                + "  <when condition='" + expression + "' />\n"
                + "  <value>" + expression + "</value>\n"
                + "</policies>";
        List<SaxElements.Element> elements = SaxElements.parse(LenientXml.wellFormed(document));
        assertEquals(expression, elements.get(1).attribute("condition"), "double-quoted attribute");
        assertEquals(expression, elements.get(2).attribute("condition"), "single-quoted attribute");
        assertEquals(expression, first(elements, "value").text(), "element text");
    }

    @Test
    void rawQuotesInStrings() throws Exception {
        assertReadAsWritten("@(context.Request.Headers.GetValueOrDefault(\"Authorization\", \"\") == \"it's\")");
    }

    @Test
    void andAndLessThanAndGenerics() throws Exception {
        assertReadAsWritten("@(context.Variables.GetValueOrDefault<string>(\"a\") != null && "
                + "context.Response.Body.As<JObject>(preserveContent: true)[\"n\"].Value<int>() < 3 & 1 > 0)");
    }

    @Test
    void bracketsInsideStringsDoNotCount() throws Exception {
        assertReadAsWritten("@(string.Format(\"({0}]}\", \")\" + \"{\"))");
        assertReadAsWritten("@{ var s = \"} ) ]\"; return s.Replace(\"\\\")\", \"<\"); }");
    }

    @Test
    void escapedQuoteInRegularString() throws Exception {
        assertReadAsWritten("@(\"say \\\") \\\\\" + \"<b>\")");
    }

    @Test
    void verbatimStringWithDoubledQuotes() throws Exception {
        assertReadAsWritten("@(@\"C:\\dir\\\" + @\"a \"\") b\" + \"x\")");
        assertReadAsWritten("@(@\"\"\"\"\"\")");
    }

    @Test
    void charLiterals() throws Exception {
        assertReadAsWritten("@(\"a<b\".IndexOf('<') > 0 || \"q\".Contains('\"') || 'x' == '\\'' || ')' == '(')");
    }

    @Test
    void interpolatedStringWithParenthesizedTernaryInHole() throws Exception {
        assertReadAsWritten("@($\"{(a > b ? \"x\" : \"y\")} and {{literal}} and {c:N2}\")");
    }

    @Test
    void interpolatedStringsNestInHoles() throws Exception {
        assertReadAsWritten("@($\"outer {$\"inner {x.Trim(')')} \\\"q\\\"\"} {new[] {1, 2}[0]}\")");
    }

    @Test
    void verbatimInterpolatedStringsBothOrders() throws Exception {
        assertReadAsWritten("@($@\"a \"\"{x}\"\" }} {{ {y:yyyy-MM-dd}\" + @$\"{(\"(\")}\\\")");
    }

    @Test
    void commentsContainingQuotesAndBrackets() throws Exception {
        assertReadAsWritten("@{ /* it's \"odd\" ) } */ return 1; }");
        String document = "<value>@{\n  // don't close ) } here, \"really\"\n  return x < 2;\n}</value>";
        assertEquals("@{\n  // don't close ) } here, \"really\"\n  return x < 2;\n}",
                SaxElements.parse(LenientXml.wellFormed(document)).get(0).text());
    }

    @Test
    void blockWithStatements() throws Exception {
        assertReadAsWritten("@{ var h = context.Request.Headers; if (h.ContainsKey(\"a\") && h[\"a\"].Length > 0) "
                + "{ return $\"<{h[\"a\"][0]}>\"; } else { return string.Join(\",\", new [] { \"<\", \"&\" }); } }");
    }

    @Test
    void entitiesAreSeenThrough() throws Exception {
        String written = "<when condition=\"@(&quot;a)&quot; + &apos;&lt;&apos; + &quot;&amp;&amp;&#34;)\" />";
        assertEquals(written, LenientXml.wellFormed(written), "well-formed: nothing to escape");
        assertEquals("@(\"a)\" + '<' + \"&&\")",
                SaxElements.parse(LenientXml.wellFormed(written)).get(0).attribute("condition"));
    }

    @Test
    void entitiesAndRawCharactersMixed() throws Exception {
        String document = "<when condition=\"@(&quot;x&quot; == \"<&amp;>\" &amp;&amp; a && b)\" />";
        assertEquals("<when condition=\"@(&quot;x&quot; == &quot;&lt;&amp;>&quot; &amp;&amp; a &amp;&amp; b)\" />",
                LenientXml.wellFormed(document));
        assertEquals("@(\"x\" == \"<&>\" && a && b)",
                SaxElements.parse(LenientXml.wellFormed(document)).get(0).attribute("condition"));
    }

    @Test
    void entityXmlDoesNotPredefineIsEscapedAsText() throws Exception {
        String document = "<value>@(\"a&nbsp;b\")</value>";
        assertEquals("@(\"a&nbsp;b\")", SaxElements.parse(LenientXml.wellFormed(document)).get(0).text());
    }

    @Test
    void cdataEndInTextExpressionIsEscaped() throws Exception {
        assertReadAsWritten("@(a[b[0]]>c)");
    }

    @Test
    void expressionAfterTextInElement() throws Exception {
        String document = "<value>Bearer @((string)context.Variables[\"token\"]) for a@b.com</value>";
        assertEquals("Bearer @((string)context.Variables[\"token\"]) for a@b.com",
                SaxElements.parse(LenientXml.wellFormed(document)).get(0).text());
    }

    @Test
    void whitespaceBeforeAttributeExpression() throws Exception {
        String document = "<when condition=\"  @(\"a\" != \"b\")  \" />";
        assertEquals("  @(\"a\" != \"b\")  ", SaxElements.parse(LenientXml.wellFormed(document)).get(0).attribute("condition"));
    }
}
