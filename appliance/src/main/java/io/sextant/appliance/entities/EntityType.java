package io.sextant.appliance.entities;

import java.util.Locale;

/** The kinds of named entity Sextant extracts. */
public enum EntityType {
    /** A person, named with or without a title. */
    PERSON,
    /** A unit, ministry, company, agency or other organization. */
    ORGANIZATION,
    /** A country, city, region, route or grid reference. */
    PLACE,
    /** A weapon system, vehicle or platform. */
    EQUIPMENT,
    /** A calendar date or date-time group. */
    DATE;

    /** @return the lower-case label used in URLs and JSON */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label a label such as {@code person} (any case)
     * @return the type
     * @throws IllegalArgumentException for an unknown label
     */
    public static EntityType parse(String label) {
        return valueOf(label.strip().toUpperCase(Locale.ROOT));
    }
}
