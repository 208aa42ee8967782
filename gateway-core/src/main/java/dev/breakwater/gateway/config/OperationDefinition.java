package dev.breakwater.gateway.config;

import java.util.List;

/**
 * An operation of an API: a method and a URL template, with its own policy and the responses it
 * documents (their examples are what mock-response answers with).
 *
 * @param responses the documented responses, or {@code null} when none are given (kept absent, so a
 *                  document without them is written back without them)
 */
public record OperationDefinition(String id, String displayName, String method, String urlTemplate, String policy,
                                  List<ResponseDefinition> responses) {

    public OperationDefinition {
        responses = responses == null ? null : List.copyOf(responses);
    }

    /** An operation that documents no responses. */
    public OperationDefinition(String id, String displayName, String method, String urlTemplate, String policy) {
        this(id, displayName, method, urlTemplate, policy, null);
    }

    /** The documented responses; empty when none are given. */
    public List<ResponseDefinition> responsesOrEmpty() {
        return responses == null ? List.of() : responses;
    }
}
