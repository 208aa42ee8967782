package dev.breakwater.gateway.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load-balanced pool, as APIM's: members of the lowest priority number take every request while
 * any of them is available (its breaker closed); among those, requests are spread by weight (equal
 * weights: round robin). When every member of a priority is unavailable, the next priority takes
 * over (fail-over); when none is, the pool has nothing to offer.
 */
public final class PoolBackend implements Backend {

    /** A member and its share. */
    public record Member(SingleBackend backend, int priority, int weight) {
    }

    private final String id;
    private final List<List<Member>> byPriority;
    private final AtomicLong turns = new AtomicLong();

    public PoolBackend(String id, List<Member> members) {
        this.id = id;
        TreeMap<Integer, List<Member>> groups = new TreeMap<>();
        for (Member member : members) {
            groups.computeIfAbsent(member.priority(), priority -> new ArrayList<>()).add(member);
        }
        this.byPriority = groups.values().stream().map(List::copyOf).toList();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public SingleBackend select() {
        long turn = turns.getAndIncrement();
        for (List<Member> group : byPriority) {
            SingleBackend chosen = pick(group, turn);
            if (chosen != null) {
                return chosen;
            }
        }
        return null;
    }

    /**
     * The member whose weight band holds this turn, among the available ones of the group: over
     * any run of turns each gets its weight's share.
     */
    private static SingleBackend pick(List<Member> group, long turn) {
        int total = 0;
        for (Member member : group) {
            if (member.backend().available()) {
                total += member.weight();
            }
        }
        if (total == 0) {
            return null;
        }
        long slot = Math.floorMod(turn, (long) total);
        for (Member member : group) {
            if (member.backend().available()) {
                slot -= member.weight();
                if (slot < 0) {
                    return member.backend();
                }
            }
        }
        return null; // not reached: the slots add up to the total
    }

    @Override
    public String toString() {
        return "backend pool '" + id + "'";
    }
}
