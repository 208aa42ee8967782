package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.Ref;
import dev.breakwater.gateway.policy.expression.runtime.BasicAuthCredentials;
import dev.breakwater.gateway.policy.expression.runtime.Jwt;
import dev.breakwater.gateway.policy.expression.types.TypeDef;

/** APIM's Jwt and BasicAuthCredentials, and the string extensions AsJwt, TryParseJwt, AsBasic, TryParseBasic. */
final class JwtArea implements LibraryArea {

    private TypeBuilder jwt;
    private TypeBuilder basic;
    private TypeBuilder extensions;

    @Override
    public void declare(LibraryBuilder b) {
        jwt = b.declare(ContextArea.NS, "Jwt", TypeDef.Kind.CLASS, Jwt.class);
        basic = b.declare(ContextArea.NS, "BasicAuthCredentials", TypeDef.Kind.CLASS, BasicAuthCredentials.class);
        extensions = b.builder(ContextArea.NS + ".ExpressionSyntaxExtensions", 0);
    }

    private static Jwt j(Object o) {
        return (Jwt) o;
    }

    @Override
    public void define(LibraryBuilder b) {
        jwt.prop("string Algorithm", o -> j(o).algorithm())
                .prop("string Type", o -> j(o).type())
                .prop("string Id", o -> j(o).id())
                .prop("string Issuer", o -> j(o).issuer())
                .prop("string Subject", o -> j(o).subject())
                .prop("IEnumerable<string> Audiences", o -> j(o).audiences())
                .prop("DateTime? ExpirationTime", o -> j(o).expirationTime())
                .prop("DateTime? NotBefore", o -> j(o).notBefore())
                .prop("DateTime? IssuedAt", o -> j(o).issuedAt())
                .prop("IReadOnlyDictionary<string, string[]> Claims", o -> j(o).claims())
                .prop("IReadOnlyDictionary<string, string[]> Header", o -> j(o).header());
        basic.prop("string UserId", o -> ((BasicAuthCredentials) o).userId())
                .prop("string Username", o -> ((BasicAuthCredentials) o).userId())
                .prop("string Password", o -> ((BasicAuthCredentials) o).password());
        extensions.staticMethod("Jwt AsJwt(this string input)", s -> Jwt.parse((String) s))
                .staticMethod("bool TryParseJwt(this string input, out Jwt result)", (s, r) -> {
                    Jwt parsed = Jwt.parse((String) s);
                    return Ref.set(r, parsed, parsed != null);
                })
                .staticMethod("BasicAuthCredentials AsBasic(this string input)", s -> BasicAuthCredentials.parse((String) s))
                .staticMethod("bool TryParseBasic(this string input, out BasicAuthCredentials result)", (s, r) -> {
                    BasicAuthCredentials parsed = BasicAuthCredentials.parse((String) s);
                    return Ref.set(r, parsed, parsed != null);
                });
    }
}
