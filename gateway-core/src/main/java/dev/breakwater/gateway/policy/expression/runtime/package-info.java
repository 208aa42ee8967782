/** The .NET-shaped run-time values and their formatting and parsing (numbers, dates, regex, URIs, JWT). */
package dev.breakwater.gateway.policy.expression.runtime;
