package dev.breakwater.gateway.policy.runtime;

/**
 * The error that sent a request to on-error: APIM's {@code context.LastError}, plus the status the
 * client gets unless on-error decides otherwise.
 *
 * @param source     the element or built-in step that failed: {@code set-header}, {@code forward-request},
 *                   {@code configuration}, ...
 * @param reason     a machine-friendly code ({@code BackendConnectionFailure}, {@code Timeout},
 *                   {@code ExpressionValueEvaluationFailure}...), or {@code null}
 * @param message    a message safe to show the client: no internal addresses, no secrets
 * @param scope      {@code global}, {@code product}, {@code api} or {@code operation}, or {@code null}
 * @param section    {@code inbound}, {@code backend}, {@code outbound} or {@code on-error}, or {@code null}
 * @param path       where the policy is nested, e.g. {@code choose[2]/when[1]/set-header[1]}, or {@code null}
 * @param policyId   the value of the failing policy's {@code id} attribute, or {@code null}
 * @param statusCode the status of the default error response
 * @param responseMessage what the default error response says when the policy configures it apart from
 *                   {@code message} (check-header's {@code failed-check-error-message}), else {@code null}
 */
public record PolicyError(String source, String reason, String message, String scope, String section, String path,
                          String policyId, int statusCode, String responseMessage) {

    /** An error of a built-in step, outside any policy. */
    public static PolicyError builtIn(String source, String reason, int statusCode, String message) {
        return new PolicyError(source, reason, message, null, null, null, null, statusCode, null);
    }

    /**
     * An error whose default response says something other than {@code context.LastError.Message}:
     * APIM's access checks keep their predefined message for on-error and answer the client with the
     * one the policy configures.
     */
    public static PolicyError withResponse(String source, String reason, String message, int statusCode,
                                           String responseMessage) {
        return new PolicyError(source, reason, message, null, null, null, null, statusCode, responseMessage);
    }

    /** The message of the default error response. */
    public String clientMessage() {
        return responseMessage != null ? responseMessage : message;
    }

    /** The same error, placed at the policy that raised it (a place already known is kept). */
    public PolicyError at(PolicyPlace place) {
        if (scope != null || place == null) {
            return this;
        }
        return new PolicyError(source, reason, message, place.scope(), place.section(), place.path(),
                place.policyId(), statusCode, responseMessage);
    }
}
