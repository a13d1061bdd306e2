package io.sextant.appliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BannerTest {

    @Test
    void colourFollowsTheLevelAndSciTurnsTopSecretYellow() {
        assertThat(Banner.of("UNCLASSIFIED").css()).isEqualTo("banner-u");
        assertThat(Banner.of("CONFIDENTIAL//REL TO USA, GBR").css()).isEqualTo("banner-c");
        assertThat(Banner.of("secret//noforn").css()).isEqualTo("banner-s");
        assertThat(Banner.of("secret//noforn").text()).isEqualTo("SECRET//NOFORN");
        assertThat(Banner.of("TOP SECRET//NOFORN").css()).isEqualTo("banner-ts");
        assertThat(Banner.of("TOP SECRET//SI-G/TK//NOFORN").css()).isEqualTo("banner-ts-sci");
        assertThat(Banner.UNCLASSIFIED.text()).isEqualTo("UNCLASSIFIED");
    }
}
