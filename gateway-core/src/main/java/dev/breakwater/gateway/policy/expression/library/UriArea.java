package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Ref;
import dev.breakwater.gateway.policy.expression.runtime.DotNetUri;
import dev.breakwater.gateway.policy.expression.runtime.EnumValue;
import dev.breakwater.gateway.policy.expression.runtime.UrlEncoding;
import dev.breakwater.gateway.policy.expression.types.TypeDef;

/** System.Uri, UriKind, UriPartial and System.Net.WebUtility. */
final class UriArea implements LibraryArea {

    private TypeBuilder uri;
    private TypeBuilder kind;
    private TypeBuilder partial;
    private TypeBuilder webUtility;

    @Override
    public void declare(LibraryBuilder b) {
        uri = b.declare("System", "Uri", TypeDef.Kind.CLASS, DotNetUri.class);
        kind = b.declare("System", "UriKind", TypeDef.Kind.ENUM, EnumValue.class);
        partial = b.declare("System", "UriPartial", TypeDef.Kind.ENUM, EnumValue.class);
        webUtility = b.declare("System.Net", "WebUtility", TypeDef.Kind.STATIC, null);
    }

    private static DotNetUri u(Object o) {
        return (DotNetUri) o;
    }

    @Override
    public void define(LibraryBuilder b) {
        kind.enumMember("RelativeOrAbsolute", 0).enumMember("Absolute", 1).enumMember("Relative", 2);
        partial.enumMember("Scheme", 0).enumMember("Authority", 1).enumMember("Path", 2).enumMember("Query", 3);
        uri.ctor("(string uriString)", s -> DotNetUri.parse((String) s))
                .ctor("(string uriString, UriKind uriKind)", (s, k) -> create((String) s, k))
                .ctor("(Uri baseUri, string relativeUri)", (base, rel) -> u(base).resolve((String) rel))
                .prop("string AbsoluteUri", o -> u(o).absoluteUri())
                .prop("string AbsolutePath", o -> u(o).absolutePath())
                .prop("string Host", o -> u(o).host())
                .prop("string DnsSafeHost", o -> u(o).host())
                .prop("int Port", o -> u(o).port())
                .prop("bool IsDefaultPort", o -> u(o).isDefaultPort())
                .prop("string Scheme", o -> u(o).scheme())
                .prop("string Query", o -> u(o).query())
                .prop("string Fragment", o -> u(o).fragment())
                .prop("string PathAndQuery", o -> u(o).pathAndQuery())
                .prop("string Authority", o -> u(o).authority())
                .prop("string UserInfo", o -> u(o).userInfo())
                .prop("string LocalPath", o -> UrlEncoding.unescape(u(o).absolutePath(), false))
                .prop("string OriginalString", o -> u(o).originalString())
                .prop("string[] Segments", o -> u(o).segments())
                .prop("bool IsAbsoluteUri", o -> u(o).isAbsolute())
                .method("string GetLeftPart(UriPartial part)", (o, p) -> leftPart(u(o), ((EnumValue) p).value()))
                .staticMethod("string EscapeDataString(string stringToEscape)", s -> UrlEncoding.escapeDataString(arg(s)))
                .staticMethod("string UnescapeDataString(string stringToUnescape)", s -> UrlEncoding.unescape(arg(s), false))
                .staticMethod("string EscapeUriString(string stringToEscape)", s -> UrlEncoding.escapeUriString(arg(s)))
                .staticMethod("bool IsWellFormedUriString(string uriString, UriKind uriKind)", (s, k) ->
                        DotNetUri.tryParse((String) s, ((EnumValue) k).value() == 1) != null && !((String) s).contains(" "))
                .staticMethod("bool TryCreate(string uriString, UriKind uriKind, out Uri result)", (s, k, r) -> {
                    DotNetUri parsed = DotNetUri.tryParse((String) s, ((EnumValue) k).value() == 1);
                    return Ref.set(r, parsed, parsed != null);
                })
                .operator("bool op_Equality(Uri a, Uri b)", (x, y) -> java.util.Objects.equals(x, y))
                .operator("bool op_Inequality(Uri a, Uri b)", (x, y) -> !java.util.Objects.equals(x, y));
        webUtility.staticMethod("string UrlEncode(string value)", s -> UrlEncoding.urlEncode((String) s))
                .staticMethod("string UrlDecode(string encodedValue)", s -> UrlEncoding.unescape((String) s, true))
                .staticMethod("string HtmlEncode(string value)", s -> UrlEncoding.htmlEncode((String) s))
                .staticMethod("string HtmlDecode(string value)", s -> UrlEncoding.htmlDecode((String) s));
    }

    private static String arg(Object s) {
        if (s == null) {
            throw DotNetException.argumentNull("stringToEscape");
        }
        return (String) s;
    }

    private static Object create(String s, Object kind) {
        long k = ((EnumValue) kind).value();
        DotNetUri parsed = DotNetUri.tryParse(s, k == 1);
        if (parsed == null || k == 2 && parsed.isAbsolute()) {
            throw DotNetException.of("System.UriFormatException", "Invalid URI: The format of the URI could not be determined.");
        }
        return parsed;
    }

    private static String leftPart(DotNetUri u, long part) {
        String scheme = u.scheme() + "://";
        return switch ((int) part) {
            case 0 -> scheme;
            case 1 -> scheme + u.authority();
            case 2 -> scheme + u.authority() + u.absolutePath();
            default -> scheme + u.authority() + u.pathAndQuery();
        };
    }
}
