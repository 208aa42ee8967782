/** The binder: types expressions and statements as C# does and builds their evaluators. */
package dev.breakwater.gateway.policy.expression.bind;
