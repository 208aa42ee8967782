package dev.breakwater.gateway.policy.transform;

import dev.breakwater.gateway.policy.expression.runtime.json.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * APIM's xml-to-json conversion, in the shape Json.NET gives XML (and APIM's published outputs show):
 * the root element is the one property of the top object; an element with neither attributes nor
 * child elements is its text ({@code null} when it has none); otherwise an object of its attributes as
 * {@code @name}, its own non-blank text as {@code #text} and its child elements by name, a name that
 * repeats (or any, with {@code always-array-child-elements}) as an array in document order. Values are
 * strings: XML does not type them. The two kinds:
 * <ul>
 *   <li>{@code direct} reflects the document: the XML declaration's {@code version}, {@code encoding},
 *       {@code standalone} as top-level properties, names with their prefix ({@code :} written
 *       {@code $}, as in {@code soap$Envelope}), namespace declarations as {@code @xmlns},
 *       {@code @xmlns$p}.</li>
 *   <li>{@code javascript-friendly} keeps the data only: local names, no declaration, no namespace
 *       declarations, and an element with {@code xsi:nil="true"} is {@code null}.</li>
 * </ul>
 * Comments and processing instructions are dropped; CDATA is text. The output is indented as Json.NET
 * writes it and bounded by {@link OutputBudget}.
 */
public final class XmlToJson {

    /** APIM's {@code kind}. */
    public enum Kind { JAVASCRIPT_FRIENDLY, DIRECT }

    /** The policy's attributes. */
    public record Options(Kind kind, boolean alwaysArrayChildElements) {
    }

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final Options options;

    private XmlToJson(Options options) {
        this.options = options;
    }

    /** The JSON for an XML body (its encoding as the document declares it, UTF-8 by default). */
    public static String convert(byte[] xml, Options options) throws ConversionException {
        XmlTree.Document document = XmlTree.read(xml);
        XmlToJson converter = new XmlToJson(options);
        Map<String, Object> top = new LinkedHashMap<>();
        if (options.kind() == Kind.DIRECT) {
            XmlTree.Declaration declaration = document.declaration();
            putIfPresent(top, "version", declaration.version());
            putIfPresent(top, "encoding", declaration.encoding());
            putIfPresent(top, "standalone", declaration.standalone());
        }
        top.put(converter.name(document.root().prefix, document.root().localName), converter.value(document.root()));
        BoundedText json = new BoundedText(xml.length);
        write(top, json, 0);
        return json.toString();
    }

    private Object value(XmlTree.Element element) {
        boolean direct = options.kind() == Kind.DIRECT;
        Map<String, Object> members = new LinkedHashMap<>();
        if (direct) {
            for (XmlTree.Namespace namespace : element.namespaces) {
                members.put(namespace.prefix().isEmpty() ? "@xmlns" : "@xmlns$" + namespace.prefix(), namespace.uri());
            }
        }
        for (XmlTree.Attribute attribute : element.attributes) {
            if (!direct && XSI.equals(attribute.namespace()) && attribute.localName().equals("nil")) {
                String nil = attribute.value().trim();
                if (nil.equals("true") || nil.equals("1")) {
                    return null;
                }
                continue;
            }
            members.putIfAbsent("@" + name(attribute.prefix(), attribute.localName()), attribute.value());
        }
        String text = element.text.toString();
        if (members.isEmpty() && element.children.isEmpty()) {
            return text.isEmpty() ? null : text;
        }
        if (!text.isBlank()) {
            members.put("#text", text);
        }
        Map<String, List<Object>> groups = new LinkedHashMap<>();
        for (XmlTree.Element child : element.children) {
            groups.computeIfAbsent(name(child.prefix, child.localName), key -> new ArrayList<>()).add(value(child));
        }
        groups.forEach((childName, values) -> members.put(childName,
                values.size() == 1 && !options.alwaysArrayChildElements() ? values.get(0) : values));
        return members;
    }

    private String name(String prefix, String localName) {
        return options.kind() == Kind.DIRECT && !prefix.isEmpty() ? prefix + "$" + localName : localName;
    }

    private static void putIfPresent(Map<String, Object> members, String name, String value) {
        if (value != null) {
            members.put(name, value);
        }
    }

    /** Json.NET's indented layout: two spaces, {@code "name": value}, {@code {}} and {@code []} when empty. */
    @SuppressWarnings("unchecked")
    private static void write(Object value, BoundedText out, int depth) throws ConversionException {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> member : ((Map<String, Object>) map).entrySet()) {
                out.append(first ? "" : ",").newLine(depth + 1).append(quoted(member.getKey())).append(": ");
                write(member.getValue(), out, depth + 1);
                first = false;
            }
            out.newLine(depth).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i > 0 ? "," : "").newLine(depth + 1);
                write(list.get(i), out, depth + 1);
            }
            out.newLine(depth).append(']');
        } else if (value == null) {
            out.append("null");
        } else {
            out.append(quoted((String) value));
        }
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2);
        JsonText.quote(text, quoted);
        return quoted.toString();
    }
}
