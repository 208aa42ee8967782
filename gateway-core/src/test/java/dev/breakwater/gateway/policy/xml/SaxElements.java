package dev.breakwater.gateway.policy.xml;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses XML with a plain SAX parser (DTDs refused, as in the gateway) into its elements in
 * document order, so tests can see what the parser makes of a rewritten document.
 */
final class SaxElements {

    /** One element: its name, attributes, own text (untrimmed) and the line SAX reports for it. */
    record Element(String name, Map<String, String> attributes, String text, int line) {
        String attribute(String attribute) {
            return attributes.get(attribute);
        }
    }

    private SaxElements() {
    }

    /** The elements of a document, in document order; throws the parser's error if it is not well-formed. */
    static List<Element> parse(String xml) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Collector collector = new Collector();
        factory.newSAXParser().parse(new InputSource(new StringReader(xml)), collector);
        return collector.done;
    }

    /** The first element of this name. */
    static Element first(List<Element> elements, String name) {
        return elements.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in " + elements));
    }

    private static final class Collector extends DefaultHandler {
        private final List<Element> done = new ArrayList<>();
        private final Deque<Open> open = new ArrayDeque<>();
        private Locator locator;

        /** An element whose end has not been seen yet, and its slot in document order. */
        private record Open(String name, Map<String, String> attributes, StringBuilder text, int line, int slot) {
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                values.put(attributes.getQName(i), attributes.getValue(i));
            }
            open.push(new Open(qName, values, new StringBuilder(), locator.getLineNumber(), done.size()));
            done.add(null);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().text().append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Open e = open.pop();
            done.set(e.slot(), new Element(e.name(), e.attributes(), e.text().toString(), e.line()));
        }
    }
}
