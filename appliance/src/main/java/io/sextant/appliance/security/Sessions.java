package io.sextant.appliance.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions of the web UI, in memory: a restart signs everyone out, and nothing about a session is in the
 * cookie but its random id. A session is anonymous (it only carries the CSRF token of the sign-in form) until a
 * successful sign-in replaces it with a fresh authenticated one, so a planted session id is worthless.
 */
public final class Sessions {

    /** Name of the session cookie. */
    public static final String COOKIE = "SEXTANT_SESSION";
    /** Idle lifetime of an anonymous (sign-in form) session. */
    static final Duration ANONYMOUS_IDLE = Duration.ofMinutes(10);
    static final int MAX_SESSIONS = 10_000;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final Clock clock;

    /**
     * @param idleTimeout an authenticated session ends after this long without a request
     * @param maxAge and in any case this long after sign-in
     * @param clock the time source
     */
    public Sessions(Duration idleTimeout, Duration maxAge, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** One session. {@code accountId} is null while anonymous. */
    public static final class Session {
        private final String id;
        private final Long accountId;
        private final String csrf;
        private final Instant created;
        private volatile Instant lastSeen;

        Session(String id, Long accountId, String csrf, Instant created) {
            this.id = id;
            this.accountId = accountId;
            this.csrf = csrf;
            this.created = created;
            this.lastSeen = created;
        }

        /** @return the random session id (the cookie value) */
        public String id() {
            return id;
        }

        /** @return the signed-in account, empty while anonymous */
        public Optional<Long> accountId() {
            return Optional.ofNullable(accountId);
        }

        /** @return the synchronizer CSRF token of this session */
        public String csrf() {
            return csrf;
        }
    }

    /** @return a new anonymous session */
    public Session anonymous() {
        return put(null);
    }

    /**
     * @param accountId who signed in
     * @return a new authenticated session
     */
    public Session signedIn(long accountId) {
        return put(accountId);
    }

    /**
     * @param id a cookie value
     * @return the live session with that id (touched), or empty when unknown or expired
     */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    /** @param id a session to end */
    public void invalidate(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** @param accountId end every session of this account (after a lock or a password change) */
    public void invalidateAccount(long accountId) {
        sessions.values().removeIf(s -> s.accountId != null && s.accountId == accountId);
    }

    /** @return how long an authenticated session lives without requests */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    private Session put(Long accountId) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> expired(s, now));
            if (sessions.size() >= MAX_SESSIONS) {
                // Full of live sessions: drop the oldest anonymous one rather than refuse sign-ins.
                sessions.values().stream().filter(s -> s.accountId == null)
                        .min(Comparator.comparing(s -> s.lastSeen))
                        .ifPresent(s -> sessions.remove(s.id));
            }
        }
        Session s = new Session(token(), accountId, token(), now);
        sessions.put(s.id, s);
        return s;
    }

    private boolean expired(Session s, Instant now) {
        if (s.accountId == null) {
            return s.lastSeen.plus(ANONYMOUS_IDLE).isBefore(now);
        }
        return s.lastSeen.plus(idleTimeout).isBefore(now) || s.created.plus(maxAge).isBefore(now);
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
