package dev.breakwater.gateway.policy.liquid;

import dev.breakwater.gateway.policy.xml.BodyXmlReaders;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML body as the template sees it. APIM does not document its mapping; this one follows what
 * its own generated templates rely on ({@code body.envelope.body.GetProductsResponse...} for a SOAP
 * response) and Json.NET's XML conversion where they are silent:
 * <ul>
 *   <li>{@code body} holds the root element under its name: {@code body.Order.Id}.</li>
 *   <li>Names are local names: namespace prefixes are dropped, {@code xmlns} declarations are not values.</li>
 *   <li>An element with neither attributes nor child elements is its text ({@code ""} when empty).</li>
 *   <li>Otherwise it is an object: child elements by name, a repeated name as a list in document
 *       order, attributes as {@code @name} and also as {@code name} where no child has that name,
 *       its own non-blank text as {@code #text}.</li>
 *   <li>{@code xsi:nil="true"} is {@code ""} or null ({@link BodyBinding#xsiNilAsNull()}).</li>
 *   <li>A DOCTYPE is refused; comments and processing instructions are ignored.</li>
 * </ul>
 */
final class XmlBody {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final int MAX_DEPTH = 1000;

    private XmlBody() {
    }

    /** @throws XMLStreamException when the body is not well-formed XML, has a DOCTYPE or nests too deep */
    static BodyObject read(byte[] xml, BodyBinding binding) throws XMLStreamException {
        // A factory per body: cheap, and XMLInputFactory promises no thread-safety.
        XMLStreamReader reader = BodyXmlReaders.secureFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
        try {
            Deque<Element> open = new ArrayDeque<>();
            BodyObject body = new BodyObject();
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> throw new XMLStreamException("a DOCTYPE is not accepted");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() == MAX_DEPTH) {
                            throw new XMLStreamException("elements nest deeper than " + MAX_DEPTH);
                        }
                        open.push(Element.start(reader));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Element done = open.pop();
                        Object value = done.value(binding);
                        if (open.isEmpty()) {
                            body.put(done.name, value);
                        } else {
                            open.peek().addChild(done.name, value);
                        }
                    }
                    default -> {
                        // comments, processing instructions, the document's start and end
                    }
                }
            }
            return body;
        } finally {
            reader.close();
        }
    }


    /** An element being read. */
    private static final class Element {
        final String name;
        final List<String[]> attributes = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        BodyObject.XmlElement children;
        boolean nil;

        private Element(String name) {
            this.name = name;
        }

        static Element start(XMLStreamReader reader) {
            Element element = new Element(reader.getLocalName());
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                String local = reader.getAttributeLocalName(i);
                if (XSI.equals(reader.getAttributeNamespace(i)) && local.equals("nil")) {
                    element.nil = "true".equals(reader.getAttributeValue(i).trim());
                } else {
                    element.attributes.add(new String[] {local, reader.getAttributeValue(i)});
                }
            }
            return element;
        }

        void addChild(String childName, Object value) {
            if (children == null) {
                children = new BodyObject.XmlElement();
            }
            if (!children.hasExactly(childName)) {
                children.put(childName, value);
            } else if (children.get(childName) instanceof RepeatedElements repeated) {
                repeated.add(value);
            } else {
                RepeatedElements repeated = new RepeatedElements();
                repeated.add(children.get(childName));
                repeated.add(value);
                children.put(childName, repeated);
            }
        }

        Object value(BodyBinding binding) {
            if (nil) {
                return binding.xsiNilAsNull() ? null : "";
            }
            if (children == null && attributes.isEmpty()) {
                return JsonBody.text(text.toString(), binding.parseDates());
            }
            BodyObject.XmlElement element = new BodyObject.XmlElement();
            for (String[] attribute : attributes) {
                element.put("@" + attribute[0], JsonBody.text(attribute[1], binding.parseDates()));
            }
            if (children != null) {
                element.putAll(children);
            }
            for (String[] attribute : attributes) {
                if (!element.hasExactly(attribute[0])) {
                    element.put(attribute[0], element.get("@" + attribute[0]));
                }
            }
            if (!text.toString().isBlank()) {
                element.put("#text", JsonBody.text(text.toString(), binding.parseDates()));
            }
            return element;
        }
    }

    /** The values of a child element name that occurs more than once. */
    private static final class RepeatedElements extends ArrayList<Object> {
    }
}
