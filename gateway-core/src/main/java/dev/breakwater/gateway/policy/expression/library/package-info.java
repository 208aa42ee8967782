/** The .NET library expressions may use, declared as C# signatures next to their Java implementations. */
package dev.breakwater.gateway.policy.expression.library;
