package dev.breakwater.management.auth;

import java.util.List;

/**
 * Which credential a request path needs, decided on the decoded path segments the router
 * matches: {@code admin/...} needs the admin token, {@code gateway/v1/gateways/<id>/...} a
 * token of gateway {@code <id>}. Everything else is {@link Kind#NONE}: denied, since nothing
 * the management plane serves is public. A public path, should one ever exist, is added here
 * by name, so that it is a decision rather than an omission.
 */
record ApiArea(Kind kind, String gatewayId) {

    enum Kind { ADMIN, GATEWAY, NONE }

    private static final ApiArea ADMIN = new ApiArea(Kind.ADMIN, null);
    private static final ApiArea NONE = new ApiArea(Kind.NONE, null);

    static ApiArea of(List<String> segments) {
        if (segments.isEmpty()) {
            return NONE;
        }
        if (segments.get(0).equals("admin")) {
            return ADMIN;
        }
        if (segments.size() >= 5 && segments.get(0).equals("gateway") && segments.get(1).equals("v1")
                && segments.get(2).equals("gateways") && !segments.get(3).isEmpty()) {
            return new ApiArea(Kind.GATEWAY, segments.get(3));
        }
        return NONE;
    }
}
