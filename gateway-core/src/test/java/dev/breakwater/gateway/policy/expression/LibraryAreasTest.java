package dev.breakwater.gateway.policy.expression;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static dev.breakwater.gateway.policy.expression.Expressions.eval;
import static dev.breakwater.gateway.policy.expression.Expressions.runtimeError;
import static dev.breakwater.gateway.policy.expression.Expressions.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JWT, Basic credentials, regular expressions, encodings, hashing, URIs, StringBuilder. */
class LibraryAreasTest {

    /** The example token of jwt.io (HS256, secret "your-256-bit-secret"). */
    static final String JWT_IO = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    static String signedToken() throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"https://sts.example.com/\",\"aud\":[\"api://one\",\"api://two\"],"
                + "\"exp\":1709650000,\"nbf\":1709640000,\"jti\":\"id-1\",\"roles\":[\"reader\",\"writer\"],\"tid\":\"t-9\"}")
                .getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("secret-key-secret-key-secret-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = b64.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.UTF_8)));
        return header + "." + payload + "." + signature;
    }

    @Test
    void jwtsAreParsedNotValidated() throws Exception {
        InMemoryContext c = new InMemoryContext();
        c.request.headers.put("Authorization", new String[] {"Bearer " + signedToken()});
        c.variables.put("raw", JWT_IO);
        assertEquals("1234567890 HS256 JWT", eval("@{ var j = ((string)context.Variables[\"raw\"]).AsJwt(); return j.Subject + \" \" + j.Algorithm + \" \" + j.Type; }", c));
        assertEquals("2018-01-18T01:30:22Z", eval("@(((string)context.Variables[\"raw\"]).AsJwt().IssuedAt.Value.ToString(\"yyyy-MM-ddTHH:mm:ssZ\"))", c));
        String auth = "context.Request.Headers.GetValueOrDefault(\"Authorization\", \"\").Split(' ')[1]";
        assertEquals("https://sts.example.com/", eval("@(" + auth + ".AsJwt().Issuer)", c));
        assertEquals("api://one|api://two", eval("@(string.Join(\"|\", " + auth + ".AsJwt().Audiences))", c));
        assertEquals("reader,writer", eval("@(" + auth + ".AsJwt().Claims.GetValueOrDefault(\"roles\", \"\"))", c));
        assertEquals("t-9", eval("@(" + auth + ".AsJwt().Claims[\"tid\"][0])", c));
        assertEquals(true, eval("@(" + auth + ".AsJwt().ExpirationTime > DateTime.UtcNow)", c));
        assertEquals("id-1", eval("@{ Jwt jwt; return " + auth + ".TryParseJwt(out jwt) ? jwt.Id : \"none\"; }", c));
        assertNull(eval("@(\"not-a-token\".AsJwt())", c));
        assertEquals(false, eval("@(\"a.b.c\".TryParseJwt(out var j))", c));
    }

    @Test
    void basicCredentials() {
        InMemoryContext c = new InMemoryContext();
        c.request.headers.put("Authorization", new String[] {"Basic " + Base64.getEncoder().encodeToString("ann:s3:cret".getBytes())});
        assertEquals("ann/s3:cret", eval("@{ var b = context.Request.Headers.GetValueOrDefault(\"Authorization\", \"\").AsBasic(); return b.UserId + \"/\" + b.Password; }", c));
        assertNull(eval("@(\"Basic !!!\".AsBasic())", c));
        assertEquals(false, eval("@(\"Bearer x\".TryParseBasic(out var creds))", c));
    }

    @Test
    void regularExpressions() {
        assertEquals(true, eval("@(Regex.IsMatch(\"ABC-123\", \"^[a-z]+-\\\\d+$\", RegexOptions.IgnoreCase))"));
        assertEquals("2024|03", eval("@{ var m = Regex.Match(\"on 2024-03-05\", @\"(?<year>\\d{4})-(?<month_of_year>\\d{2})\"); return m.Groups[\"year\"].Value + \"|\" + m.Groups[\"month_of_year\"].Value; }"));
        assertEquals("x", eval("@{ var m = Regex.Match(\"ab\", @\"(a)(?<n>b)\"); return m.Groups[1].Value == \"a\" && m.Groups[2].Value == \"b\" ? \"x\" : \"y\"; }"));
        assertEquals("", eval("@(Regex.Match(\"abc\", \"z(?<g>.)\").Groups[\"g\"].Value)"));
        assertEquals(false, eval("@(Regex.Match(\"abc\", \"z\").Success)"));
        assertEquals("a-b-c", eval("@(Regex.Replace(\"a b  c\", @\"\\s+\", \"-\"))"));
        assertEquals("03/05/2024", eval("@(Regex.Replace(\"2024-03-05\", @\"(?<y>\\d+)-(?<m>\\d+)-(?<d>\\d+)\", \"${m}/${d}/${y}\"))"));
        assertEquals("$5", eval("@(Regex.Replace(\"5\", \"\\\\d\", \"$$$&\"))"));
        assertEquals("A1B2", eval("@(Regex.Replace(\"a1b2\", \"[a-z]\", m => m.Value.ToUpper()))"));
        assertEquals(3, eval("@(Regex.Matches(\"a1b22c333\", @\"\\d+\").Count)"));
        assertEquals("1,22,333", eval("@(string.Join(\",\", Regex.Matches(\"a1b22c333\", @\"\\d+\").Select(m => m.Value)))"));
        assertEquals(3, eval("@(Regex.Split(\"a,b;c\", \"[,;]\").Length)"));
        assertEquals("a\\.b\\*", eval("@(Regex.Escape(\"a.b*\"))"));
        assertEquals(true, eval("@(new Regex(@\"(?<w>\\w)\\k<w>\").IsMatch(\"hello\"))"));
        assertEquals("Breakwater.ExpressionBudgetExceeded",
                runtimeError("@(Regex.IsMatch(new string('a', 40) + \"b\", \"^(.*a){12}$\"))", new InMemoryContext()).exceptionType(),
                "catastrophic backtracking ends with the budget");
    }

    @Test
    void encodingsAndHashes() {
        assertEquals("aGVsbG8=", eval("@(Convert.ToBase64String(Encoding.UTF8.GetBytes(\"hello\")))"));
        assertEquals("hello", eval("@(Encoding.UTF8.GetString(Convert.FromBase64String(\"aGVsbG8=\")))"));
        assertEquals("2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824",
                eval("@(BitConverter.ToString(SHA256.Create().ComputeHash(Encoding.UTF8.GetBytes(\"hello\"))).Replace(\"-\", \"\"))"));
        assertEquals("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                eval("@(BitConverter.ToString(new HMACSHA256(Encoding.UTF8.GetBytes(\"key\")).ComputeHash(Encoding.ASCII.GetBytes(\"The quick brown fox jumps over the lazy dog\"))).Replace(\"-\", \"\").ToLowerInvariant())"));
        assertEquals("5D-41-40-2A-BC-4B-2A-76-B9-71-9D-91-10-17-C5-92", eval("@(BitConverter.ToString(MD5.Create().ComputeHash(Encoding.UTF8.GetBytes(\"hello\"))))"));
        assertEquals("plain text", eval("@{ var key = new byte[16]; var iv = new byte[16]; var c = Encoding.UTF8.GetBytes(\"plain text\").Encrypt(\"Aes\", key, iv); return Encoding.UTF8.GetString(c.Decrypt(\"Aes\", key, iv)); }"));
        assertEquals(255, eval("@(Convert.ToInt32(\"ff\", 16))"));
        assertEquals("System.FormatException", runtimeError("@(Convert.FromBase64String(\"***\"))", new InMemoryContext()).exceptionType());
    }

    @Test
    void urisAndUrlEncoding() {
        assertEquals("example.com|8443|/a/b|?x=1|https", eval("@{ var u = new Uri(\"https://Example.com:8443/a/b?x=1\"); return u.Host + \"|\" + u.Port + \"|\" + u.AbsolutePath + \"|\" + u.Query + \"|\" + u.Scheme; }"));
        assertEquals(443, eval("@(new Uri(\"https://example.com/\").Port)"));
        assertEquals("a%20b%2Fc%3F%26", eval("@(Uri.EscapeDataString(\"a b/c?&\"))"));
        assertEquals("a b/c", eval("@(Uri.UnescapeDataString(\"a%20b%2Fc\"))"));
        assertEquals("a+b%2Fc%3D", eval("@(WebUtility.UrlEncode(\"a b/c=\"))"));
        assertEquals("a b", eval("@(System.Net.WebUtility.UrlDecode(\"a+b\"))"));
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;", eval("@(WebUtility.HtmlEncode(\"<b> & \\\"x\\\" '\"))"));
        assertEquals("System.UriFormatException", runtimeError("@(new Uri(\"relative/path\"))", new InMemoryContext()).exceptionType());
    }

    @Test
    void stringBuilderAndRandom() {
        assertEquals("a1\nb", str("@{ var sb = new StringBuilder(); sb.Append(\"a\").Append(1).AppendLine(); sb.Append('b'); return sb.ToString(); }"));
        assertEquals("xyz", str("@(new StringBuilder(\"xz\").Insert(1, \"y\").ToString())"));
        assertTrue((Integer) eval("@(new Random().Next(1, 3))") >= 1);
    }

    @Test
    void fullyQualifiedNamesResolve() {
        assertEquals(true, eval("@(System.Text.RegularExpressions.Regex.IsMatch(\"a\", \"a\"))"));
        assertEquals("{}", str("@(new Newtonsoft.Json.Linq.JObject().ToString())"));
        assertEquals("1", eval("@(System.Convert.ToString(1))"));
        assertEquals(2, eval("@(new System.Collections.Generic.List<int> { 1, 2 }.Count)"));
        assertEquals(32, eval("@(System.Security.Cryptography.SHA256.Create().ComputeHash(System.Text.Encoding.UTF8.GetBytes(\"x\")).Length)"));
    }
}
