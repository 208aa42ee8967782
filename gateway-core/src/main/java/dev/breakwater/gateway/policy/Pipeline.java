package dev.breakwater.gateway.policy;

import java.util.List;

/**
 * The effective policies of one route: four immutable lists with every {@code <base/>}
 * already expanded, so that a request only walks arrays.
 */
public final class Pipeline {

    private final Policy[][] sections = new Policy[Section.values().length][];
    private final boolean forwards;
    private final boolean setsBackend;

    /**
     * @param forwards    whether requests can reach forward-request (it ends the backend section and
     *                    no return-response answers first)
     * @param setsBackend whether a policy before the forward sets the backend service
     */
    public Pipeline(List<Policy> inbound, List<Policy> backend, List<Policy> outbound, List<Policy> onError,
                    boolean forwards, boolean setsBackend) {
        sections[Section.INBOUND.ordinal()] = inbound.toArray(Policy[]::new);
        sections[Section.BACKEND.ordinal()] = backend.toArray(Policy[]::new);
        sections[Section.OUTBOUND.ordinal()] = outbound.toArray(Policy[]::new);
        sections[Section.ON_ERROR.ordinal()] = onError.toArray(Policy[]::new);
        this.forwards = forwards;
        this.setsBackend = setsBackend;
    }

    /** Runs the policies of one section in order until one does not say {@link Flow#CONTINUE}. */
    public Flow run(Section section, PolicyContext context) throws PolicyException {
        for (Policy policy : sections[section.ordinal()]) {
            Flow flow = policy.apply(context);
            if (flow != Flow.CONTINUE) {
                return flow;
            }
        }
        return Flow.CONTINUE;
    }

    public boolean isEmpty(Section section) {
        return sections[section.ordinal()].length == 0;
    }

    /** Whether requests on this route go to a backend at all. */
    public boolean forwards() {
        return forwards;
    }

    /** Whether a policy chooses the backend, so that an API needs no serviceUrl. */
    public boolean setsBackend() {
        return setsBackend;
    }
}
