package dev.breakwater.gateway.policy.xml;

/**
 * Turns a policy document as APIM users write it into well-formed XML. APIM accepts C# policy
 * expressions with raw {@code "}, {@code '}, {@code <} and {@code &} in them
 * ({@code condition="@(context.Request.Headers.GetValueOrDefault<string>("a", "") != "")"});
 * an XML parser does not. This pre-pass escapes, inside each expression only, the characters
 * XML would misread, and nothing else:
 * <ul>
 *   <li>an attribute value that is an expression (it starts, after optional whitespace, with
 *       {@code @(} or <code>@{</code>, and its closing quote follows the expression's end);</li>
 *   <li>an expression anywhere in element text.</li>
 * </ul>
 * The end of an expression is found by {@link ExpressionScanner}, which knows C# literals and
 * comments. CDATA sections, comments and processing instructions are copied as they are, a
 * DOCTYPE ends the rewriting (the parser refuses it), and an expression without an end is left
 * alone for the parser to report.
 *
 * <p>Guarantees: the result has exactly the line structure of the input (only characters other
 * than line breaks are replaced; a line break inside an attribute expression is written as
 * {@code &#10;} and the break itself moved just after the attribute's closing quote, so that the
 * parser neither flattens it to a space, which would let a {@code //} comment swallow the rest of
 * the expression, nor moves the lines that follow). A document that is already well-formed reads
 * as before, except that line breaks and tabs in its attribute expressions are kept; it comes out
 * byte for byte unless such an expression spans lines or holds a tab: only characters that cannot stand raw at their place are escaped ({@code <}; a bare
 * {@code &}, not one that starts an entity or character reference; in an attribute, its own
 * quote; in text, the {@code >} of {@code ]]>}).
 */
public final class LenientXml {

    private LenientXml() {
    }

    /** The document with its policy expressions escaped; unchanged if there is nothing to escape. */
    public static String wellFormed(String document) {
        return new DocumentRewriter(document).rewrite();
    }
}
