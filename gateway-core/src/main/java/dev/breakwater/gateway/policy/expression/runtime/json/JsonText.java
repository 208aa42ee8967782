package dev.breakwater.gateway.policy.expression.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.runtime.DateTimeFormat;
import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTime;
import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTimeOffset;
import dev.breakwater.gateway.policy.expression.runtime.NumberFormatter;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;

/**
 * JSON text for the token tree: reading with Jackson's streaming parser (as leniently as Json.NET:
 * comments, single quotes, unquoted names, trailing commas), writing in Json.NET's format (indented
 * with two spaces and "\n" as on the Linux self-hosted gateway, {@code "a": 1}, floats always with a
 * decimal point or exponent). Strings that look like dates stay strings (Json.NET would make them
 * Date tokens; expressions then see the text they sent).
 */
public final class JsonText {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .build();

    private JsonText() {
    }

    /** JToken.Parse: one JSON value, nothing after it but white space. */
    public static JToken parse(String json) {
        if (json == null) {
            throw DotNetException.argumentNull("json");
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw readerError("Error reading JToken from JsonReader. Path '', line 0, position 0.");
            }
            JToken result = read(p, first);
            JsonToken after = p.nextToken();
            if (after != null) {
                throw readerError("Additional text encountered after finished reading JSON content: " + p.getText()
                        + ". Path '', line " + p.currentLocation().getLineNr() + ", position " + p.currentLocation().getColumnNr() + ".");
            }
            return result;
        } catch (JsonProcessingException e) {
            throw readerError(describe(e));
        } catch (IOException e) {
            throw readerError(e.getMessage());
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        var loc = e.getLocation();
        return message + (loc == null ? "" : ". Path '', line " + loc.getLineNr() + ", position " + loc.getColumnNr() + ".");
    }

    static RuntimeException readerError(String message) {
        return DotNetException.of("Newtonsoft.Json.JsonReaderException", message);
    }

    private static JToken read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                JObject o = new JObject();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
                    String name = p.currentName();
                    o.putParsed(name, read(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY: {
                JArray a = new JArray();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    a.add(read(p, n));
                }
                return a;
            }
            case VALUE_STRING:
                return new JValue(p.getText(), JTokenType.STRING);
            case VALUE_NUMBER_INT: {
                BigInteger big = p.getBigIntegerValue();
                return big.bitLength() < 64 ? new JValue(big.longValue(), JTokenType.INTEGER) : new JValue(big, JTokenType.INTEGER);
            }
            case VALUE_NUMBER_FLOAT:
                return new JValue(p.getDoubleValue(), JTokenType.FLOAT);
            case VALUE_TRUE:
                return new JValue(Boolean.TRUE, JTokenType.BOOLEAN);
            case VALUE_FALSE:
                return new JValue(Boolean.FALSE, JTokenType.BOOLEAN);
            case VALUE_NULL:
                return JValue.createNull();
            default:
                throw readerError("Unexpected token " + t + ".");
        }
    }

    /** Json.NET's ToString(Formatting.Indented / None). */
    public static String write(JToken token, boolean indented) {
        StringBuilder b = new StringBuilder();
        write(token, indented, 0, b);
        return b.toString();
    }

    private static void write(JToken t, boolean indented, int depth, StringBuilder b) {
        if (t instanceof JObject o) {
            List<JProperty> props = o.properties();
            if (props.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append('{');
            for (int i = 0; i < props.size(); i++) {
                b.append(i > 0 ? "," : "");
                newline(indented, depth + 1, b);
                writeProperty(props.get(i), indented, depth + 1, b);
            }
            newline(indented, depth, b);
            b.append('}');
        } else if (t instanceof JArray a) {
            List<JToken> items = a.children();
            if (items.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append('[');
            for (int i = 0; i < items.size(); i++) {
                b.append(i > 0 ? "," : "");
                newline(indented, depth + 1, b);
                write(items.get(i), indented, depth + 1, b);
            }
            newline(indented, depth, b);
            b.append(']');
        } else if (t instanceof JProperty p) {
            writeProperty(p, indented, depth, b);
        } else {
            writeValue((JValue) t, b);
        }
    }

    private static void writeProperty(JProperty p, boolean indented, int depth, StringBuilder b) {
        quote(p.name(), b);
        b.append(indented ? ": " : ":");
        write(p.value(), indented, depth, b);
    }

    private static void newline(boolean indented, int depth, StringBuilder b) {
        if (indented) {
            // Environment.NewLine of the self-hosted gateway, which runs on Linux.
            b.append('\n');
            b.append("  ".repeat(depth));
        }
    }

    private static void writeValue(JValue v, StringBuilder b) {
        Object value = v.value();
        switch (v.type()) {
            case JTokenType.NULL, JTokenType.UNDEFINED -> b.append("null");
            case JTokenType.BOOLEAN -> b.append((Boolean) value ? "true" : "false");
            case JTokenType.INTEGER -> b.append(value.toString());
            case JTokenType.FLOAT -> b.append(floatText(value));
            case JTokenType.DATE -> quote(value instanceof DotNetDateTimeOffset o
                    ? DateTimeFormat.format(o.dateTime(), o, "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz")
                    : DateTimeFormat.format((DotNetDateTime) value, null, "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"), b);
            case JTokenType.BYTES -> quote(Base64.getEncoder().encodeToString((byte[]) value), b);
            case JTokenType.GUID, JTokenType.TIMESPAN, JTokenType.URI, JTokenType.STRING -> quote(v.toString(), b);
            default -> b.append(value);
        }
    }

    /** A float as Json.NET writes it: round-trip digits, ".0" added to whole numbers. */
    static String floatText(Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return "\"" + NumberFormatter.toString(d) + "\"";
        }
        String s = value instanceof BigDecimal m ? m.toPlainString() : NumberFormatter.toString(value);
        return s.contains(".") || s.contains("E") || s.contains("e") ? s : s + ".0";
    }

    /** A JSON string literal with Json.NET's default escaping (control characters, quote, backslash). */
    public static void quote(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
