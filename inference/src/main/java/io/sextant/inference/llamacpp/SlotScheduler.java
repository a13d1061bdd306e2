package io.sextant.inference.llamacpp;

import io.sextant.inference.Cancellation;
import io.sextant.inference.EngineBusyException;
import io.sextant.inference.EngineUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands out the engine's parallel slots first come, first served. At most {@code maxQueued} requests wait; one more
 * is refused at once with {@link EngineBusyException}, so a burst of requests costs a bounded amount of memory. A
 * waiting request keeps its place until it gets a slot, times out, is cancelled or the engine closes.
 */
final class SlotScheduler {

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Condition> waiting = new ArrayDeque<>();
    private final int maxQueued;
    private final Duration timeout;
    private int free;
    private boolean closed;

    /**
     * A scheduler.
     *
     * @param slots parallel slots
     * @param maxQueued the most requests that may wait
     * @param timeout the longest wait
     */
    SlotScheduler(int slots, int maxQueued, Duration timeout) {
        this.free = slots;
        this.maxQueued = maxQueued;
        this.timeout = timeout;
    }

    /**
     * Takes a slot, waiting in line when none is free.
     *
     * @param cancellation leaves the line when cancelled
     * @return true with a slot; false when cancelled while waiting
     * @throws EngineBusyException when the line is full or the wait timed out
     * @throws EngineUnavailableException when the engine closed
     */
    boolean acquire(Cancellation cancellation) {
        lock.lock();
        try {
            if (closed) {
                throw new EngineUnavailableException("the model has been unloaded");
            }
            if (free > 0 && waiting.isEmpty()) {
                free--;
                return true;
            }
            if (waiting.size() >= maxQueued) {
                throw new EngineBusyException("the model is busy: all slots are in use and " + waiting.size()
                        + " requests are already waiting; retry later");
            }
            Condition turn = lock.newCondition();
            waiting.addLast(turn);
            cancellation.onCancel(this::wakeAll);
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (!(free > 0 && waiting.peekFirst() == turn)) {
                    if (closed) {
                        throw new EngineUnavailableException("the model was unloaded while the request waited");
                    }
                    if (cancellation.isCancelled()) {
                        return false;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new EngineBusyException("the model is busy: no slot came free within "
                                + timeout.toSeconds() + " s; retry later");
                    }
                    turn.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)), TimeUnit.NANOSECONDS);
                }
                free--;
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                waiting.remove(turn);
                Condition next = waiting.peekFirst();
                if (next != null && free > 0) {
                    next.signal();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Returns a slot and wakes the head of the line. */
    void release() {
        lock.lock();
        try {
            free++;
            Condition next = waiting.peekFirst();
            if (next != null) {
                next.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Requests waiting now.
     *
     * @return the queue length
     */
    int queued() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new requests and wakes every waiting one, which then fails as unavailable. */
    void close() {
        lock.lock();
        try {
            closed = true;
            waiting.forEach(Condition::signal);
        } finally {
            lock.unlock();
        }
    }

    private void wakeAll() {
        lock.lock();
        try {
            waiting.forEach(Condition::signal);
        } finally {
            lock.unlock();
        }
    }
}
