package dev.breakwater.gateway.policy.liquid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON value as the template sees it, as Json.NET gives it to APIM's DotLiquid: objects as
 * {@link BodyObject}s, arrays as lists, numbers as Java numbers (integers whole, the rest
 * {@code double}), and with {@code parse-date} the strings Json.NET reads as dates as dates.
 */
final class JsonBody {

    private JsonBody() {
    }

    static Object toModel(JsonNode node, boolean parseDates) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            BodyObject object = new BodyObject();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                object.put(member.getKey(), toModel(member.getValue(), parseDates));
            }
            return object;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(toModel(item, parseDates));
            }
            return items;
        }
        if (node.isTextual()) {
            return text(node.textValue(), parseDates);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    /** A string of the body, as a date where {@code parse-date} makes it one. */
    static Object text(String text, boolean parseDates) {
        if (parseDates) {
            DotNetDateTime date = DotNetDateParser.parseJsonDate(text);
            if (date != null) {
                return date;
            }
        }
        return text;
    }
}
