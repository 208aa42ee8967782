package dev.breakwater.gateway.policy.expression;

import dev.breakwater.gateway.policy.expression.runtime.json.JObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.breakwater.gateway.policy.expression.Expressions.eval;
import static dev.breakwater.gateway.policy.expression.Expressions.runtimeError;
import static dev.breakwater.gateway.policy.expression.Expressions.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonTest {

    private static InMemoryContext withBody(String json) {
        InMemoryContext c = new InMemoryContext();
        c.request.body = new InMemoryContext.InMemoryBody(json);
        return c;
    }

    @Test
    void writesLikeNewtonsoft() {
        assertEquals("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null,\n    \"x\"\n  ],\n  \"c\": {}\n}",
                str("@(JObject.Parse(\"{'a':1,'b':[true,null,'x'],'c':{}}\").ToString())"));
        assertEquals("{\"a\":1,\"b\":[]}", str("@(JObject.Parse(\"{\\\"a\\\": 1, \\\"b\\\": []}\").ToString(Formatting.None))"));
        assertEquals("[1.0,1.5,1E+20,0.1]", str("@(JArray.Parse(\"[1.0, 1.5, 1e20, 0.1]\").ToString(Formatting.None))"));
        assertEquals("{\"s\":\"q\\\"b\\\\s\\nnl\\u0001\"}", str("@(new JObject(new JProperty(\"s\", \"q\\\"b\\\\s\\nnl\\u0001\")).ToString(Formatting.None))"));
        assertEquals("{\"n\":1,\"d\":2.5,\"t\":true,\"z\":null}",
                str("@(new JObject(new JProperty(\"n\", 1), new JProperty(\"d\", 2.5), new JProperty(\"t\", true), new JProperty(\"z\", null)).ToString(Formatting.None))"));
        assertEquals("{\"name\":\"Ann\",\"tags\":[\"a\",\"b\"]}", str("@(JsonConvert.SerializeObject(new { name = \"Ann\", tags = new[] {\"a\", \"b\"} }))"));
        assertEquals("\"text\"", str("@(JsonConvert.SerializeObject(\"text\"))"));
    }

    @Test
    void readsTokensWithIndexersCastsAndValue() {
        InMemoryContext c = withBody("{\"user\":{\"id\":7,\"name\":\"Ann\",\"tags\":[\"x\",\"y\"],\"score\":1.5,\"ok\":true,\"nothing\":null}}");
        assertEquals(7, eval("@((int)context.Request.Body.As<JObject>(preserveContent: true)[\"user\"][\"id\"])", c));
        assertEquals("Ann", eval("@(context.Request.Body.As<JObject>(true)[\"user\"][\"name\"].Value<string>())", c));
        assertEquals("y", eval("@((string)context.Request.Body.As<JObject>(true).SelectToken(\"$.user.tags[1]\"))", c));
        assertEquals("y", eval("@((string)context.Request.Body.As<JObject>(true).SelectToken(\"user.tags[1]\"))", c));
        assertEquals("Ann", eval("@(context.Request.Body.As<JObject>(true).SelectToken(\"['user']['name']\").ToString())", c));
        assertEquals(1.5, eval("@((double)context.Request.Body.As<JObject>(true)[\"user\"][\"score\"])", c));
        assertEquals(true, eval("@((bool)context.Request.Body.As<JObject>(true)[\"user\"][\"ok\"])", c));
        assertNull(eval("@((string)context.Request.Body.As<JObject>(true)[\"user\"][\"nothing\"])", c));
        assertNull(eval("@(context.Request.Body.As<JObject>(true)[\"missing\"])", c));
        assertEquals(0, eval("@(context.Request.Body.As<JObject>(true)[\"user\"].Value<int>(\"missing\"))", c));
        assertEquals("7", eval("@(context.Request.Body.As<JObject>(true)[\"user\"].Value<string>(\"id\"))", c));
        assertEquals(List.of("x", "y"), eval("@(context.Request.Body.As<JObject>(true)[\"user\"][\"tags\"].Values<string>().ToList())", c));
        assertEquals("Object", str("@(context.Request.Body.As<JObject>(true)[\"user\"].Type)", c));
        assertEquals(true, eval("@(context.Request.Body.As<JObject>(true)[\"user\"][\"tags\"].Type == JTokenType.Array)", c));
        assertEquals("user.tags[1]", eval("@(context.Request.Body.As<JObject>(true)[\"user\"][\"tags\"][1].Path)", c));
        assertEquals(6, eval("@(context.Request.Body.As<JObject>(true)[\"user\"].Children().Count())", c));
        assertEquals("id,name,tags,score,ok,nothing", eval("@(string.Join(\",\", ((JObject)context.Request.Body.As<JObject>(true)[\"user\"]).Properties().Select(p => p.Name)))", c));
    }

    @Test
    void jsonPathAndBodyShapes() {
        InMemoryContext c = withBody("{\"items\":[{\"id\":1,\"tag\":\"a\"},{\"id\":2,\"tag\":\"b\"}],\"deep\":{\"x\":{\"id\":3}}}");
        assertEquals(List.of(1L, 2L), eval("@(context.Request.Body.As<JToken>(true).SelectTokens(\"$.items[*].id\").Select(t => (long)t).ToList())", c));
        assertEquals("b", eval("@((string)context.Request.Body.As<JObject>(true).SelectToken(\"$.items[?(@.id == 2)].tag\"))", c));
        assertEquals(3, eval("@(context.Request.Body.As<JObject>(true).SelectTokens(\"$..id\").Count())", c));
        assertEquals("System.InvalidCastException".length() > 0, true);
        assertEquals("Newtonsoft.Json.JsonException", runtimeError("@(context.Request.Body.As<JObject>(true).SelectToken(\"$.items[*].id\"))", c).exceptionType());
        InMemoryContext array = withBody("[1,2,3]");
        assertEquals(6L, eval("@(context.Request.Body.As<JArray>().Sum(t => (long)t))", array));
        InMemoryContext bytes = withBody("hi");
        assertEquals(2, eval("@(context.Request.Body.As<byte[]>().Length)", bytes));
        assertEquals(true, eval("@(JToken.Parse(\"{}\").HasValues == false && JToken.Parse(\"[1]\").HasValues)"));
        assertEquals(5L, eval("@{ var v = new JValue(5); return (long)v.Value; }"));
        assertEquals("[\"a\",\"b\"]", str("@(JArray.FromObject(new List<string> {\"a\", \"b\"}).ToString(Formatting.None))"));
        assertEquals(List.of("x", "y"), eval("@(JsonConvert.DeserializeObject<List<string>>(\"[\\\"x\\\",\\\"y\\\"]\"))"));
    }

    @Test
    void modifiesTrees() {
        assertEquals("{\"a\":2,\"c\":\"x\",\"d\":[1,\"two\"]}", str("@{ var o = JObject.Parse(\"{\\\"a\\\":1,\\\"b\\\":2}\"); o[\"a\"] = 2; o.Remove(\"b\"); o.Add(\"c\", \"x\"); o[\"d\"] = new JArray(1, \"two\"); return o.ToString(Formatting.None); }"));
        assertEquals("{\"keep\":1}", str("@{ var o = JObject.Parse(\"{\\\"keep\\\":1,\\\"drop\\\":2}\"); o.Property(\"drop\").Remove(); return o.ToString(Formatting.None); }"));
        assertEquals("{\"a\":{\"b\":3}}", str("@{ var o = new JObject { [\"a\"] = new JObject { [\"b\"] = 3 } }; return o.ToString(Formatting.None); }"));
        assertEquals("[1,2,3]", str("@{ var a = new JArray(); foreach (var i in new[] {1, 2, 3}) { a.Add(i); } return a.ToString(Formatting.None); }"));
        assertEquals("{\"x\":[1]}", str("@{ var a = new JArray(1); var o = new JObject(); o[\"x\"] = a; return o.ToString(Formatting.None); }"));
        assertEquals(2, eval("@{ var t = JToken.Parse(\"[1,2]\"); var copy = t.DeepClone(); ((JArray)t).RemoveAt(0); return ((JArray)copy).Count; }"));
        assertEquals("b", eval("@{ foreach (var p in JObject.Parse(\"{'a':1,'b':2}\")) { if ((int)p.Value == 2) { return p.Key; } } return null; }"));
    }

    @Test
    void parseErrorsAreJsonReaderExceptions() {
        InMemoryContext c = withBody("not json");
        assertEquals("Newtonsoft.Json.JsonReaderException", runtimeError("@(context.Request.Body.As<JObject>())", c).exceptionType());
        assertEquals("Newtonsoft.Json.JsonReaderException", runtimeError("@(JObject.Parse(\"[1]\"))", c).exceptionType());
        assertEquals("System.ArgumentException", runtimeError("@((int)JObject.Parse(\"{}\"))", c).exceptionType());
        assertEquals("safe", eval("@{ try { return (string)JObject.Parse(\"{oops\")[\"a\"]; } catch (JsonReaderException) { return \"safe\"; } }", c));
    }

    @Test
    void resultsAreTheTokensThemselves() {
        Object o = eval("@(JObject.Parse(\"{}\"))");
        assertInstanceOf(JObject.class, o);
        assertEquals("{}", DotNetValues.formatValue(o));
        assertEquals("abc", DotNetValues.formatValue(eval("@(JToken.Parse(\"\\\"abc\\\"\"))")));
    }
}
