package dev.breakwater.gateway.policy.expression.syntax;

import java.util.List;

/**
 * A type as written: a (possibly dotted) name or keyword with type arguments, then {@code ?} and
 * {@code []} suffixes, e.g. {@code System.Collections.Generic.List<string>}, {@code int?}, {@code string[]}.
 * {@code var} is a name here; declarations treat it specially.
 *
 * @param arrayRank how many {@code []} follow (jagged arrays); 0 for no array
 */
public record TypeSyntax(int position, String name, List<TypeSyntax> typeArguments, boolean nullable, int arrayRank) {

    public boolean isVar() {
        return name.equals("var") && typeArguments.isEmpty() && !nullable && arrayRank == 0;
    }

    /** The same type with one array rank less (the element type of an array type). */
    public TypeSyntax elementType() {
        return new TypeSyntax(position, name, typeArguments, nullable, arrayRank - 1);
    }

    /** As C# would print it. */
    public String display() {
        StringBuilder b = new StringBuilder(name);
        if (!typeArguments.isEmpty()) {
            b.append('<');
            for (int i = 0; i < typeArguments.size(); i++) {
                b.append(i > 0 ? ", " : "").append(typeArguments.get(i).display());
            }
            b.append('>');
        }
        if (nullable) {
            b.append('?');
        }
        b.append("[]".repeat(arrayRank));
        return b.toString();
    }
}
