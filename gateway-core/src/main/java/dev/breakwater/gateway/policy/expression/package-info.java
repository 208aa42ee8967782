/**
 * APIM policy expressions: a safe, statically typed C# subset, compiled once and evaluated per request.
 *
 * <h2>Use</h2>
 * {@link dev.breakwater.gateway.policy.expression.ExpressionCompiler#compile} takes the text as written
 * ({@code @( … )} or {@code @{ … }}, after XML decoding and named-value substitution), what the policy
 * needs ({@link dev.breakwater.gateway.policy.expression.ExpectedType}) and the document line; it returns a
 * {@link dev.breakwater.gateway.policy.expression.CompiledExpression} or throws an
 * {@link dev.breakwater.gateway.policy.expression.ExpressionException} naming the line and the construct.
 * {@code evaluate(context)} runs it against an
 * {@link dev.breakwater.gateway.policy.expression.ExpressionContext} (APIM's {@code context}, implemented
 * by the engine over its request state with the read-only views of package {@code context}).
 *
 * <h2>Shape</h2>
 * <pre>
 *   text → syntax.Lexer        tokens (regular, verbatim, interpolated and char literals; comments)
 *        → syntax.*Parser      syntax records (syntax.Expr, syntax.Stmt, syntax.TypeSyntax)
 *        → bind.Binder         C# typing: names, overloads, inference, conversions, lifting, ?., flow
 *        → eval.Eval / Exec    a tree of small closures: all that is kept
 * </pre>
 * Evaluation walks that tree: nothing is parsed, looked up by name or reflected on. Locals, lambda
 * parameters and local functions are slots of one {@link dev.breakwater.gateway.policy.expression.eval.Frame}
 * per evaluation; {@code break}/{@code continue}/{@code return} are completion codes, not exceptions.
 *
 * <h2>Types and members</h2>
 * Every .NET type an expression may name is a {@link dev.breakwater.gateway.policy.expression.types.TypeDef}
 * of one immutable registry ({@code library.Library}), with its members declared as C# signatures next to
 * the Java lambda that implements them ({@code "bool Contains(string value)"}). Anything not declared does
 * not exist for an expression. Generic methods (LINQ, {@code GetValueOrDefault<T>}, {@code As<T>}) are
 * declared generically; the binder infers type arguments as C# does (lambdas bound once their parameter
 * types are known) and resolves overloads with C#'s better-conversion rules and tie-breakers.
 *
 * <h2>Run-time values</h2>
 * .NET values are plain Java objects: String, Integer, Long, Double, Float, BigDecimal (decimal), Boolean,
 * Character, Byte, Short, {@code byte[]}, Java arrays for other arrays, ArrayList for {@code List<T>},
 * LinkedHashMap for {@code Dictionary<K,V>}, UUID for Guid, the .NET-shaped classes of {@code runtime}
 * (DotNetDateTime, DotNetTimeSpan, DotNetDateTimeOffset, DotNetUri, Jwt, EnumValue…) and of
 * {@code runtime.json} (Newtonsoft's JToken family: parents, Remove/Replace and Path work as in Json.NET;
 * parsed with Jackson's streaming parser, written in Json.NET's format).
 * {@link dev.breakwater.gateway.policy.expression.DotNetValues#formatValue} is .NET's {@code ToString()}.
 *
 * <h2>Safety</h2>
 * No I/O, no reflection, no class loading: only declared members exist. Each evaluation has a budget
 * ({@link dev.breakwater.gateway.policy.expression.ExpressionLimits}): loop iterations, lambda and method
 * calls are steps; library work on large strings and collections is charged by size; strings and
 * collections built are capped; local functions nest at most 64 deep; regular expressions read their input
 * through a budget-charging character sequence, so catastrophic backtracking ends too. A run-time failure
 * is an {@link dev.breakwater.gateway.policy.expression.ExpressionEvaluationException} with the .NET
 * exception type and message (APIM reports it as {@code ExpressionValueEvaluationFailure}); an exhausted
 * budget cannot be caught by the expression's own {@code catch}.
 *
 * <h2>Choices where .NET or APIM leave room</h2>
 * <ul>
 *   <li>Culture is invariant; the gateway's local time zone is UTC ({@code DateTime.Now} is UTC with Kind
 *       Local).</li>
 *   <li>Json.NET turns date-like strings into Date tokens when parsing; here they stay strings.</li>
 *   <li>Indented JSON uses "\n" line ends, as the Linux self-hosted gateway does.</li>
 *   <li>LINQ runs eagerly (each operator materializes a list); results are the same for the subset.</li>
 *   <li>Definite assignment is not checked: a local read before assignment has its default value.</li>
 *   <li>Not supported (compile errors that say so): XML types (XDocument, XElement…), {@code dynamic},
 *       unsigned integers, {@code checked}, {@code goto}, pattern {@code case … when}, tuples,
 *       {@code typeof}/{@code nameof}, method groups as delegates, RSA.</li>
 * </ul>
 */
package dev.breakwater.gateway.policy.expression;
