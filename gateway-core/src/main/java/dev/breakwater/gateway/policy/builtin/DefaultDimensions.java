package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.expression.context.ProductView;
import dev.breakwater.gateway.policy.expression.context.SubscriptionView;
import dev.breakwater.gateway.policy.expression.context.UserView;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.RouteInfo;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.runtime.views.ExpressionFacade;
import java.util.Locale;
import java.util.Map;

/**
 * The dimensions emit-metric fills in itself when a {@code <dimension>} has a name and no value
 * (APIM's "default dimension names"), matched regardless of case. What the request has no value
 * for (no operation, no subscription yet, a plain backend URL) is the empty string.
 */
final class DefaultDimensions {

    private static final Map<String, Value<String>> BY_NAME = Map.of(
            "api id", context -> route(context) == null ? "" : route(context).apiId(),
            "operation id", context -> route(context) == null ? "" : text(route(context).operationId()),
            "product id", context -> {
                ProductView product = ExpressionFacade.of(context).product();
                return product == null ? "" : text(product.id());
            },
            "user id", context -> {
                UserView user = ExpressionFacade.of(context).user();
                return user == null ? "" : text(user.id());
            },
            "subscription id", context -> {
                SubscriptionView subscription = ExpressionFacade.of(context).subscription();
                return subscription == null ? "" : text(subscription.id());
            },
            "location", context -> text(context.deployment().region()),
            "gateway id", context -> text(context.deployment().gatewayId()),
            // the backend entity the request goes to (set-backend-service backend-id, or the API's); a pool's id
            "backend id", context -> context.request().backend() == null ? "" : context.request().backend().id());

    private DefaultDimensions() {
    }

    /** The value of a default dimension, or {@code null} when the name is none of them. */
    static Value<String> of(String name) {
        return BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /** The names, for messages. */
    static String names() {
        return "API ID, Operation ID, Product ID, User ID, Subscription ID, Location, Gateway ID, Backend ID";
    }

    private static RouteInfo route(PolicyContext context) {
        return context.route();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
