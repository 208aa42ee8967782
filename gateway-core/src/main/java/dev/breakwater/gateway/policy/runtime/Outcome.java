package dev.breakwater.gateway.policy.runtime;

import java.util.concurrent.CompletionStage;

/**
 * What a step tells the pipeline: go on with the next step, end the pipeline with the response in
 * the context (return-response: nothing after it runs, the response goes to the client), or wait.
 * A pending outcome carries the stage that completes with the real outcome; the pipeline resumes on
 * whatever thread completes it, so a step that waits (a call-out, a shared counter) holds no thread.
 * The two settled outcomes are constants: the synchronous path allocates nothing.
 */
public abstract sealed class Outcome {

    /** Go on with the next step. */
    public static final Outcome CONTINUE = new Settled("continue");
    /** The context's response is final: the pipeline ends and the client gets it. */
    public static final Outcome RESPOND = new Settled("respond");

    private Outcome() {
    }

    /** An outcome that is known later; a stage that fails with {@link PolicyException} sends the request to on-error. */
    public static Outcome pending(CompletionStage<Outcome> next) {
        return new Pending(next);
    }

    public boolean isPending() {
        return this instanceof Pending;
    }

    /** The stage of a pending outcome. */
    public CompletionStage<Outcome> stage() {
        throw new IllegalStateException(this + " is not pending");
    }

    private static final class Settled extends Outcome {
        private final String name;

        Settled(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final class Pending extends Outcome {
        private final CompletionStage<Outcome> next;

        Pending(CompletionStage<Outcome> next) {
            this.next = next;
        }

        @Override
        public CompletionStage<Outcome> stage() {
            return next;
        }

        @Override
        public String toString() {
            return "pending";
        }
    }
}
