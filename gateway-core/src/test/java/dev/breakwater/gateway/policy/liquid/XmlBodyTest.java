package dev.breakwater.gateway.policy.liquid;

import static dev.breakwater.gateway.policy.liquid.LiquidTesting.render;
import static dev.breakwater.gateway.policy.liquid.LiquidTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** An XML body bound to {@code body}: see {@link XmlBody} for the mapping. */
class XmlBodyTest {

    private static final String SOAP_RESPONSE = """
            <?xml version="1.0" encoding="utf-8"?>
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <soap:Body>
                <GetProductsResponse xmlns="http://tempuri.org/">
                  <GetProductsResult>
                    <Product id="p1"><ID>1</ID><Name>AAA</Name></Product>
                    <Product id="p2"><ID>2</ID><Name>B &amp; B</Name></Product>
                  </GetProductsResult>
                  <Note xsi:nil="true"/>
                </GetProductsResponse>
              </soap:Body>
            </soap:Envelope>""";

    @Test
    void readsSoapResponsesAsApimsGeneratedTemplatesAddressThem() throws Exception {
        String template = """
                {"products": [{% JSONArrayFor p in body.envelope.body.GetProductsResponse.GetProductsResult.Product -%}
                {"id": {{p.ID}}, "name": "{{p.Name}}", "ref": "{{p.id}}"}
                {%- endJSONArrayFor -%}]}""";
        String out = render(template, SOAP_RESPONSE, "text/xml; charset=utf-8");
        var json = new ObjectMapper().readTree(out);
        assertEquals(2, json.path("products").size(), out);
        assertEquals("B & B", json.path("products").path(1).path("name").asText());
        assertEquals(2, json.path("products").path(1).path("id").asInt());
        assertEquals("p1", json.path("products").path(0).path("ref").asText(), "an attribute by its name");
    }

    @Test
    void bindsXmlForEveryXmlContentType() throws Exception {
        for (String type : new String[] {"application/xml", "text/xml", "application/soap+xml", "application/atom+xml; charset=utf-8"}) {
            assertEquals("x", render("{{body.root.a}}", "<root><a>x</a></root>", type), type);
        }
    }

    @Test
    void mapsAttributesTextAndRepeatedElements() throws Exception {
        String xml = "<order id=\"7\" status=\"open\"><status>shipped</status><line n=\"1\">pizza</line>"
                + "<line n=\"2\">salad</line><empty/><note>  keep  spaces </note></order>";
        String type = "application/xml";
        assertEquals("7|7|shipped|open", render("{{body.order.id}}|{{body.order[\"@id\"]}}|{{body.order.status}}"
                + "|{{body.order[\"@status\"]}}", xml, type), "a child element wins over an attribute of its name");
        assertEquals("2|pizza(1) salad(2) ", render("{{body.order.line.size}}|{% for l in body.order.line %}"
                + "{{l[\"#text\"]}}({{l.n}}) {% endfor %}", xml, type));
        assertEquals("[]|[  keep  spaces ]", render("[{{body.order.empty}}]|[{{body.order.note}}]", xml, type));
    }

    @Test
    void readsDatesInXmlTextWhenParseDateIsOn() throws Exception {
        String xml = "<r at=\"2012-03-21T05:40:00Z\"><when>2012-03-21T05:40:00Z</when></r>";
        assertEquals("03/21/2012 05:40:00|03/21/2012 05:40:00", render("{{body.r.when}}|{{body.r.at}}", xml, "text/xml"));
        LiquidTemplate asWritten = LiquidTemplate.compile("{{body.r.when}}", new BodyBinding(false, false));
        assertEquals("2012-03-21T05:40:00Z", asWritten.render(Map.of(), utf8(xml), "text/xml"));
    }

    @Test
    void loopsOnceOverAnElementThatOccursOnce() throws Exception {
        String xml = "<orders><order><id>1</id></order></orders>";
        assertEquals("1;", render("{% for o in body.orders.order %}{{o.id}};{% endfor %}", xml, "application/xml"));
    }

    @Test
    void dropsNamespacePrefixesAndFindsNamesIgnoringCase() throws Exception {
        String xml = "<s:Envelope xmlns:s=\"urn:s\"><s:Body><m:Reply xmlns:m=\"urn:m\"><m:Code>OK</m:Code></m:Reply></s:Body></s:Envelope>";
        assertEquals("OK OK", render("{{body.Envelope.Body.Reply.Code}} {{body.envelope.body.reply.code}}", xml, "text/xml"));
    }

    @Test
    void writesXsiNilAsBlankOrNull() throws Exception {
        String template = "{% if body.envelope.body.GetProductsResponse.Note == nil %}null{% else %}[{{body.envelope.body.GetProductsResponse.Note}}]{% endif %}";
        assertEquals("[]", render(template, SOAP_RESPONSE, "text/xml"));
        LiquidTemplate nullNil = LiquidTemplate.compile(template, new BodyBinding(true, true));
        assertEquals("null", nullNil.render(Map.of(), utf8(SOAP_RESPONSE), "text/xml"));
    }

    @Test
    void refusesMalformedXmlAndDoctypes() {
        LiquidException e = assertThrows(LiquidException.class, () -> render("{{body}}", "<a><b></a>", "application/xml"));
        assertTrue(e.getMessage().contains("not valid XML"), e.getMessage());
        String entityBomb = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"xxxx\">]><a>&x;</a>";
        e = assertThrows(LiquidException.class, () -> render("{{body.a}}", entityBomb, "application/xml"));
        assertTrue(e.getMessage().contains("not valid XML"), e.getMessage());
    }
}
