package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ProductDefinition;
import dev.breakwater.gateway.config.SubscriptionDefinition;
import dev.breakwater.gateway.config.UserDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Edits of products, subscriptions and users, as {@link Edits} does for the rest. Deleting what
 * subscriptions hang on (their product, their API, their owner) deletes those subscriptions only when
 * asked ({@code deleteSubscriptions}, APIM's parameter); otherwise it is refused: deleting keys
 * callers hold is never a side effect.
 */
public final class SubscriptionEdits {

    private SubscriptionEdits() {
    }

    public static Optional<ProductDefinition> product(ManagementDocument document, String id) {
        return document.products().stream().filter(product -> id.equals(product.id())).findFirst();
    }

    public static ProductDefinition existingProduct(ManagementDocument document, String id) throws MissingException {
        return product(document, id).orElseThrow(() -> new MissingException("no product '" + id + "'"));
    }

    public static ManagementDocument withProduct(ManagementDocument document, ProductDefinition product) {
        return document.withProducts(Edits.replaceOrAdd(document.products(), product, ProductDefinition::id));
    }

    /** @throws InUseException when subscriptions are scoped to it and may not be deleted */
    public static ManagementDocument withoutProduct(ManagementDocument document, String id, boolean deleteSubscriptions)
            throws InUseException {
        return withoutSubscriptionsOf(document, subscription -> id.equals(Scopes.scope(subscription.scope()).productId()),
                deleteSubscriptions, "product '" + id + "'")
                .withProducts(Edits.without(document.products(), id, ProductDefinition::id));
    }

    public static ProductDefinition withPolicy(ProductDefinition product, String policy) {
        return new ProductDefinition(product.id(), product.displayName(), product.description(),
                product.subscriptionRequired(), product.approvalRequired(), product.subscriptionsLimit(),
                product.state(), product.apis(), policy, product.groups());
    }

    public static Optional<SubscriptionDefinition> subscription(ManagementDocument document, String id) {
        return document.subscriptions().stream().filter(subscription -> id.equals(subscription.id())).findFirst();
    }

    public static SubscriptionDefinition existingSubscription(ManagementDocument document, String id)
            throws MissingException {
        return subscription(document, id).orElseThrow(() -> new MissingException("no subscription '" + id + "'"));
    }

    public static ManagementDocument withSubscription(ManagementDocument document, SubscriptionDefinition subscription) {
        return document.withSubscriptions(Edits.replaceOrAdd(document.subscriptions(), subscription,
                SubscriptionDefinition::id));
    }

    public static ManagementDocument withoutSubscription(ManagementDocument document, String id) {
        return document.withSubscriptions(Edits.without(document.subscriptions(), id, SubscriptionDefinition::id));
    }

    public static Optional<UserDefinition> user(ManagementDocument document, String id) {
        return document.users().stream().filter(user -> id.equals(user.id())).findFirst();
    }

    public static UserDefinition existingUser(ManagementDocument document, String id) throws MissingException {
        return user(document, id).orElseThrow(() -> new MissingException("no user '" + id + "'"));
    }

    public static ManagementDocument withUser(ManagementDocument document, UserDefinition user) {
        return document.withUsers(Edits.replaceOrAdd(document.users(), user, UserDefinition::id));
    }

    /** @throws InUseException when the user owns subscriptions and they may not be deleted */
    public static ManagementDocument withoutUser(ManagementDocument document, String id, boolean deleteSubscriptions)
            throws InUseException {
        return withoutSubscriptionsOf(document, subscription -> id.equals(Scopes.ownerUserId(subscription.ownerId())),
                deleteSubscriptions, "user '" + id + "'")
                .withUsers(Edits.without(document.users(), id, UserDefinition::id));
    }

    /** The document without the subscriptions that hang on {@code what}, or a refusal naming them. */
    static ManagementDocument withoutSubscriptionsOf(ManagementDocument document,
                                                     Predicate<SubscriptionDefinition> hangsOn, boolean delete,
                                                     String what) throws InUseException {
        List<String> using = document.subscriptions().stream().filter(hangsOn).map(SubscriptionDefinition::id).toList();
        if (using.isEmpty()) {
            return document;
        }
        if (!delete) {
            throw new InUseException(what + " has " + using.size() + " subscription(s) (" + String.join(", ",
                    using.subList(0, Math.min(using.size(), 10))) + (using.size() > 10 ? ", …" : "")
                    + "); delete them first, or add ?deleteSubscriptions=true to delete them with it");
        }
        return document.withSubscriptions(document.subscriptions().stream().filter(hangsOn.negate()).toList());
    }

    /** Every product without this API among its {@code apis}. */
    static ManagementDocument withoutApiInProducts(ManagementDocument document, String apiId) {
        return document.withProducts(document.products().stream().map(product -> product.apis().contains(apiId)
                ? new ProductDefinition(product.id(), product.displayName(), product.description(),
                product.subscriptionRequired(), product.approvalRequired(), product.subscriptionsLimit(),
                product.state(), product.apis().stream().filter(id -> !id.equals(apiId)).toList(), product.policy(),
                product.groups())
                : product).toList());
    }
}
