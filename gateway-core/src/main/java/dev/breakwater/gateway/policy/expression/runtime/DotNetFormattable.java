package dev.breakwater.gateway.policy.expression.runtime;

/** A run-time value with .NET's {@code ToString(format)} (IFormattable): DateTime, TimeSpan, Guid… */
public interface DotNetFormattable {
    String format(String format);
}
