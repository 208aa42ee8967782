/** The read-only views of a request that form APIM's {@code context} object; the engine implements them. */
package dev.breakwater.gateway.policy.expression.context;
