package dev.breakwater.gateway.policy.expression;

import dev.breakwater.gateway.policy.expression.context.ResponseView;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.breakwater.gateway.policy.expression.Expressions.compile;
import static dev.breakwater.gateway.policy.expression.Expressions.compileError;
import static dev.breakwater.gateway.policy.expression.Expressions.eval;
import static dev.breakwater.gateway.policy.expression.Expressions.runtimeError;
import static dev.breakwater.gateway.policy.expression.Expressions.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextModelTest {

    private static InMemoryContext request() {
        InMemoryContext c = new InMemoryContext();
        c.request.headers.put("Authorization", new String[] {"Bearer abc"});
        c.request.headers.put("Accept", new String[] {"text/plain", "application/json"});
        c.request.matched.put("id", "42");
        c.variables.put("count", 3);
        c.variables.put("name", "Ann");
        c.variables.put("flag", true);
        return c;
    }

    @Test
    void headersAreCaseInsensitiveAndJoinedWithCommas() {
        InMemoryContext c = request();
        assertEquals("Bearer abc", eval("@(context.Request.Headers.GetValueOrDefault(\"authorization\", \"\"))", c));
        assertEquals("text/plain,application/json", eval("@(context.Request.Headers.GetValueOrDefault(\"Accept\", \"\"))", c));
        assertEquals("none", eval("@(context.Request.Headers.GetValueOrDefault(\"X-Missing\", \"none\"))", c));
        assertNull(eval("@(context.Request.Headers.GetValueOrDefault(\"X-Missing\"))", c));
        assertEquals(true, eval("@(context.Request.Headers.ContainsKey(\"ACCEPT\"))", c));
        assertEquals("text/plain,application/json", eval("@(context.Request.Headers.GetValueOrDefault<string>(\"accept\"))", c));
        assertEquals(2, eval("@(context.Request.Headers.GetValueOrDefault<string[]>(\"accept\").Length)", c));
        assertEquals("42", eval("@(context.Request.MatchedParameters.GetValueOrDefault<string>(\"id\", \"\"))", c));
        assertEquals("b", eval("@(context.Request.Url.Query.GetValueOrDefault<string[]>(\"tag\", new string[0])[1])", c));
        assertEquals("application/json", eval("@(context.Request.Headers[\"Accept\"][1])", c));
        assertEquals("Bearer abc", eval("@{ string[] value; if (context.Request.Headers.TryGetValue(\"Authorization\", out value)) { return value[0]; } return null; }", c));
        assertEquals("System.Collections.Generic.KeyNotFoundException",
                runtimeError("@(context.Request.Headers[\"nope\"][0])", c).exceptionType());
    }

    @Test
    void variablesAreObjectsReadWithCastsOrTypedGetValueOrDefault() {
        InMemoryContext c = request();
        assertEquals(4, eval("@((int)context.Variables[\"count\"] + 1)", c));
        assertEquals("Ann!", eval("@((string)context.Variables[\"name\"] + \"!\")", c));
        assertEquals("Ann", eval("@(context.Variables.GetValueOrDefault<string>(\"name\"))", c));
        assertEquals("dflt", eval("@(context.Variables.GetValueOrDefault<string>(\"missing\", \"dflt\"))", c));
        assertEquals(3, eval("@(context.Variables.GetValueOrDefault(\"count\", 0))", c));
        assertEquals(0, eval("@(context.Variables.GetValueOrDefault<int>(\"missing\"))", c));
        assertEquals(true, eval("@(context.Variables.ContainsKey(\"flag\") && (bool)context.Variables[\"flag\"])", c));
        assertEquals("Ann", eval("@(context.Variables[\"name\"] as string)", c));
        assertNull(eval("@(context.Variables[\"count\"] as string)", c));
        assertEquals(true, eval("@(context.Variables[\"count\"] is int)", c));
        assertEquals(6, eval("@(context.Variables[\"count\"] is int n ? n * 2 : 0)", c));
        assertEquals("System.InvalidCastException", runtimeError("@((string)context.Variables[\"count\"])", c).exceptionType());
        assertEquals("Unable to cast object of type 'System.Int32' to type 'System.String'.",
                runtimeError("@(context.Variables.GetValueOrDefault<string>(\"count\"))", c).getMessage());
    }

    @Test
    void requestUrlApiOperationAndMore() {
        InMemoryContext c = request();
        assertEquals("42", eval("@(context.Request.MatchedParameters[\"id\"])", c));
        assertEquals("42", eval("@(context.Request.MatchedParameters.GetValueOrDefault(\"ID\", \"\"))", c));
        assertEquals("api.example.com", eval("@(context.Request.Url.Host)", c));
        assertEquals("/echo/users/42", eval("@(context.Request.Url.Path)", c));
        assertEquals(443, eval("@(context.Request.Url.Port)", c));
        assertEquals("a,b", eval("@(context.Request.Url.Query.GetValueOrDefault(\"tag\", \"\"))", c));
        assertEquals("?name=Ann&tag=a&tag=b", eval("@(context.Request.Url.QueryString)", c));
        assertEquals("https://api.example.com/echo/users/42?name=Ann&tag=a&tag=b", eval("@(context.Request.OriginalUrl.ToString())", c));
        assertEquals("POST", eval("@(context.Request.Method)", c));
        assertEquals("203.0.113.7", eval("@(context.Request.IpAddress)", c));
        assertEquals("echo-api/Echo API/echo/v1", eval("@(context.Api.Id + \"/\" + context.Api.Name + \"/\" + context.Api.Path + \"/\" + context.Api.Version)", c));
        assertEquals("backend.example.com:8443", eval("@(context.Api.ServiceUrl.Host + \":\" + context.Api.ServiceUrl.Port)", c));
        assertEquals("Ocp-Apim-Subscription-Key", eval("@(context.Api.SubscriptionKeyParameterNames.Header)", c));
        assertEquals("GET /users/{id}", eval("@(context.Operation.Method + \" \" + context.Operation.UrlTemplate)", c));
        assertEquals("gw-1 West Europe gw-1-instance-7 False", eval("@(context.Deployment.GatewayId + \" \" + context.Deployment.Region + \" \" + context.Deployment.Gateway.InstanceId + \" \" + context.Deployment.Gateway.IsManaged)", c));
        assertEquals("5f2c3a1e-8d4b-4c6a-9e7f-0a1b2c3d4e5f", str("@(context.RequestId)", c));
        assertEquals("5f2c3a1e8d4b4c6a9e7f0a1b2c3d4e5f", eval("@(context.RequestId.ToString(\"N\"))", c));
        assertEquals("2024-03-05T14:07:07.6234567Z", eval("@(context.Timestamp.ToString(\"o\"))", c));
        assertEquals(1.5, eval("@(context.Elapsed.TotalSeconds)", c));
        assertEquals(true, eval("@(context.Tracing)", c));
        assertEquals(0, eval("@(((int?)null).GetValueOrDefault())", c));
        assertEquals(true, eval("@((RegexOptions.IgnoreCase | RegexOptions.Multiline).HasFlag(RegexOptions.Multiline))", c));
    }

    @Test
    void nullPartsTypeCheckAndReadAsNull() {
        InMemoryContext c = request();
        assertNull(eval("@(context.Subscription?.Key)", c));
        assertEquals("anonymous", eval("@(context.User?.Email ?? \"anonymous\")", c));
        assertEquals("none", eval("@(context.Product?.Name ?? \"none\")", c));
        assertEquals(false, eval("@(context.Product != null && context.Product.SubscriptionRequired)", c));
        assertEquals("System.NullReferenceException", runtimeError("@(context.Subscription.Name)", c).exceptionType());
        assertNull(eval("@(context.LastError?.Reason)", c));
    }

    @Test
    void lastErrorAndClientCertificate() {
        InMemoryContext c = request();
        c.lastError = new dev.breakwater.gateway.policy.expression.context.LastErrorView() {
            public String source() {
                return "set-variable";
            }

            public String reason() {
                return ExpressionEvaluationException.REASON;
            }

            public String message() {
                return "Expression evaluation failed. Object reference not set to an instance of an object.";
            }

            public String scope() {
                return "api";
            }

            public String section() {
                return "inbound";
            }

            public String path() {
                return "choose[1]/when[1]";
            }

            public String policyId() {
                return "sv-1";
            }
        };
        assertEquals("set-variable|ExpressionValueEvaluationFailure|api|inbound|choose[1]/when[1]|sv-1",
                eval("@(string.Join(\"|\", context.LastError.Source, context.LastError.Reason, context.LastError.Scope, context.LastError.Section, context.LastError.Path, context.LastError.PolicyId))", c));
        c.request.certificate = new dev.breakwater.gateway.policy.expression.context.CertificateView() {
            public String subject() {
                return "CN=client";
            }

            public String issuer() {
                return "CN=ca";
            }

            public String thumbprint() {
                return "A1B2C3";
            }

            public String serialNumber() {
                return "01";
            }

            public java.time.Instant notBefore() {
                return java.time.Instant.parse("2024-01-01T00:00:00Z");
            }

            public java.time.Instant notAfter() {
                return java.time.Instant.parse("2025-01-01T00:00:00Z");
            }

            public boolean verify() {
                return true;
            }

            public byte[] rawData() {
                return new byte[] {1, 2};
            }
        };
        assertEquals(true, eval("@(context.Request.Certificate != null && context.Request.Certificate.Thumbprint == \"A1B2C3\" && context.Request.Certificate.Verify())", c));
        assertEquals(true, eval("@(context.Request.Certificate.NotAfter > DateTime.Now)", c));
        assertEquals("CN=client", eval("@(context.Request.Certificate?.Subject)", c));
    }

    @Test
    void traceWritesToTheContext() {
        InMemoryContext c = request();
        eval("@{ context.Trace(\"hello \" + context.Variables[\"name\"]); return true; }", c);
        assertEquals(java.util.List.of("hello Ann"), c.traces);
    }

    @Test
    void responseStatusAndHeaders() {
        InMemoryContext c = request();
        c.response.status = 404;
        c.response.headers.put("Cache-Control", new String[] {"public, max-age=60"});
        assertEquals("404", eval("@(context.Response.StatusCode.ToString())", c));
        assertEquals("60", eval("@(Regex.Match(context.Response.Headers.GetValueOrDefault(\"Cache-Control\",\"\"), @\"max-age=(?<maxAge>\\d+)\").Groups[\"maxAge\"]?.Value)", c));
        assertEquals(3600, eval("@(context.Variables.ContainsKey(\"maxAge\") ? int.Parse((string)context.Variables[\"maxAge\"]) : 3600)", c));
    }

    @Test
    void bodyIsConsumedUnlessPreservedAsApimDoes() {
        InMemoryContext c = request();
        c.request.body = new InMemoryContext.InMemoryBody("{\"a\":1}");
        assertEquals("{\"a\":1}", eval("@(context.Request.Body.As<string>(preserveContent: true))", c));
        assertEquals(1, eval("@((int)context.Request.Body.As<JObject>()[\"a\"])", c));
        assertEquals("", eval("@(context.Request.Body.As<string>())", c));
    }

    @Test
    void usesTellWhichBodiesAreRead() {
        assertEquals(Set.of(ExpressionUse.REQUEST_BODY), compile("@(context.Request.Body.As<string>())").uses());
        assertEquals(Set.of(ExpressionUse.RESPONSE_BODY), compile("@(context.Response.Body.As<JObject>())").uses());
        assertEquals(Set.of(), compile("@(((IResponse)context.Variables[\"r\"]).Body.As<JObject>())").uses());
        assertEquals(Set.of(), compile("@(context.Request.Headers.Count)").uses());
    }

    @Test
    void aSendRequestResponseInAVariableIsAnIResponse() {
        InMemoryContext c = request();
        InMemoryContext.InMemoryResponse stored = new InMemoryContext.InMemoryResponse();
        stored.body = new InMemoryContext.InMemoryBody("{\"access_token\":\"t0k\"}");
        stored.status = 201;
        c.variables.put("tokenResponse", stored);
        assertEquals("Bearer t0k", eval("@(\"Bearer \" + (String)((IResponse)context.Variables[\"tokenResponse\"]).Body.As<JObject>()[\"access_token\"])", c));
        assertEquals(201, eval("@(((IResponse)context.Variables[\"tokenResponse\"]).StatusCode)", c));
        assertTrue(stored instanceof ResponseView);
    }

    @Test
    void formUrlEncodedBodies() {
        InMemoryContext c = request();
        c.request.body = new InMemoryContext.InMemoryBody("state=abc%20d&code=x+y&code=z");
        assertEquals("abc d|x y,z", eval("@{ var form = context.Request.Body.AsFormUrlEncodedContent(true); return form[\"state\"].Single() + \"|\" + string.Join(\",\", form[\"code\"]); }", c));
    }

    @Test
    void bodyTypesOutsideTheSupportedOnesAreRefused() {
        assertTrue(compileError("@(context.Request.Body.As<int>())").contains("As<T> reads a body as string, byte[], JObject, JArray or JToken"));
        assertTrue(compileError("@(context.Request.Body.As<XDocument>())").contains("'XDocument' is not supported yet"));
        assertTrue(compileError("@(context.Request.Foo)").contains("'Foo' is not a member of IRequest"));
    }

    @Test
    void contextMembersAreReadOnly() {
        assertTrue(compileError("@{ context.Request.Method = \"GET\"; return 1; }").contains("left-hand side of an assignment"));
        Map<String, Object> unused = Map.of();
        assertTrue(unused.isEmpty());
    }
}
