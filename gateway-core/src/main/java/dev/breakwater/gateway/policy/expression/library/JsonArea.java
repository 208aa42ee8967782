package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.runtime.Sequences;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Enumerables;
import dev.breakwater.gateway.policy.expression.runtime.EnumValue;
import dev.breakwater.gateway.policy.expression.runtime.json.JArray;
import dev.breakwater.gateway.policy.expression.runtime.json.JContainer;
import dev.breakwater.gateway.policy.expression.runtime.json.JObject;
import dev.breakwater.gateway.policy.expression.runtime.json.JProperty;
import dev.breakwater.gateway.policy.expression.runtime.json.JToken;
import dev.breakwater.gateway.policy.expression.runtime.json.JValue;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonConversions;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonPath;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonText;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonValues;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Newtonsoft.Json: the JToken family, JTokenType, Formatting and JsonConvert. */
final class JsonArea implements LibraryArea {

    static final String LINQ = "Newtonsoft.Json.Linq";

    private TypeBuilder token;
    private TypeBuilder container;
    private TypeBuilder object;
    private TypeBuilder array;
    private TypeBuilder property;
    private TypeBuilder value;
    private TypeBuilder tokenType;
    private TypeBuilder formatting;
    private TypeBuilder convert;

    @Override
    public void declare(LibraryBuilder b) {
        token = b.declare(LINQ, "JToken", TypeDef.Kind.CLASS, JToken.class);
        container = b.declare(LINQ, "JContainer", TypeDef.Kind.CLASS, JContainer.class);
        object = b.declare(LINQ, "JObject", TypeDef.Kind.CLASS, JObject.class);
        array = b.declare(LINQ, "JArray", TypeDef.Kind.CLASS, JArray.class);
        property = b.declare(LINQ, "JProperty", TypeDef.Kind.CLASS, JProperty.class);
        value = b.declare(LINQ, "JValue", TypeDef.Kind.CLASS, JValue.class);
        tokenType = b.declare(LINQ, "JTokenType", TypeDef.Kind.ENUM, EnumValue.class);
        formatting = b.declare("Newtonsoft.Json", "Formatting", TypeDef.Kind.ENUM, EnumValue.class);
        convert = b.declare("Newtonsoft.Json", "JsonConvert", TypeDef.Kind.STATIC, null);
    }

    private static JToken t(Object o) {
        return (JToken) o;
    }

    private static boolean indented(Object formatting) {
        return ((EnumValue) formatting).value() == 1;
    }

    @Override
    public void define(LibraryBuilder b) {
        String[] types = {"None", "Object", "Array", "Constructor", "Property", "Comment", "Integer", "Float", "String",
            "Boolean", "Null", "Undefined", "Date", "Raw", "Bytes", "Guid", "Uri", "TimeSpan"};
        for (int i = 0; i < types.length; i++) {
            tokenType.enumMember(types[i], i);
        }
        formatting.enumMember("None", 0).enumMember("Indented", 1);
        TypeDef typeDef = tokenType.def();
        token.supertypes("IEnumerable<JToken>")
                .prop("JTokenType Type", o -> new EnumValue(typeDef, t(o).type()))
                .prop("JContainer Parent", o -> t(o).parent())
                .prop("JToken Root", o -> t(o).root())
                .prop("string Path", o -> t(o).path())
                .prop("bool HasValues", o -> t(o).hasValues())
                .prop("JToken First", o -> t(o) instanceof JContainer c ? c.first() : null)
                .prop("JToken Last", o -> t(o) instanceof JContainer c ? c.last() : null)
                .prop("JToken Next", o -> t(o).next())
                .prop("JToken Previous", o -> t(o).previous())
                .rawIndexer("JToken this[object key]", (o, k) -> t(o).get(k), (f, o, a) -> {
                    charge(f, a[1]);
                    t(o).set(a[0], t(a[1]));
                    return null;
                })
                .method("IEnumerable<JToken> Children()", o -> new ArrayList<>(t(o).children()))
                .reified().method("T Value<T>(object key)", (o, k, ty) -> JsonConversions.convert(t(o).get(k), (TypeSymbol) ty, true))
                .reified().method("T Value<T>()", (o, ty) -> JsonConversions.convert(t(o), (TypeSymbol) ty, true))
                .reified().method("IEnumerable<T> Values<T>()", (o, ty) -> {
                    List<Object> values = new ArrayList<>();
                    for (JToken c : t(o).children()) {
                        values.add(JsonConversions.convert(c instanceof JProperty p ? p.value() : c, (TypeSymbol) ty, true));
                    }
                    return values;
                })
                .reified().method("T ToObject<T>()", (o, ty) -> JsonConversions.convert(t(o), (TypeSymbol) ty, false))
                .method("JToken SelectToken(string path)", (o, p) -> JsonPath.selectToken(t(o), (String) p, false))
                .method("JToken SelectToken(string path, bool errorWhenNoMatch)", (o, p, e) -> JsonPath.selectToken(t(o), (String) p, (Boolean) e))
                .method("IEnumerable<JToken> SelectTokens(string path)", (o, p) -> JsonPath.selectTokens(t(o), (String) p))
                .method("string ToString(Formatting formatting)", (o, f) -> t(o).toJson(indented(f)))
                .raw("JToken DeepClone()", (f, o, a) -> charged(f, o, t(o).deepClone()))
                .method("void Remove()", o -> {
                    t(o).remove();
                    return null;
                })
                .raw("void Replace(JToken value)", (f, o, a) -> {
                    charge(f, a[0]);
                    t(o).replace(t(a[0]));
                    return null;
                })
                .method("IEnumerable<JToken> Ancestors()", o -> {
                    List<JToken> list = new ArrayList<>();
                    for (JToken p = t(o).parent(); p != null; p = p.parent()) {
                        list.add(p);
                    }
                    return list;
                })
                .staticMethod("JToken Parse(string json)", s -> JsonText.parse((String) s))
                .raw("static JToken FromObject(object o)", (f, x, a) -> charged(f, a[0], JsonValues.from(a[0]).deepClone()))
                .staticMethod("bool DeepEquals(JToken t1, JToken t2)", (x, y) -> x == null || y == null ? x == y
                        : JsonText.write(t(x), false).equals(JsonText.write(t(y), false)));
        new JsonConversionOperators(token).define();
        container.supertypes("JToken")
                .prop("int Count", o -> ((JContainer) o).count())
                .raw("void Add(object content)", (f, o, a) -> {
                    charge(f, a[0]);
                    ((JContainer) o).add(a[0]);
                    return null;
                })
                .method("IEnumerable<JToken> Descendants()", o -> ((JContainer) o).descendants())
                .method("void RemoveAll()", o -> {
                    ((JContainer) o).removeAll();
                    return null;
                });
        new JsonContainerMembers(object, array).define();
        property.supertypes("JContainer")
                .rawCtor("(string name, object content)", (f, x, a) -> {
                    charge(f, a[1]);
                    return new JProperty((String) a[0], JsonValues.from(a[1]));
                })
                .prop("string Name", o -> ((JProperty) o).name())
                .prop("JToken Value", o -> ((JProperty) o).value(), (o, v) -> {
                    ((JProperty) o).setValue(t(v));
                    return null;
                });
        value.supertypes("JToken")
                .ctor("(object value)", v -> JsonValues.from(v) instanceof JValue jv ? jv.deepClone() : notAValue(v))
                .prop("object Value", o -> ((JValue) o).value(), (o, v) -> {
                    ((JValue) o).setValue(v);
                    return null;
                })
                .staticMethod("JValue CreateNull()", JValue::createNull)
                .staticMethod("JValue CreateString(string value)", s -> JValue.ofString((String) s));
        defineConvert();
    }

    /**
     * Charges the budget for content a container adopts: tokens are copied when they already have a
     * parent, so {@code a.Add(a)} in a loop would otherwise double the tree each time.
     */
    static void charge(Frame f, Object content) {
        if (content instanceof JToken t) {
            int n = t.nodeCount();
            f.steps(n);
            f.checkSize(n);
        } else if (content != null && !(content instanceof String) && Enumerables.isEnumerable(content)) {
            f.steps(Sequences.count(content));
        }
    }

    private static Object charged(Frame f, Object source, JToken result) {
        charge(f, result);
        return result;
    }

    private static Object notAValue(Object v) {
        throw DotNetException.argument("Could not determine JSON object type for type " + v + ".");
    }

    private void defineConvert() {
        convert.staticMethod("string SerializeObject(object value)", v -> JsonText.write(JsonValues.from(v), false))
                .staticMethod("string SerializeObject(object value, Formatting formatting)", (v, f) ->
                        JsonText.write(JsonValues.from(v), indented(f)))
                .staticMethod("object DeserializeObject(string value)", s -> JsonText.parse((String) s))
                .reified().staticMethod("T DeserializeObject<T>(string value)", (s, ty) ->
                        JsonConversions.convert(JsonText.parse((String) s), (TypeSymbol) ty, false));
    }

    /** Enumerates any enumerable of tokens (for extension helpers). */
    static Iterator<?> tokens(Object source) {
        return Enumerables.iterate(source);
    }
}
