package io.sextant.appliance.platform;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Account and session policy ({@code sextant.security.*} in sextant.yml).
 *
 * @param lockoutMaxFailures consecutive failed sign-ins that lock an account
 * @param lockoutDuration how long that lock lasts
 * @param sessionIdleTimeout a UI session ends after this long without requests
 * @param sessionMaxAge and in any case this long after sign-in
 * @param loginAttemptsPerMinute sign-in attempts allowed per client address per minute
 */
@ConfigurationProperties("sextant.security")
public record SecurityConfig(
        @Bindable(defaultValue = "5") int lockoutMaxFailures,
        @Bindable(defaultValue = "15m") Duration lockoutDuration,
        @Bindable(defaultValue = "15m") Duration sessionIdleTimeout,
        @Bindable(defaultValue = "12h") Duration sessionMaxAge,
        @Bindable(defaultValue = "20") int loginAttemptsPerMinute) {
}
