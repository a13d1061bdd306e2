package io.sextant.appliance.security;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in attempts per client address in a sliding one-minute window. Complements the per-account lockout: the
 * lockout stops guessing one account's password, this stops one client from spraying many accounts.
 */
public final class LoginRateLimiter {

    private static final long WINDOW_MS = 60_000;
    private static final int MAX_CLIENTS = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();

    /**
     * @param perMinute attempts allowed per client per minute
     * @param clock the time source
     */
    public LoginRateLimiter(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("login attempts per minute must be at least 1, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /**
     * Counts an attempt if the client is under its limit.
     *
     * @param client the client address
     * @return true when the attempt may proceed
     */
    public boolean tryAcquire(String client) {
        long now = clock.millis();
        if (attempts.size() > MAX_CLIENTS) {
            attempts.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() < now - WINDOW_MS;
                }
            });
        }
        Deque<Long> q = attempts.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst() < now - WINDOW_MS) {
                q.pollFirst();
            }
            if (q.size() >= perMinute) {
                return false;
            }
            q.addLast(now);
            return true;
        }
    }
}
