package dev.breakwater.gateway.subscription;

import java.time.Instant;
import java.util.List;

/** A compiled user, as {@code context.User} shows one. */
public record User(String id, String email, String firstName, String lastName, String note, boolean blocked,
                   List<String> groups, Instant registrationDate) {

    public User {
        groups = List.copyOf(groups);
    }
}
