package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.runtime.DefaultValues;
import dev.breakwater.gateway.policy.expression.context.MessageBody;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Ref;
import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;
import dev.breakwater.gateway.policy.expression.runtime.UrlEncoding;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonText;
import dev.breakwater.gateway.policy.expression.runtime.json.JToken;
import dev.breakwater.gateway.policy.expression.types.ArrayType;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IMessageBody ({@code As<T>(preserveContent)}, {@code AsFormUrlEncodedContent}) and APIM's dictionary
 * extensions: {@code GetValueOrDefault} on headers, query and claims (values joined with ","), and the
 * typed {@code GetValueOrDefault<T>} of {@code context.Variables}.
 */
final class MessageArea implements LibraryArea {

    private static final Set<String> BODY_TYPES = Set.of("string", "byte[]", "JObject", "JArray", "JToken");

    private TypeBuilder body;
    private TypeBuilder apimExtensions;
    private TypeBuilder collectionExtensions;

    @Override
    public void declare(LibraryBuilder b) {
        body = b.declare(ContextArea.NS, "IMessageBody", TypeDef.Kind.INTERFACE, MessageBody.class);
        apimExtensions = b.declare(ContextArea.NS, "ExpressionSyntaxExtensions", TypeDef.Kind.STATIC, null);
        collectionExtensions = b.declare("System.Collections.Generic", "CollectionExtensions", TypeDef.Kind.STATIC, null);
    }

    @Override
    public void define(LibraryBuilder b) {
        body.reified().typeArguments(MessageArea::checkBodyType)
                .raw("T As<T>(bool preserveContent = false)", (f, self, a) ->
                        as(((MessageBody) self).read((Boolean) a[0]), (TypeSymbol) a[1]))
                .method("IDictionary<string, IList<string>> AsFormUrlEncodedContent(bool preserveContent = false)",
                        (self, p) -> form(new String(((MessageBody) self).read((Boolean) p), StandardCharsets.UTF_8)));
        apimExtensions
                .staticMethod("string GetValueOrDefault(this IReadOnlyDictionary<string, string[]> dictionary, string key, string defaultValue = null)",
                        (d, k, def) -> joined(d, k, def))
                .reified().typeArguments(MessageArea::stringOrArray)
                .staticMethod("T GetValueOrDefault<T>(this IReadOnlyDictionary<string, string[]> dictionary, string key, T defaultValue)",
                        (d, k, def, t) -> multi(d, k, def, (TypeSymbol) t))
                .reified().typeArguments(MessageArea::stringOrArray)
                .staticMethod("T GetValueOrDefault<T>(this IReadOnlyDictionary<string, string[]> dictionary, string key)",
                        (d, k, t) -> multi(d, k, null, (TypeSymbol) t))
                .typeArguments(MessageArea::stringOnly)
                .staticMethod("T GetValueOrDefault<T>(this IReadOnlyDictionary<string, string> dictionary, string key, T defaultValue)",
                        (d, k, def) -> lookup(d, k, def))
                .typeArguments(MessageArea::stringOnly)
                .staticMethod("T GetValueOrDefault<T>(this IReadOnlyDictionary<string, string> dictionary, string key)",
                        (d, k) -> lookup(d, k, null))
                .reified().staticMethod("T GetValueOrDefault<T>(this IReadOnlyDictionary<string, object> dictionary, string key, T defaultValue)",
                        (d, k, def, t) -> typed(d, k, def, (TypeSymbol) t))
                .reified().staticMethod("T GetValueOrDefault<T>(this IReadOnlyDictionary<string, object> dictionary, string key)",
                        (d, k, t) -> typed(d, k, DefaultValues.of((TypeSymbol) t), (TypeSymbol) t));
        collectionExtensions
                .staticMethod("TValue GetValueOrDefault<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> dictionary, TKey key)",
                        (d, k) -> lookup(d, k, null))
                .staticMethod("TValue GetValueOrDefault<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> dictionary, TKey key, TValue defaultValue)",
                        (d, k, def) -> lookup(d, k, def));
    }

    private static String stringOrArray(List<TypeSymbol> args) {
        String t = args.get(0).display();
        return t.equals("string") || t.equals("string[]") ? null
                : "GetValueOrDefault<T> on headers, query and claims reads string or string[], not '" + t + "'";
    }

    private static String stringOnly(List<TypeSymbol> args) {
        String t = args.get(0).display();
        return t.equals("string") ? null : "GetValueOrDefault<T> on matched parameters reads string, not '" + t + "'";
    }

    /** Headers and friends: a string joins the values with ",", a string[] is the values themselves. */
    private static Object multi(Object dictionary, Object key, Object defaultValue, TypeSymbol t) {
        Object v = ((Map<?, ?>) dictionary).get(key);
        if (v == null) {
            return defaultValue;
        }
        return t instanceof ArrayType ? v : joined(dictionary, key, defaultValue);
    }

    private static String checkBodyType(List<TypeSymbol> args) {
        TypeSymbol t = args.get(0);
        if (BODY_TYPES.contains(t.display())) {
            return null;
        }
        return "As<T> reads a body as string, byte[], JObject, JArray or JToken, not '" + t.display() + "'";
    }

    static Object as(byte[] bytes, TypeSymbol t) {
        if (t instanceof ArrayType) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (Types.isString(t)) {
            return text;
        }
        JToken token = JsonText.parse(text);
        if (!t.isInstance(token)) {
            String kind = t.display();
            throw DotNetException.of("Newtonsoft.Json.JsonReaderException", "Error reading " + kind
                    + " from JsonReader. Current JsonReader item is not " + (kind.equals("JArray") ? "an array" : "an object")
                    + ": " + (token.type() == 2 ? "StartArray" : token.type() == 1 ? "StartObject" : "String")
                    + ". Path '', line 1, position 1.");
        }
        return token;
    }

    /** {@code a=1&b=x+y}: names to their values, decoded as WebUtility.UrlDecode does. */
    static Map<Object, Object> form(String text) {
        Map<Object, Object> result = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return result;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = UrlEncoding.unescape(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : UrlEncoding.unescape(pair.substring(eq + 1), true);
            @SuppressWarnings("unchecked")
            List<Object> values = (List<Object>) result.computeIfAbsent(name, k -> new ArrayList<>());
            values.add(value);
        }
        return result;
    }

    private static Object joined(Object dictionary, Object key, Object defaultValue) {
        Object v = ((Map<?, ?>) dictionary).get(key);
        if (v == null) {
            return defaultValue;
        }
        String[] values = (String[]) v;
        return values.length == 0 ? defaultValue : String.join(",", values);
    }

    private static Object typed(Object dictionary, Object key, Object defaultValue, TypeSymbol t) {
        Map<?, ?> map = (Map<?, ?>) dictionary;
        if (!map.containsKey(key)) {
            return defaultValue;
        }
        Object v = map.get(key);
        if (v != null && !t.isInstance(v)) {
            throw DotNetException.invalidCast(RuntimeTypes.nameOf(v), Types.dotNetName(t));
        }
        return v;
    }

    private static Object lookup(Object dictionary, Object key, Object defaultValue) {
        Map<?, ?> map = (Map<?, ?>) dictionary;
        Object v = map.get(key);
        return v == null && !map.containsKey(key) ? defaultValue : v;
    }

    static Object setOut(Object cell, Object value, boolean result) {
        return Ref.set(cell, value, result);
    }
}
