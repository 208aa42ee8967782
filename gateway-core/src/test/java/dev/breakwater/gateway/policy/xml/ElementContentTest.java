package dev.breakwater.gateway.policy.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An element's content as XML is the document's own text between its tags, only the white space around it cut. */
class ElementContentTest {

    private static final PolicyXmlReader READER = new PolicyXmlReader();

    private static PolicyElement first(String document, String name) throws Exception {
        return find(READER.read(document), name);
    }

    private static PolicyElement find(PolicyElement element, String name) {
        if (element.name().equals(name)) {
            return element;
        }
        for (PolicyElement child : element.children()) {
            PolicyElement found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void aSoapEnvelopeComesOutByteForByte() throws Exception {
        String envelope = "<soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'\n"
                + "        xmlns:m=\"urn:orders\">\r\n"
                + "  <soap:Header/>\n"
                + "  <soap:Body>\n"
                + "    <!-- the order, as the backend wants it -->\n"
                + "    <m:Get id = \"1 &amp; 2\"   a='x > y'>  x &lt; y &#10; <![CDATA[<raw> & ]]]]></m:Get>\n"
                + "    <m:Empty></m:Empty><m:Short />\n"
                + "\t<?pi data?>\n"
                + "  </soap:Body>\n"
                + "</soap:Envelope>";
        PolicyElement setBody = first("<policies>\n  <inbound>\n    <set-body>\n" + envelope
                + "\n    </set-body>\n  </inbound>\n</policies>", "set-body");
        assertEquals(envelope, setBody.innerXml());
    }

    @Test
    void siblingsAndNestingKeepTheirOwnContent() throws Exception {
        PolicyElement root = READER.read("<policies><inbound><a x=\"1\"><b>one</b><b/><c>two<!-- c --></c></a>"
                + "<a>second</a></inbound></policies>");
        PolicyElement inbound = root.children().get(0);
        assertEquals("<b>one</b><b/><c>two<!-- c --></c>", inbound.children().get(0).innerXml());
        assertEquals("", inbound.children().get(0).children().get(1).innerXml());
        assertEquals("two<!-- c -->", inbound.children().get(0).children().get(2).innerXml());
        assertEquals("second", inbound.children().get(1).innerXml());
    }

    @Test
    void commentsAndCdataThatLookLikeTagsDoNotConfuseIt() throws Exception {
        PolicyElement body = first("<policies><!-- <set-body>not this</set-body> --><inbound><set-body>"
                + "<![CDATA[</set-body>]]><x/></set-body><set-body>b</set-body></inbound></policies>", "set-body");
        assertEquals("<![CDATA[</set-body>]]><x/>", body.innerXml());
    }

    @Test
    void elementsBuiltWithoutADocumentGiveTheirTextEscaped() {
        PolicyElement built = new PolicyElement("set-body", java.util.Map.of(), java.util.List.of(), "a < b", 0);
        assertEquals("a &lt; b", built.innerXml());
    }
}
