package dev.breakwater.gateway.policy.expression.context;

import java.util.Map;

/**
 * What get-authorization-context stores in a variable (APIM's {@code Authorization}): expressions read
 * it with {@code ((Authorization)context.Variables["auth"]).AccessToken}.
 */
public interface AuthorizationView {
    String accessToken();

    Map<String, Object> claims();
}
