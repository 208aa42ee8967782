package dev.breakwater.gateway.policy;

/**
 * The error that sent a request to on-error (APIM's {@code context.LastError}).
 *
 * @param source     what failed: a policy element name, or {@code backend}
 * @param statusCode the status the client gets unless on-error changes it
 * @param message    a message safe to show the client: no internal addresses, no secrets
 */
public record PolicyError(String source, int statusCode, String message) {
}
