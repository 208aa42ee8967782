package dev.breakwater.gateway.policy.xml;

import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads policy XML into {@link PolicyElement} trees that remember their line numbers.
 * Policy expressions are read as APIM reads them (see {@link LenientXml}). DTDs are refused,
 * so a document cannot reach files or the network through entities.
 */
public final class PolicyXmlReader {

    private final SAXParserFactory factory;

    public PolicyXmlReader() {
        factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be made safe: " + e.getMessage(), e);
        }
    }

    /** Parses one document and returns its root element. */
    public PolicyElement read(String xml) throws PolicyCompileException {
        if (xml.startsWith("\uFEFF")) {
            xml = xml.substring(1); // a byte order mark, as editors on Windows write them
        }
        // APIM accepts raw quotes, '<' and '&' inside policy expressions: escape them first.
        // The escaping keeps every line break, so line numbers still match what the user wrote.
        String wellFormed = LenientXml.wellFormed(xml);
        TreeBuilder builder = new TreeBuilder(wellFormed);
        try {
            SAXParser parser = factory.newSAXParser();
            parser.parse(new InputSource(new StringReader(wellFormed)), builder);
        } catch (SAXParseException e) {
            throw new PolicyCompileException("malformed XML at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException | ParserConfigurationException | IOException e) {
            throw new PolicyCompileException("malformed XML: " + e.getMessage());
        }
        return builder.root;
    }

    /** Builds the element tree while SAX walks the document. */
    private static final class TreeBuilder extends DefaultHandler {

        private final Deque<Partial> open = new ArrayDeque<>();
        private final String text;
        private final StartLines startLines;
        private final TagScanner tags;
        private Locator locator;
        private PolicyElement root;

        TreeBuilder(String text) {
            this.text = text;
            this.startLines = new StartLines(text);
            this.tags = new TagScanner(text);
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
            int line = locator == null ? 0
                    : startLines.lineOfTagEndingAt(qName, locator.getLineNumber(), locator.getColumnNumber());
            TagScanner.StartTag tag = tags.nextStartTag();
            open.push(new Partial(qName, values, line, tag.end(), tag.selfClosing()));
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                Partial current = open.peek();
                current.text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Partial done = open.pop();
            int contentEnd = done.selfClosing ? done.contentStart : tags.nextEndTag();
            PolicyElement element = new PolicyElement(done.name, done.attributes, done.children,
                    done.text.toString().trim(), done.line, new SourceText(text, done.contentStart, contentEnd));
            if (open.isEmpty()) {
                root = element;
            } else {
                open.peek().children.add(element);
            }
        }
    }

    private static final class Partial {
        final String name;
        final Map<String, String> attributes;
        final int line;
        final int contentStart;
        final boolean selfClosing;
        final List<PolicyElement> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Partial(String name, Map<String, String> attributes, int line, int contentStart, boolean selfClosing) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
            this.contentStart = contentStart;
            this.selfClosing = selfClosing;
        }
    }
}
