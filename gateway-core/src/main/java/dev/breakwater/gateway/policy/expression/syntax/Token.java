package dev.breakwater.gateway.policy.expression.syntax;

/**
 * One token of C# source.
 *
 * @param kind     what it is
 * @param text     identifier or keyword name, operator spelling, or the literal as written
 * @param value    a literal's value (String, Character, number, interpolation parts), else null
 * @param position offset of its first character in the expression text
 * @param end      offset just after its last character (to tell {@code >>} from {@code > >})
 */
public record Token(TokenKind kind, String text, Object value, int position, int end) {

    public boolean is(TokenKind k, String t) {
        return kind == k && text.equals(t);
    }

    public boolean isOperator(String op) {
        return kind == TokenKind.OPERATOR && text.equals(op);
    }

    public boolean isKeyword(String keyword) {
        return kind == TokenKind.KEYWORD && text.equals(keyword);
    }

    /** How the token reads in an error message. */
    public String describe() {
        return kind == TokenKind.EOF ? "end of expression" : "'" + text + "'";
    }
}
