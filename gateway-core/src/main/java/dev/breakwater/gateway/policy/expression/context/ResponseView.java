package dev.breakwater.gateway.policy.expression.context;

import java.util.Map;

/**
 * {@code context.Response} (APIM's IResponse), and also the response that send-request stores in a
 * variable, which expressions reach with {@code (IResponse)context.Variables["name"]}.
 */
public interface ResponseView {
    MessageBody body();

    /** Read-only, case-insensitive, as {@link RequestView#headers()}. */
    Map<String, String[]> headers();

    int statusCode();

    String statusReason();
}
