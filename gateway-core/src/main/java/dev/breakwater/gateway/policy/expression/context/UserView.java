package dev.breakwater.gateway.policy.expression.context;

import java.time.Instant;
import java.util.List;

/** {@code context.User}. */
public interface UserView {
    String id();

    String email();

    String firstName();

    String lastName();

    String note();

    Instant registrationDate();

    List<GroupView> groups();

    List<UserIdentityView> identities();
}
