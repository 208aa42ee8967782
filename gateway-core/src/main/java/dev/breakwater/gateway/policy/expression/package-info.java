/**
 * APIM policy expressions: a safe, statically typed C# subset, compiled once and evaluated per request.
 *
 * <h2>Shape</h2>
 * <pre>
 *   text "@( … )" / "@{ … }"
 *     → syntax.Lexer        tokens (C# literals: verbatim, interpolated, char; comments)
 *     → syntax.*Parser      syntax tree (records in syntax.Expr / syntax.Stmt / syntax.TypeSyntax)
 *     → bind.*Binder        C# typing: names, overloads, conversions, lambdas, flow (all paths return)
 *     → eval.Eval / Exec    a tree of small closures, the only thing kept
 *   CompiledExpression.evaluate(context) walks that tree: no parsing, no lookup by name, no reflection.
 * </pre>
 *
 * <h2>Types and members</h2>
 * Every .NET type an expression may name is a {@link TypeDef}
 * in one registry ({@code library.Library}), with its members declared as C# signatures next to the Java
 * lambda that implements them (for example {@code "bool Contains(string value)"}). Anything not declared
 * there does not exist for an expression: an unknown type, member or overload is a compile error naming
 * the construct and its line. Generic methods (LINQ, {@code GetValueOrDefault<T>}, {@code As<T>}) are
 * declared generically; the binder infers type arguments the way C# does (lambdas bound once their
 * parameter types are known).
 *
 * <h2>Run-time values</h2>
 * .NET values are plain Java objects: {@code String}, {@code Integer}, {@code Long}, {@code Double},
 * {@code Float}, {@code BigDecimal} (decimal), {@code Boolean}, {@code Character}, {@code Byte}, {@code Short},
 * {@code byte[]}, Java arrays for other arrays, {@code ArrayList} for {@code List<T>},
 * {@code LinkedHashMap} for {@code Dictionary<K,V>}, {@code UUID} for {@code Guid}, and the .NET-shaped
 * classes of {@code runtime} (DateTime, TimeSpan, DateTimeOffset, Uri, Jwt, enums) and {@code runtime.json}
 * (Newtonsoft's JToken family, parsed with Jackson's streaming parser and written in Newtonsoft's format).
 * {@link DotNetValues} formats any of them as .NET's
 * {@code ToString()} does (invariant culture).
 *
 * <h2>Safety</h2>
 * No I/O, no reflection, no class loading: only the declared members exist. Each evaluation has a budget
 * ({@link ExpressionLimits}): loop iterations, lambda and method
 * calls count as steps; strings and collections built are capped; regular expressions see a
 * budget-checking character sequence, so catastrophic backtracking ends too. A run-time failure is an
 * {@link ExpressionEvaluationException} carrying the .NET exception
 * type and message, which the engine reports as APIM does ({@code ExpressionValueEvaluationFailure}).
 *
 * <h2>The {@code context}</h2>
 * {@link ExpressionContext} is the root of APIM's {@code context}
 * object; its parts are the read-only views of package {@code context}. The engine implements them over

import dev.breakwater.gateway.policy.expression.types.TypeDef;
 * the request's state. A compiled expression reports which parts it reads
 * ({@link CompiledExpression#uses()}) so that bodies are buffered
 * only when an expression reads them.
 */
package dev.breakwater.gateway.policy.expression;
