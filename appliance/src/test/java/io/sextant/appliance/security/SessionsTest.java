package io.sextant.appliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T08:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final Sessions sessions = new Sessions(Duration.ofMinutes(15), Duration.ofHours(12), clock);

    private void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void anIdleSessionEndsAfterTheTimeoutAndActivityKeepsItAlive() {
        Sessions.Session s = sessions.signedIn(7);
        advance(Duration.ofMinutes(14));
        assertThat(sessions.find(s.id())).isPresent();
        advance(Duration.ofMinutes(14));
        assertThat(sessions.find(s.id())).as("touched 14 minutes ago").isPresent();
        advance(Duration.ofMinutes(16));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void anActiveSessionStillEndsAtItsMaximumAge() {
        Sessions.Session s = sessions.signedIn(7);
        for (int i = 0; i < 12 * 6; i++) {
            advance(Duration.ofMinutes(10));
            sessions.find(s.id());
        }
        advance(Duration.ofMinutes(1));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void idsAndCsrfTokensAreRandomAndSessionsEndPerAccount() {
        Sessions.Session a = sessions.signedIn(1);
        Sessions.Session b = sessions.signedIn(1);
        Sessions.Session other = sessions.signedIn(2);
        Sessions.Session anonymous = sessions.anonymous();
        assertThat(a.id()).hasSize(43).isNotEqualTo(b.id());
        assertThat(a.csrf()).hasSize(43).isNotEqualTo(b.csrf()).isNotEqualTo(a.id());
        assertThat(anonymous.accountId()).isEmpty();
        sessions.invalidateAccount(1);
        assertThat(sessions.find(a.id())).isEmpty();
        assertThat(sessions.find(b.id())).isEmpty();
        assertThat(sessions.find(other.id())).isPresent();
        assertThat(sessions.find("no-such-id")).isEmpty();
        advance(Duration.ofMinutes(11));
        assertThat(sessions.find(anonymous.id())).as("anonymous sessions live 10 minutes").isEmpty();
    }
}
