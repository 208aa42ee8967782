package dev.breakwater.gateway.policy.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.transform.XmlToJson.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** xml-to-json's conversion on small documents, each expected output written out. */
class XmlToJsonTest {

    private static final XmlToJson.Options DIRECT = new XmlToJson.Options(Kind.DIRECT, false);
    private static final XmlToJson.Options FRIENDLY = new XmlToJson.Options(Kind.JAVASCRIPT_FRIENDLY, false);

    private static String convert(String xml, XmlToJson.Options options) throws ConversionException {
        return XmlToJson.convert(xml.getBytes(StandardCharsets.UTF_8), options);
    }

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    private static final String ORDERS = "<?xml version=\"1.0\"?>\n"
            + "<soap:Envelope xmlns=\"http://fyicenter.com/\"\n"
            + "    xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">\n"
            + "    <soap:Body>\n"
            + "        <GetOrders>\n"
            + "            <Customer>1234567</Customer>\n"
            + "        </GetOrders>\n"
            + "    </soap:Body>\n"
            + "</soap:Envelope>";

    @Test
    void directReflectsTheDocumentWithItsDeclarationPrefixesAndNamespaces() throws Exception {
        // what APIM users publish for kind="direct"
        assertEquals(lines(
                "{",
                "  \"version\": \"1.0\",",
                "  \"soap$Envelope\": {",
                "    \"@xmlns\": \"http://fyicenter.com/\",",
                "    \"@xmlns$soap\": \"http://schemas.xmlsoap.org/soap/envelope/\",",
                "    \"soap$Body\": {",
                "      \"GetOrders\": {",
                "        \"Customer\": \"1234567\"",
                "      }",
                "    }",
                "  }",
                "}"), convert(ORDERS, DIRECT));
    }

    @Test
    void javascriptFriendlyKeepsTheDataOnly() throws Exception {
        assertEquals(lines(
                "{",
                "  \"Envelope\": {",
                "    \"Body\": {",
                "      \"GetOrders\": {",
                "        \"Customer\": \"1234567\"",
                "      }",
                "    }",
                "  }",
                "}"), convert(ORDERS, FRIENDLY));
    }

    @Test
    void attributesTextAndRepeatedElements() throws Exception {
        String xml = "<order id=\"7\" xml:lang=\"en\"><line sku=\"a\">2</line><note/><line sku=\"b\">1</line>"
                + "<price currency=\"EUR\">12.50</price><empty></empty><ws>  </ws></order>";
        assertEquals(lines(
                "{",
                "  \"order\": {",
                "    \"@id\": \"7\",",
                "    \"@xml$lang\": \"en\",",
                "    \"line\": [",
                "      {",
                "        \"@sku\": \"a\",",
                "        \"#text\": \"2\"",
                "      },",
                "      {",
                "        \"@sku\": \"b\",",
                "        \"#text\": \"1\"",
                "      }",
                "    ],",
                "    \"note\": null,",
                "    \"price\": {",
                "      \"@currency\": \"EUR\",",
                "      \"#text\": \"12.50\"",
                "    },",
                "    \"empty\": null,",
                "    \"ws\": \"  \"",
                "  }",
                "}"), convert(xml, DIRECT));
    }

    @Test
    void alwaysArrayChildElementsMakesEveryChildAnArrayButNotTheRoot() throws Exception {
        assertEquals(lines(
                "{",
                "  \"a\": {",
                "    \"b\": [",
                "      \"1\"",
                "    ],",
                "    \"c\": [",
                "      {",
                "        \"d\": [",
                "          \"2\"",
                "        ]",
                "      }",
                "    ]",
                "  }",
                "}"), convert("<a><b>1</b><c><d>2</d></c></a>", new XmlToJson.Options(Kind.JAVASCRIPT_FRIENDLY, true)));
    }

    @Test
    void xsiNilIsNullWhenFriendlyAndAnAttributeWhenDirect() throws Exception {
        String xml = "<r xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><v xsi:nil=\"true\"/><w xsi:nil=\"false\">x</w></r>";
        assertEquals(lines("{", "  \"r\": {", "    \"v\": null,", "    \"w\": \"x\"", "  }", "}"), convert(xml, FRIENDLY));
        assertEquals(lines("{", "  \"r\": {", "    \"@xmlns$xsi\": \"http://www.w3.org/2001/XMLSchema-instance\",",
                "    \"v\": {", "      \"@xsi$nil\": \"true\"", "    },", "    \"w\": {", "      \"@xsi$nil\": \"false\",",
                "      \"#text\": \"x\"", "    }", "  }", "}"), convert(xml, DIRECT));
    }

    @Test
    void cdataIsTextEntitiesAreResolvedCommentsAndInstructionsDropped() throws Exception {
        assertEquals(lines("{", "  \"t\": \"a < b & \\\"c\\\"\\n\\td é\"", "}"),
                convert("<!-- c --><?pi x?><t><![CDATA[a < b]]> &amp; &quot;c&quot;&#10;&#9;d <!-- no --><?p?>&#xE9;</t>", FRIENDLY));
    }

    @Test
    void theDeclaredEncodingIsHonoured() throws Exception {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"yes\"?><t>caf\u00e9</t>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(lines("{", "  \"version\": \"1.0\",", "  \"encoding\": \"ISO-8859-1\",", "  \"standalone\": \"yes\",",
                "  \"t\": \"caf\u00e9\"", "}"), XmlToJson.convert(latin1, DIRECT));
    }

    @Test
    void doctypesAndExternalEntitiesAreRefused() {
        ConversionException xxe = assertThrows(ConversionException.class, () -> convert(
                "<!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><t>&x;</t>", FRIENDLY));
        assertEquals("the XML has a DOCTYPE, which is not accepted", xxe.getMessage());
        ConversionException bomb = assertThrows(ConversionException.class, () -> convert(
                "<!DOCTYPE t [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><t>&b;</t>", FRIENDLY));
        assertEquals("the XML has a DOCTYPE, which is not accepted", bomb.getMessage());
        assertThrows(ConversionException.class, () -> convert("<t>&undeclared;</t>", FRIENDLY));
    }

    @Test
    void badInputIsRefusedWithItsPlaceButNotItsText() {
        ConversionException e = assertThrows(ConversionException.class, () -> convert("<secret>s3cr3t</wrong>", FRIENDLY));
        assertTrue(e.getMessage().startsWith("the body is not well-formed XML (line 1"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t") || e.getMessage().contains("secret"), e.getMessage());
        assertThrows(ConversionException.class, () -> convert("<p:a>unbound prefix</p:a>", FRIENDLY));
        assertThrows(ConversionException.class, () -> convert("just text", FRIENDLY));
    }

    @Test
    void nestingAndOutputAreBounded() {
        ConversionException deep = assertThrows(ConversionException.class,
                () -> convert("<a>".repeat(1001) + "</a>".repeat(1001), FRIENDLY));
        assertTrue(deep.getMessage().contains("deeper than 1000"), deep.getMessage());
        // 999 levels of indentation before each of many tiny elements: 4 bytes in, ~2000 characters out each
        String wide = "<a>".repeat(999) + "<b/>".repeat(3000) + "</a>".repeat(999);
        ConversionException large = assertThrows(ConversionException.class, () -> convert(wide, FRIENDLY));
        assertTrue(large.getMessage().contains("8 times the body plus 1 MiB"), large.getMessage());
    }
}
