package dev.breakwater.gateway.policy.xml;

import static dev.breakwater.gateway.policy.xml.SaxElements.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

/**
 * The document around the expressions: what is left alone, what stays byte for byte, and that
 * the parser's line numbers are still those of the document as written.
 */
class LenientXmlDocumentTest {

    @Test
    void wellFormedDocumentsAreUnchangedByteForByte() throws Exception {
        List<String> documents = List.of(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<policies>\n  <inbound>\n    <base />\n"
                        + "    <set-header name=\"a\" exists-action=\"override\">\n"
                        + "      <value>@(context.Variables.GetValueOrDefault&lt;string&gt;(\"x\", \"\"))</value>\n"
                        + "    </set-header>\n  </inbound>\n</policies>",
                "<when condition=\"@(context.Request.Headers.GetValueOrDefault(&quot;a&quot;,&quot;&quot;) "
                        + "== 'b' &amp;&amp; 1 > 0)\" />",
                "<when condition='@(\"it&apos;s\" == &#34;x&#x22;)' />",
                "<value>@{ return \"a\" + 'b' + \"c > d\"; }</value>",
                "<set-body><![CDATA[@{ if (a < b && c) { return \"<x>\"; } }]]></set-body>",
                "<p><!-- @(a < b && \"c\") --><?pi @(a < b)?><v>mail a@b.com, @ alone, @(x</v></p>",
                "<fragment>\n\t<set-backend-service base-url=\"${backend}\" backend-id=\"{backend-id}\" />\n</fragment>");
        for (String document : documents) {
            assertEquals(document, LenientXml.wellFormed(document));
        }
    }

    @Test
    void cdataCommentsAndProcessingInstructionsAreLeftAlone() throws Exception {
        String document = "<p><![CDATA[@(\"<\" & x)]]><!-- @(\"<\" & x) --><?do @(\"<\" & x)?><v>@(\"<\" & x)</v></p>";
        assertEquals("<p><![CDATA[@(\"<\" & x)]]><!-- @(\"<\" & x) --><?do @(\"<\" & x)?><v>@(\"&lt;\" &amp; x)</v></p>",
                LenientXml.wellFormed(document));
    }

    @Test
    void attributeThatIsNotWhollyAnExpressionIsLeftAlone() {
        String document = "<a v=\"@(x) and more\" w=\"x @(a < b)\" />";
        assertEquals(document, LenientXml.wellFormed(document));
    }

    @Test
    void expressionWithoutEndIsLeftForTheParserToReport() {
        String document = "<policies>\n<value>\n@(a < b\n</value>\n</policies>";
        assertEquals(document, LenientXml.wellFormed(document));
        SAXParseException error = assertThrows(SAXParseException.class, () -> SaxElements.parse(document));
        assertEquals(3, error.getLineNumber());
    }

    @Test
    void wrongClosingBracketOrEndTagEndsNothing() {
        for (String document : List.of("<v>@(a < b]</v>", "<v>@{ a < b )</v>", "<v>@(f(</v><w>x < y)</w>",
                "<v a=\"@(x(\" b=\")\" />")) {
            assertEquals(document, LenientXml.wellFormed(document));
        }
    }

    @Test
    void multiLineExpressionsKeepTheLinesOfTheDocument() throws Exception {
        String document = String.join("\n",
                "<policies>",                                              // 1
                "  <set-variable name=\"n\" value=\"@{",                   // 2
                "      var s = \"a\" + 'b'; // it's <fine>",               // 3
                "      return s.Length < 3 && s != \"\";",                 // 4
                "  }\" />",                                                // 5
                "  <set-body>@{",                                          // 6
                "      /* \"quoted\" ) } */",                              // 7
                "      return $@\"{(1 < 2 ? \"x\" : \"y\")}",              // 8
                "\"\"multi-line\"\"\";",                                   // 9
                "  }</set-body>",                                          // 10
                "  <after a=\"@(\"x\")\" />",                              // 11
                "</policies>");                                           // 12
        String rewritten = LenientXml.wellFormed(document);
        assertEquals(document.lines().count(), rewritten.lines().count());
        List<SaxElements.Element> elements = SaxElements.parse(rewritten);
        assertEquals(11, first(elements, "after").line());
        assertEquals(5, first(elements, "set-variable").line(), "SAX places an element where its start tag ends");
        assertEquals("@{\n      var s = \"a\" + 'b'; // it's <fine>\n      return s.Length < 3 && s != \"\";\n  }",
                first(elements, "set-variable").attribute("value"), "line breaks kept, so the comment ends");
        assertTrue(first(elements, "set-body").text().contains("\"\"multi-line\"\"\""));

        String broken = document.replace("<after a=\"@(\"x\")\" />", "<after a=\"@(\"x\")\" >");
        SAXParseException error = assertThrows(SAXParseException.class,
                () -> SaxElements.parse(LenientXml.wellFormed(broken)));
        assertEquals(12, error.getLineNumber(), "the end tag that does not match <after>");
        assertTrue(error.getMessage().contains("after"), error.getMessage());
    }

    @Test
    void lineBreaksAndTabsOfAttributeExpressionsAreKeptOutsideTheValue() throws Exception {
        String document = "<a>\r\n<v x=\"@{\r\n\t// note\n\treturn 1; }\" y='@(1)'\r\n/>\n<w/></a>";
        String rewritten = LenientXml.wellFormed(document);
        assertEquals("<a>\r\n<v x=\"@{&#10;&#9;// note&#10;&#9;return 1; }\"\r\n\n y='@(1)'\r\n/>\n<w/></a>", rewritten);
        List<SaxElements.Element> elements = SaxElements.parse(rewritten);
        assertEquals("@{\n\t// note\n\treturn 1; }", first(elements, "v").attribute("x"));
        assertEquals(6, first(elements, "w").line());
    }

    @Test
    void doctypeIsCopiedSoTheParserRefusesIt() {
        String document = "<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><p><v>@(\"<\" + &x;)</v></p>";
        assertEquals(document, LenientXml.wellFormed(document));
        SAXParseException error = assertThrows(SAXParseException.class, () -> SaxElements.parse(document));
        assertTrue(error.getMessage().contains("DOCTYPE"), error.getMessage());
    }

    @Test
    void thousandsOfUnclosedExpressionsSpendTheBudgetAndLeaveTheRestToTheParser() {
        // Each unclosed expression scans to the end of the document: without a budget, n² steps.
        String document = "<a>" + "<b x=\"@(\" />".repeat(30_000) + "<c y=\"@(\"<\")\" /></a>";
        assertEquals(document, LenientXml.wellFormed(document), "the last expression is no longer scanned");
        SAXParseException error = assertThrows(SAXParseException.class, () -> SaxElements.parse(document));
        assertTrue(error.getMessage().contains("\"c\""), error.getMessage());
    }

    @Test
    void deepNestingNeitherOverflowsNorChangesTheResult() throws Exception {
        int depth = 100_000;
        String expression = "@(" + "(".repeat(depth) + "a < b" + ")".repeat(depth) + ")";
        String text = SaxElements.parse(LenientXml.wellFormed("<v>" + expression + "</v>")).get(0).text();
        assertEquals(expression, text);
    }
}
