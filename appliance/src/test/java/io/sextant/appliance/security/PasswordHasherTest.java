package io.sextant.appliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreArgon2idWithTheirParametersAndAFreshSalt() {
        String a = hasher.hash("correct horse".toCharArray());
        String b = hasher.hash("correct horse".toCharArray());
        assertThat(a).startsWith("$argon2id$v=19$m=65536,t=3,p=1$").isNotEqualTo(b);
        assertThat(hasher.verify("correct horse".toCharArray(), a)).isTrue();
        assertThat(hasher.verify("correct horsE".toCharArray(), a)).isFalse();
    }

    @Test
    void storedParametersAreHonouredAndGarbageNeverVerifies() {
        String weak = "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertThat(hasher.verify("x".toCharArray(), weak)).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "plain")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "$argon2i$v=19$m=1024,t=1,p=1$AA$AA")).isFalse();
    }
}
