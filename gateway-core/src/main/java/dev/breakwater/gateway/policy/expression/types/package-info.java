/** The .NET type model: definitions, constructed types, members, conversions and name resolution. */
package dev.breakwater.gateway.policy.expression.types;
