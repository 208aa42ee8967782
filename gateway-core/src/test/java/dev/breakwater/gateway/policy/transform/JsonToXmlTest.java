package dev.breakwater.gateway.policy.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** json-to-xml's conversion on small documents, each expected output written out. */
class JsonToXmlTest {

    private static String convert(String json) throws ConversionException {
        return convert(json, JsonToXml.Options.defaults());
    }

    private static String convert(String json, JsonToXml.Options options) throws ConversionException {
        return JsonToXml.convert(json.getBytes(StandardCharsets.UTF_8), options);
    }

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    @Test
    void anObjectOfSeveralPropertiesIsWrappedInDocument() throws Exception {
        // the example APIM users publish for the default settings
        String json = "{\"firstName\": \"John\", \"lastName\": \"Smith\", \"isAlive\": true, \"age\": 25,"
                + " \"address\": {\"streetAddress\": \"21 2nd Street\", \"city\": \"New York\"},"
                + " \"phoneNumbers\": [{\"type\": \"home\", \"number\": \"212 555-1234\"}, {\"type\": \"mobile\", \"number\": \"123 456-7890\"}],"
                + " \"children\": [], \"spouse\": null}";
        assertEquals(lines(
                "<Document>",
                "  <firstName>John</firstName>",
                "  <lastName>Smith</lastName>",
                "  <isAlive>True</isAlive>",
                "  <age>25</age>",
                "  <address>",
                "    <streetAddress>21 2nd Street</streetAddress>",
                "    <city>New York</city>",
                "  </address>",
                "  <phoneNumbers>",
                "    <type>home</type>",
                "    <number>212 555-1234</number>",
                "  </phoneNumbers>",
                "  <phoneNumbers>",
                "    <type>mobile</type>",
                "    <number>123 456-7890</number>",
                "  </phoneNumbers>",
                "  <children />",
                "  <spouse xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" />",
                "</Document>"), convert(json));
    }

    @Test
    void aSinglePropertyIsTheRootAndNamespacesAndAttributesComeFromTheirProperties() throws Exception {
        // APIM's reference example: namespace-separator=":" namespace-prefix="xmlns" attribute-block-name="#attrs"
        String json = "{\"soapenv:Envelope\": {"
                + "\"xmlns:soapenv\": \"http://schemas.xmlsoap.org/soap/envelope/\","
                + "\"xmlns:v1\": \"http://localdomain.com/core/v1\","
                + "\"soapenv:Header\": {},"
                + "\"soapenv:Body\": {\"v1:QueryList\": {\"#attrs\": {\"queryName\": \"test\"},"
                + "\"v1:QueryItem\": {\"name\": \"dummy text\"}}}}}";
        assertEquals(lines(
                "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:v1=\"http://localdomain.com/core/v1\">",
                "  <soapenv:Header />",
                "  <soapenv:Body>",
                "    <v1:QueryList queryName=\"test\">",
                "      <v1:QueryItem>",
                "        <name>dummy text</name>",
                "      </v1:QueryItem>",
                "    </v1:QueryList>",
                "  </soapenv:Body>",
                "</soapenv:Envelope>"), convert(json, new JsonToXml.Options(false, ':', "xmlns", "#attrs")));
    }

    @Test
    void withoutANamespacePrefixColonsAreEncodedSoTheXmlStaysWellFormed() throws Exception {
        assertEquals(lines("<soapenv_x003A_Envelope>", "  <xmlns_x003A_soapenv>urn:s</xmlns_x003A_soapenv>",
                "  <_x0023_attrs>", "    <a>1</a>", "  </_x0023_attrs>", "</soapenv_x003A_Envelope>"),
                convert("{\"soapenv:Envelope\": {\"xmlns:soapenv\": \"urn:s\", \"#attrs\": {\"a\": 1}}}"));
    }

    @Test
    void theDefaultSeparatorIsUnderscoreAndOnlyDeclaredPrefixesAreSplit() throws Exception {
        JsonToXml.Options xmlns = new JsonToXml.Options(true, '_', "xmlns", null);
        assertEquals(lines("<m:Order xmlns:m=\"urn:m\" xmlns=\"urn:default\">", "  <first_name>Ann</first_name>",
                "  <m:Id>7</m:Id>", "</m:Order>"),
                convert("{\"m_Order\": {\"xmlns_m\": \"urn:m\", \"xmlns\": \"urn:default\", \"first_name\": \"Ann\", \"m_Id\": 7}}", xmlns));
    }

    @Test
    void anAttributeBlockTakesScalarsAndSkipsNulls() throws Exception {
        JsonToXml.Options attrs = new JsonToXml.Options(true, ':', "xmlns", "#attrs");
        assertEquals("<item id=\"3\" ok=\"False\" note=\"a &lt; &quot;b&quot; &amp; c&#xA;d\" tags=\"[1,2]\" />",
                convert("{\"item\": {\"#attrs\": {\"id\": 3, \"ok\": false, \"gone\": null, "
                        + "\"note\": \"a < \\\"b\\\" & c\\nd\", \"tags\": [1, 2]}}}", attrs));
    }

    @Test
    void arraysRepeatTheirElementAndNestedArraysNest() throws Exception {
        assertEquals(lines("<Document>", "  <a>1</a>", "  <a>", "    <a>2</a>", "    <a>3</a>", "  </a>", "  <a />",
                "  <b>x</b>", "</Document>"), convert("{\"a\": [1, [2, 3], []], \"b\": \"x\"}"));
        assertEquals(lines("<Document>", "  <Document>1</Document>", "  <Document>", "    <k>v</k>", "  </Document>",
                "</Document>"), convert("[1, {\"k\": \"v\"}]"), "a top-level array: its items take the wrapper's name");
        assertEquals(lines("<Document>", "  <only>1</only>", "  <only>2</only>", "</Document>"), convert("{\"only\": [1, 2]}"),
                "a single property that is an array cannot be the root: it would make several");
    }

    @Test
    void scalarsAndEmptyBodies() throws Exception {
        assertEquals("<Document>plain</Document>", convert("\"plain\""));
        assertEquals("<Document />", convert("{}"));
        assertEquals("<Document />", convert("[]"));
        assertEquals("<e></e>", convert("{\"e\": \"\"}"));
        assertEquals("<n>1.5</n>", convert("{\"n\": 1.5}"));
        assertEquals("<n>12345678901234567890</n>", convert("{\"n\": 12345678901234567890}"));
        assertEquals("<t>a &amp; b &lt;c&gt; \"d\"&#xD;</t>", convert("{\"t\": \"a & b <c> \\\"d\\\"\\r\"}"));
        assertEquals("<t>é 𝄞</t>", convert("\uFEFF{\"t\": \"é 𝄞\"}"), "a byte order mark is skipped");
    }

    @Test
    void parseDateWritesJsonNetDatesAsDotNetDoesOrCopiesThem() throws Exception {
        String json = "{\"d\": {\"at\": \"2024-03-05T14:07:09Z\", \"ms\": \"/Date(0)/\", \"day\": \"2024-03-05\"}}";
        assertEquals(lines("<d>", "  <at>03/05/2024 14:07:09</at>", "  <ms>01/01/1970 00:00:00</ms>", "  <day>2024-03-05</day>",
                "</d>"), convert(json));
        assertEquals(lines("<d>", "  <at>2024-03-05T14:07:09Z</at>", "  <ms>/Date(0)/</ms>", "  <day>2024-03-05</day>", "</d>"),
                convert(json, new JsonToXml.Options(false, '_', null, null)));
    }

    @Test
    void namesXmlCannotCarryAreEncoded() throws Exception {
        assertEquals(lines("<Document>", "  <_x0031_st>a</_x0031_st>", "  <first_x0020_name>b</first_x0020_name>",
                "  <_x005F_x0041_>c</_x005F_x0041_>", "  <_>d</_>", "</Document>"),
                convert("{\"1st\": \"a\", \"first name\": \"b\", \"_x0041_\": \"c\", \"\": \"d\"}"));
    }

    @Test
    void badInputIsRefusedWithoutQuotingIt() {
        ConversionException notJson = assertThrows(ConversionException.class, () -> convert("{\"secret\": \"s3cr3t\" x}"));
        assertTrue(notJson.getMessage().startsWith("the body is not JSON"), notJson.getMessage());
        assertTrue(!notJson.getMessage().contains("s3cr3t"), notJson.getMessage());
        ConversionException control = assertThrows(ConversionException.class, () -> convert("{\"a\": \"\\u0001\"}"));
        assertTrue(control.getMessage().contains("U+0001"), control.getMessage());
    }

    @Test
    void theOutputIsBounded() {
        String name = "n".repeat(4000);
        String json = "{\"" + name + "\": [" + "1,".repeat(2000) + "1]}";
        ConversionException e = assertThrows(ConversionException.class, () -> convert(json));
        assertTrue(e.getMessage().contains("8 times the body plus 1 MiB"), e.getMessage());
    }
}
