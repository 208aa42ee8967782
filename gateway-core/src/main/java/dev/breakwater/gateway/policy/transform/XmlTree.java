package dev.breakwater.gateway.policy.transform;

import dev.breakwater.gateway.policy.xml.BodyXmlReaders;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML body read into elements, safely: the JDK's StAX parser with DTDs and external entities off
 * (a DOCTYPE is refused, so no entity can expand or reach a file or the network), namespaces
 * resolved, text and CDATA coalesced, comments and processing instructions dropped, nesting bounded.
 * The body's own size is already bounded by the gateway's policy body limit.
 */
final class XmlTree {

    private static final int MAX_DEPTH = 1000;

    /** What the XML declaration says; each {@code null} when not declared. */
    record Declaration(String version, String encoding, String standalone) {
    }

    /** An attribute: prefix ("" for none), local name, namespace URI ("" for none), value. */
    record Attribute(String prefix, String localName, String namespace, String value) {
    }

    /** A namespace declaration: prefix ("" for the default namespace) and URI. */
    record Namespace(String prefix, String uri) {
    }

    /** An element: its name, declarations, attributes, child elements and its own text, in order. */
    static final class Element {
        final String prefix;
        final String localName;
        final List<Namespace> namespaces = new ArrayList<>();
        final List<Attribute> attributes = new ArrayList<>();
        final List<Element> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Element(String prefix, String localName) {
            this.prefix = prefix;
            this.localName = localName;
        }
    }

    /** A document: its declaration and root element. */
    record Document(Declaration declaration, Element root) {
    }

    private XmlTree() {
    }

    static Document read(byte[] xml) throws ConversionException {
        XMLStreamReader reader = null;
        try {
            // a factory per body: cheap, and XMLInputFactory promises no thread-safety
            reader = BodyXmlReaders.secureFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            Declaration declaration = new Declaration(reader.getVersion(), reader.getCharacterEncodingScheme(),
                    reader.standaloneSet() ? (reader.isStandalone() ? "yes" : "no") : null);
            Deque<Element> open = new ArrayDeque<>();
            Element root = null;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> throw new ConversionException("the XML has a DOCTYPE, which is not accepted");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() == MAX_DEPTH) {
                            throw new ConversionException("the XML nests deeper than " + MAX_DEPTH + " elements");
                        }
                        Element element = start(reader);
                        if (open.isEmpty()) {
                            root = element;
                        } else {
                            open.peek().children.add(element);
                        }
                        open.push(element);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    default -> {
                        // comments, processing instructions, the document's end
                    }
                }
            }
            if (root == null) {
                throw new ConversionException("the body is not XML: it has no element");
            }
            return new Document(declaration, root);
        } catch (XMLStreamException e) { // the parser's words may quote the body: only where it failed is kept
            Location where = e.getLocation();
            throw new ConversionException("the body is not well-formed XML" + (where == null || where.getLineNumber() < 0
                    ? "" : " (line " + where.getLineNumber() + ", column " + where.getColumnNumber() + ")"));
        } finally {
            close(reader);
        }
    }

    private static Element start(XMLStreamReader reader) {
        Element element = new Element(nullToEmpty(reader.getPrefix()), reader.getLocalName());
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            element.namespaces.add(new Namespace(nullToEmpty(reader.getNamespacePrefix(i)), nullToEmpty(reader.getNamespaceURI(i))));
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            element.attributes.add(new Attribute(nullToEmpty(reader.getAttributePrefix(i)), reader.getAttributeLocalName(i),
                    nullToEmpty(reader.getAttributeNamespace(i)), reader.getAttributeValue(i)));
        }
        return element;
    }


    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing was held open beyond the array
            }
        }
    }
}
