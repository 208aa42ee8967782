package dev.breakwater.gateway.snapshot;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the snapshot being served. Requests read it; only whoever applies configuration
 * (the file watcher, later the sync thread) replaces it, in one atomic swap.
 */
public final class ActiveConfig {

    private final AtomicReference<ConfigSnapshot> current = new AtomicReference<>();

    /** The snapshot being served, or {@code null} before the first one. */
    public ConfigSnapshot current() {
        return current.get();
    }

    public boolean isServing() {
        return current.get() != null;
    }

    /** Serves a snapshot only if none is served yet (a backup must not replace a fresher one). */
    public boolean swapIfEmpty(ConfigSnapshot first) {
        return current.compareAndSet(null, first);
    }

    /** Starts serving a new snapshot; requests already running keep the one they took. */
    public void swap(ConfigSnapshot next) {
        current.set(next);
    }
}
