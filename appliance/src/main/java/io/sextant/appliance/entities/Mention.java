package io.sextant.appliance.entities;

import java.util.Objects;

/**
 * One occurrence of an entity in a text.
 *
 * @param type    what kind of entity
 * @param name    the normalized name the entity is known by (a person without title, a date in ISO form...)
 * @param surface the text as written
 * @param start   offset of the first character in the text
 * @param end     offset after the last character
 */
public record Mention(EntityType type, String name, String surface, int start, int end) {

    /** Validates. */
    public Mention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(surface, "surface");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** @return the key two mentions of the same entity share: type and case-folded name */
    public String key() {
        return type.label() + ":" + EntityExtractor.fold(name);
    }
}
