package io.sextant.appliance.platform;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * What the site configures about itself ({@code sextant.site.*} in sextant.yml).
 *
 * @param name the system's name as shown in the UI
 * @param notice the notice-and-consent text users must acknowledge before signing in
 * @param accreditation the highest classification the system is accredited for, as shown on the sign-in page
 */
@ConfigurationProperties("sextant.site")
public record SiteConfig(
        @Bindable(defaultValue = "Sextant") String name,
        @Bindable(defaultValue = "You are accessing a U.S. Government information system, which is provided for "
                + "U.S. Government-authorized use only. Use of this system indicates consent to monitoring and "
                + "recording. Unauthorized or improper use may result in disciplinary action and civil and criminal "
                + "penalties.") String notice,
        @Bindable(defaultValue = "UNCLASSIFIED") String accreditation) {
}
