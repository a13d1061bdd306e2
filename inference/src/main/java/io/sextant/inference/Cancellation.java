package io.sextant.inference;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancel handle shared between whoever started a generation (an HTTP handler whose client may go away) and the
 * engine doing the work. Cancelling is idempotent and thread-safe; a queued request leaves the queue, a running one
 * stops at the next token.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * A fresh handle, not cancelled.
     *
     * @return the handle
     */
    public static Cancellation create() {
        return new Cancellation();
    }

    /** Requests cancellation and runs the registered listeners once. */
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable r : listeners) {
            r.run();
        }
    }

    /**
     * Whether cancellation was requested.
     *
     * @return true once {@link #cancel()} ran
     */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs an action when cancelled (at once if already cancelled). Engines use it to wake a waiting thread or to
     * abort an HTTP exchange.
     *
     * @param action what to run
     */
    public void onCancel(Runnable action) {
        listeners.add(action);
        if (cancelled) {
            action.run();
        }
    }
}
