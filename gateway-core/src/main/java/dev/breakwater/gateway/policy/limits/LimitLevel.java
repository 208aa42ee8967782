package dev.breakwater.gateway.policy.limits;

import java.util.List;

/**
 * One level of rate-limit or quota, compiled: the policy itself (every call of the subscription),
 * one of its {@code <api>} children, or one {@code <operation>} inside that. Each level counts apart
 * (APIM: product, API and operation limits "are applied independently").
 *
 * @param id                 the API or operation id it names, or {@code null} (the policy itself, or named by name)
 * @param name               the API or operation name it names when it has no id, else {@code null}
 * @param calls              the calls allowed per window, or {@code -1} for none
 * @param bandwidthKilobytes the kilobytes (1,024 bytes) of body allowed per window, or {@code -1} for none
 * @param periodSeconds      renewal-period ({@code 0}: one window that never ends)
 * @param operations         an API level's {@code <operation>} children
 */
public record LimitLevel(String id, String name, long calls, long bandwidthKilobytes, long periodSeconds,
                         List<LimitLevel> operations) {

    public LimitLevel {
        operations = List.copyOf(operations);
    }

    /** Whether it names this API or operation: by id when it has one (APIM: the name is then ignored). */
    boolean names(String targetId, String targetName) {
        return id != null ? id.equals(targetId) : name != null && name.equals(targetName);
    }
}
