package dev.breakwater.gateway.policy.transform;

import dev.breakwater.gateway.policy.expression.runtime.json.JArray;
import dev.breakwater.gateway.policy.expression.runtime.json.JObject;
import dev.breakwater.gateway.policy.expression.runtime.json.JProperty;
import dev.breakwater.gateway.policy.expression.runtime.json.JToken;
import dev.breakwater.gateway.policy.expression.runtime.json.JTokenType;
import dev.breakwater.gateway.policy.expression.runtime.json.JValue;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonText;
import dev.breakwater.gateway.policy.liquid.JsonDates;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * APIM's json-to-xml conversion:
 * <ul>
 *   <li>A JSON object with a single property (not an array) becomes that element; any other body is
 *       wrapped in {@code <Document>} (the items of a top-level array are {@code <Document>}s too).</li>
 *   <li>A property becomes an element of its name; an array repeats the element once per item (an
 *       empty one gives an empty element); {@code null} gives
 *       {@code xsi:nil="true"}; booleans are {@code True}/{@code False} and numbers as .NET prints them.</li>
 *   <li>{@code parse-date}: strings Json.NET reads as dates are written as .NET's {@code DateTime} prints
 *       them ({@code MM/dd/yyyy HH:mm:ss}); off, they are copied.</li>
 *   <li>{@code namespace-prefix} (e.g. {@code xmlns}): properties named the prefix, or the prefix, the
 *       separator and a name, are namespace declarations of their element; {@code namespace-separator}
 *       (default {@code _}): a name {@code p<sep>local} whose {@code p} is declared in scope becomes
 *       {@code p:local}.</li>
 *   <li>{@code attribute-block-name}: the properties of the object of that name become attributes.</li>
 *   <li>Names XML cannot carry are encoded as .NET does ({@link XmlNames}).</li>
 * </ul>
 * The output is laid out as {@link XmlOut} says and bounded by {@link OutputBudget}.
 */
public final class JsonToXml {

    /** The element that wraps a body that is not an object with a single property. */
    static final String DOCUMENT = "Document";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final int MAX_DEPTH = 1000;
    private static final Pattern WHERE = Pattern.compile("line (\\d+), position (\\d+)");

    /**
     * The policy's attributes.
     *
     * @param namespacePrefix    {@code null}: no property is a namespace declaration
     * @param attributeBlockName {@code null}: no property holds attributes
     */
    public record Options(boolean parseDates, char namespaceSeparator, String namespacePrefix,
                          String attributeBlockName) {

        /** APIM's defaults: dates parsed, {@code _} as separator, no namespace prefix, no attribute block. */
        public static Options defaults() {
            return new Options(true, '_', null, null);
        }
    }

    private final Options options;
    private final XmlOut out;

    private JsonToXml(Options options, XmlOut out) {
        this.options = options;
        this.out = out;
    }

    /** The XML for a JSON body (UTF-8). */
    public static String convert(byte[] json, Options options) throws ConversionException {
        String text = new String(json, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JToken root;
        try {
            root = JsonText.parse(text);
        } catch (RuntimeException e) { // the parser's words may quote the body: only where it failed is kept
            Matcher where = WHERE.matcher(String.valueOf(e.getMessage()));
            throw new ConversionException("the body is not JSON" + (where.find()
                    ? " (line " + where.group(1) + ", position " + where.group(2) + ")" : ""));
        }
        BoundedText xml = new BoundedText(json.length);
        new JsonToXml(options, new XmlOut(xml)).document(root);
        return xml.toString();
    }

    private void document(JToken root) throws ConversionException {
        if (root instanceof JObject object && object.properties().size() == 1
                && !(object.properties().get(0).value() instanceof JArray)) {
            JProperty only = object.properties().get(0);
            element(only.name(), only.value(), Scope.ROOT, 0);
        } else if (root instanceof JArray array && !array.children().isEmpty()) {
            out.open(0, DOCUMENT, List.of());
            items(DOCUMENT, array, Scope.ROOT, 1);
            out.close(0, DOCUMENT);
        } else {
            element(DOCUMENT, root, Scope.ROOT, 0);
        }
    }

    private void element(String name, JToken value, Scope scope, int depth) throws ConversionException {
        if (depth > MAX_DEPTH) {
            throw new ConversionException("the JSON nests deeper than " + MAX_DEPTH + " levels");
        }
        if (value instanceof JObject object) {
            object(name, object, scope, depth);
        } else if (value instanceof JArray array) {
            if (array.children().isEmpty()) {
                out.empty(depth, scope.resolve(name, options.namespaceSeparator()), List.of());
            } else {
                items(name, array, scope, depth);
            }
        } else if (value.type() == JTokenType.NULL || value.type() == JTokenType.UNDEFINED) {
            List<XmlOut.Attribute> nil = new ArrayList<>(2);
            nil.add(new XmlOut.Attribute("xsi:nil", "true"));
            if (!XSI.equals(scope.uri("xsi"))) {
                nil.add(new XmlOut.Attribute("xmlns:xsi", XSI));
            }
            out.empty(depth, scope.resolve(name, options.namespaceSeparator()), nil);
        } else {
            out.text(depth, scope.resolve(name, options.namespaceSeparator()), List.of(), text((JValue) value));
        }
    }

    /** An array's items, each an element of the array's name; an array in an array nests one level. */
    private void items(String name, JArray array, Scope scope, int depth) throws ConversionException {
        for (JToken item : array.children()) {
            if (item instanceof JArray inner && !inner.children().isEmpty()) {
                String qualified = scope.resolve(name, options.namespaceSeparator());
                out.open(depth, qualified, List.of());
                items(name, inner, scope, depth + 1);
                out.close(depth, qualified);
            } else {
                element(name, item, scope, depth);
            }
        }
    }

    private void object(String name, JObject object, Scope scope, int depth) throws ConversionException {
        List<XmlOut.Attribute> attributes = new ArrayList<>();
        List<JProperty> children = new ArrayList<>();
        List<JObject> blocks = new ArrayList<>();
        Scope inner = scope;
        for (JProperty property : object.properties()) {
            String prefix = declaredPrefix(property);
            if (prefix != null) {
                String uri = property.value().toString();
                attributes.add(new XmlOut.Attribute(prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, uri));
                inner = inner.with(prefix, uri);
            } else if (property.name().equals(options.attributeBlockName()) && property.value() instanceof JObject block) {
                blocks.add(block);
            } else {
                children.add(property);
            }
        }
        Set<String> names = new HashSet<>();
        attributes.forEach(attribute -> names.add(attribute.name()));
        for (JObject block : blocks) {
            for (JProperty property : block.properties()) {
                String attribute = inner.resolve(property.name(), options.namespaceSeparator());
                JToken value = property.value();
                boolean isNull = value.type() == JTokenType.NULL || value.type() == JTokenType.UNDEFINED;
                if (!isNull && names.add(attribute)) { // XML allows a name once: the first one stays
                    attributes.add(new XmlOut.Attribute(attribute, value instanceof JValue scalar
                            ? text(scalar) : JsonText.write(value, false)));
                }
            }
        }
        String qualified = inner.resolve(name, options.namespaceSeparator());
        if (children.isEmpty()) {
            out.empty(depth, qualified, attributes);
            return;
        }
        out.open(depth, qualified, attributes);
        for (JProperty child : children) {
            element(child.name(), child.value(), inner, depth + 1);
        }
        out.close(depth, qualified);
    }

    /** The prefix a property declares ("" for the default namespace), or {@code null} if it declares none. */
    private String declaredPrefix(JProperty property) {
        String marker = options.namespacePrefix();
        if (marker == null || marker.isEmpty() || property.value().type() != JTokenType.STRING) {
            return null;
        }
        String name = property.name();
        if (name.equals(marker)) {
            return "";
        }
        if (!name.startsWith(marker) || name.length() <= marker.length() + 1
                || name.charAt(marker.length()) != options.namespaceSeparator()) {
            return null;
        }
        String prefix = name.substring(marker.length() + 1);
        boolean usable = XmlNames.isNcName(prefix) && !prefix.equals("xmlns") && !prefix.equals("xml")
                && !property.value().toString().isEmpty();
        return usable ? prefix : null;
    }

    private String text(JValue value) {
        if (value.type() == JTokenType.STRING && options.parseDates()) {
            String date = JsonDates.asDotNetText((String) value.value());
            if (date != null) {
                return date;
            }
        }
        return value.toString(); // .NET's ToString(): True/False, numbers in the invariant culture
    }

    /** The namespace prefixes declared where an element stands, innermost first. */
    private record Scope(String prefix, String uri, Scope parent) {

        static final Scope ROOT = new Scope("xml", "http://www.w3.org/XML/1998/namespace", null);

        Scope with(String declared, String namespace) {
            return new Scope(declared, namespace, this);
        }

        String uri(String wanted) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.prefix.equals(wanted)) {
                    return s.uri;
                }
            }
            return null;
        }

        /** {@code p<sep>local} as {@code p:local} when {@code p} is declared here, else the name encoded whole. */
        String resolve(String name, char separator) {
            int at = name.indexOf(separator);
            if (at > 0 && at < name.length() - 1) {
                String prefix = name.substring(0, at);
                if (!prefix.isEmpty() && uri(prefix) != null) {
                    return prefix + ":" + XmlNames.encodeLocalName(name.substring(at + 1));
                }
            }
            return XmlNames.encodeLocalName(name);
        }
    }
}
