package io.sextant.appliance.platform;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.H2AuditLog;
import io.sextant.appliance.security.Accounts;
import io.sextant.appliance.security.ApiTokens;
import io.sextant.appliance.security.LockoutPolicy;
import io.sextant.appliance.security.LoginRateLimiter;
import io.sextant.appliance.security.PasswordHasher;
import io.sextant.appliance.security.Sessions;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Builds the appliance's plain-Java services as beans. The same classes serve the console commands without a
 * container; only this factory knows they are wired into Micronaut. The {@link Database} singleton is registered by
 * {@link ServerLauncher}.
 */
@Factory
final class ApplianceFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    @Singleton
    AuditLog auditLog(Database db, Clock clock) {
        return new H2AuditLog(db.dataSource(), clock);
    }

    @Singleton
    Accounts accounts(Database db, PasswordHasher hasher, AuditLog audit, SecurityConfig cfg, Clock clock) {
        return new Accounts(db.dataSource(), hasher, audit,
                new LockoutPolicy(cfg.lockoutMaxFailures(), cfg.lockoutDuration()), clock);
    }

    @Singleton
    ApiTokens apiTokens(Database db, AuditLog audit, Clock clock) {
        return new ApiTokens(db.dataSource(), audit, clock);
    }

    @Singleton
    Sessions sessions(SecurityConfig cfg, Clock clock) {
        return new Sessions(cfg.sessionIdleTimeout(), cfg.sessionMaxAge(), clock);
    }

    @Singleton
    LoginRateLimiter loginRateLimiter(SecurityConfig cfg, Clock clock) {
        return new LoginRateLimiter(cfg.loginAttemptsPerMinute(), clock);
    }

    @Singleton
    MessageSource messages() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}
