package dev.breakwater.gateway.policy.runtime.views;

import dev.breakwater.gateway.policy.expression.context.ApiView;
import dev.breakwater.gateway.policy.expression.context.GroupView;
import dev.breakwater.gateway.policy.expression.context.ProductView;
import dev.breakwater.gateway.policy.expression.context.SubscriptionKeyParameterNamesView;
import dev.breakwater.gateway.policy.expression.context.SubscriptionView;
import dev.breakwater.gateway.policy.expression.context.UrlView;
import dev.breakwater.gateway.policy.expression.context.UserIdentityView;
import dev.breakwater.gateway.policy.expression.context.UserView;
import dev.breakwater.gateway.subscription.Caller;
import dev.breakwater.gateway.subscription.Product;
import dev.breakwater.gateway.subscription.Subscription;
import dev.breakwater.gateway.subscription.User;
import java.time.Instant;
import java.util.List;

/**
 * {@code context.Subscription}, {@code context.Product} and {@code context.User} over the request's
 * {@link Caller}. A gateway holds hashes of keys, not keys: {@code Key} is the key the request presented,
 * and {@code PrimaryKey}/{@code SecondaryKey} show it where it is that one, {@code null} otherwise.
 */
final class AccessViews {

    private AccessViews() {
    }

    static SubscriptionView subscription(Caller caller) {
        Subscription subscription = caller.subscription();
        return subscription == null ? null : new SubscriptionView() {
            @Override
            public String id() {
                return subscription.id();
            }

            @Override
            public String key() {
                return caller.key();
            }

            @Override
            public String name() {
                return subscription.name();
            }

            @Override
            public String primaryKey() {
                return caller.primary() ? caller.key() : null;
            }

            @Override
            public String secondaryKey() {
                return caller.primary() ? null : caller.key();
            }

            @Override
            public Instant createdDate() {
                return subscription.createdDate();
            }

            @Override
            public Instant startDate() {
                return subscription.startDate();
            }

            @Override
            public Instant endDate() {
                return subscription.expirationDate();
            }
        };
    }

    static ProductView product(Caller caller) {
        Product product = caller.product();
        return product == null ? null : new ProductView() {
            @Override
            public String id() {
                return product.id();
            }

            @Override
            public String name() {
                return product.name();
            }

            @Override
            public boolean published() {
                return product.published();
            }

            @Override
            public boolean subscriptionRequired() {
                return product.subscriptionRequired();
            }

            @Override
            public boolean approvalRequired() {
                return product.approvalRequired();
            }

            @Override
            public Integer subscriptionsLimit() {
                return product.subscriptionsLimit();
            }

            @Override
            public List<GroupView> groups() {
                return groupViews(product.groups());
            }

            @Override
            public List<ApiView> apis() {
                return product.apiIds().stream().sorted().map(AccessViews::apiById).toList();
            }
        };
    }

    static UserView user(Caller caller) {
        User user = caller.user();
        return user == null ? null : new UserView() {
            @Override
            public String id() {
                return user.id();
            }

            @Override
            public String email() {
                return user.email();
            }

            @Override
            public String firstName() {
                return user.firstName();
            }

            @Override
            public String lastName() {
                return user.lastName();
            }

            @Override
            public String note() {
                return user.note();
            }

            @Override
            public Instant registrationDate() {
                return user.registrationDate();
            }

            @Override
            public List<GroupView> groups() {
                return groupViews(user.groups());
            }

            @Override
            public List<UserIdentityView> identities() {
                return List.of(new UserIdentityView() {
                    @Override
                    public String id() {
                        return user.email() == null ? user.id() : user.email();
                    }

                    @Override
                    public String provider() {
                        return "Basic"; // APIM's provider of users it holds itself
                    }
                });
            }
        };
    }

    /** Groups by id; a gateway knows no group's display name, so the id stands for it. */
    private static List<GroupView> groupViews(List<String> ids) {
        return ids.stream().<GroupView>map(id -> new GroupView() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String name() {
                return id;
            }
        }).toList();
    }

    /** An API of a product, of which a product's view knows the id only. */
    private static ApiView apiById(String id) {
        return new ApiView() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String name() {
                return id;
            }

            @Override
            public String path() {
                return null;
            }

            @Override
            public List<String> protocols() {
                return List.of("http", "https");
            }

            @Override
            public UrlView serviceUrl() {
                return null;
            }

            @Override
            public SubscriptionKeyParameterNamesView subscriptionKeyParameterNames() {
                return null;
            }

            @Override
            public String version() {
                return null;
            }

            @Override
            public String revision() {
                return "1";
            }

            @Override
            public boolean isCurrentRevision() {
                return true;
            }
        };
    }
}
