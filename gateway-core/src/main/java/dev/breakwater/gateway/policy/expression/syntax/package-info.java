/** C# syntax of policy expressions: the lexer, the parser layers and the syntax records they produce. */
package dev.breakwater.gateway.policy.expression.syntax;
