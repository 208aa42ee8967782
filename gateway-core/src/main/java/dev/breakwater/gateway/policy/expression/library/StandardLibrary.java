package dev.breakwater.gateway.policy.expression.library;

import java.util.List;

/**
 * Builds the standard library: every area declares its types, then every area defines members, then
 * names that exist in .NET but are refused here get their reason.
 */
final class StandardLibrary {

    private StandardLibrary() {
    }

    static Library build() {
        LibraryBuilder b = new LibraryBuilder();
        ContextArea context = new ContextArea();
        List<LibraryArea> areas = List.of(new CoreArea(), new StringArea(), new MathArea(), new CollectionsArea(),
                new LinqArea(), new DateTimeArea(), new TimeArea(), context, new MessageArea(), new JsonArea(),
                new ExceptionArea(), new UriArea(), new EncodingArea(), new CryptoArea(), new RegexArea(), new JwtArea(),
                new TextArea());
        for (LibraryArea a : areas) {
            a.declare(b);
        }
        for (LibraryArea a : areas) {
            a.define(b);
        }
        Refusals.register(b);
        return b.build(context.contextType());
    }
}
