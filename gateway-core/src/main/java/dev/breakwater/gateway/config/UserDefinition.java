package dev.breakwater.gateway.config;

import java.time.Instant;
import java.util.List;

/**
 * A user (APIM's), as far as {@code context.User} shows one: the owner of subscriptions.
 *
 * @param state  {@code active} or {@code blocked} ({@code null}: active); a blocked user's subscriptions
 *               open nothing, as in APIM
 * @param groups the ids of the groups the user belongs to
 */
public record UserDefinition(String id, String email, String firstName, String lastName, String note,
                             String state, List<String> groups, Instant registrationDate) {

    public UserDefinition {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public boolean blocked() {
        return "blocked".equals(state);
    }
}
