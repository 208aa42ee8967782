package dev.breakwater.gateway.policy.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Conversions of realistic payloads, expected outputs as files under {@code src/test/resources/transform}:
 * a SOAP response (declaration, several namespaces, a comment, CDATA, attributes, a repeated element,
 * xsi:nil, an empty element) to JSON in both kinds, and a JSON order to a SOAP request with APIM's
 * namespace and attribute settings.
 */
class RealisticDocumentsTest {

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = RealisticDocumentsTest.class.getResourceAsStream("/transform/" + name)) {
            if (in == null) {
                throw new IOException("no test fixture " + name);
            }
            return in.readAllBytes();
        }
    }

    private static String expected(String name) throws IOException {
        return new String(fixture(name), StandardCharsets.UTF_8).strip();
    }

    @Test
    void aSoapResponseDirect() throws Exception {
        assertEquals(expected("soap-response.direct.json"),
                XmlToJson.convert(fixture("soap-response.xml"), new XmlToJson.Options(XmlToJson.Kind.DIRECT, false)));
    }

    @Test
    void aSoapResponseJavascriptFriendly() throws Exception {
        assertEquals(expected("soap-response.javascript-friendly.json"), XmlToJson.convert(fixture("soap-response.xml"),
                new XmlToJson.Options(XmlToJson.Kind.JAVASCRIPT_FRIENDLY, false)));
    }

    @Test
    void aJsonOrderBecomesASoapRequestThatReadsBack() throws Exception {
        String xml = JsonToXml.convert(fixture("order-request.json"), new JsonToXml.Options(false, ':', "xmlns", "#attrs"));
        assertEquals(expected("order-request.xml"), xml);
        XmlTree.Element envelope = XmlTree.read(xml.getBytes(StandardCharsets.UTF_8)).root();
        assertEquals("soapenv", envelope.prefix, "the result is namespace-well-formed XML");
        assertEquals("PlaceOrder", envelope.children.get(1).children.get(0).localName);
    }
}
