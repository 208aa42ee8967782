package dev.breakwater.management.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells long-polling gateways that the configuration changed. A waiter registers the revision
 * it has; it is called once, as soon as the revision differs, or never if it cancels first.
 */
public final class RevisionWatch {

    private final List<Runnable> waiters = new ArrayList<>();
    private long revision;
    private boolean closed;

    public RevisionWatch(long revision) {
        this.revision = revision;
    }

    /**
     * Records a new revision and calls every waiter. Revisions are announced outside the
     * store's write lock, so two may arrive out of order: the newer one stays.
     */
    public void advance(long newRevision) {
        synchronized (this) {
            revision = Math.max(revision, newRevision);
        }
        callAll();
    }

    /**
     * Calls {@code onChange} when the revision is no longer {@code known}: at once if it
     * differs already.
     *
     * @return false when it differed already (onChange ran), true when the waiter is registered
     */
    public boolean awaitChange(long known, Runnable onChange) {
        synchronized (this) {
            if (revision == known && !closed) {
                waiters.add(onChange);
                return true;
            }
        }
        onChange.run();
        return false;
    }

    /**
     * Answers every waiter now, and from now on every new one at once: on shutdown, held
     * requests end (304) instead of keeping the graceful stop waiting for their timeout.
     */
    public void close() {
        synchronized (this) {
            closed = true;
        }
        callAll();
    }

    /** Calls every waiter once, outside the lock: a waiter writes a response. */
    private void callAll() {
        List<Runnable> toCall;
        synchronized (this) {
            toCall = new ArrayList<>(waiters);
            waiters.clear();
        }
        toCall.forEach(Runnable::run);
    }

    /** How many waiters are registered now: lets a test know a long poll is held before it changes anything. */
    public synchronized int waiting() {
        return waiters.size();
    }

    /** Forgets a waiter whose request ended (timed out, client gone). */
    public synchronized void cancel(Runnable onChange) {
        waiters.remove(onChange);
    }
}
