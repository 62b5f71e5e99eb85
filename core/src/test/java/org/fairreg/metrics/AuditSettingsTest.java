package org.fairreg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditSettingsTest {

    @Test
    void defaultsAreThoseDocumented() {
        AuditSettings defaults = AuditSettings.defaults();

        assertThat(defaults.level()).isEqualTo(0.95);
        assertThat(defaults.resamples()).isEqualTo(1000);
        assertThat(defaults.permutations()).isEqualTo(1000);
        assertThat(defaults.seed()).isEqualTo(42);
        assertThat(defaults.minGroupRows()).isEqualTo(30);
    }

    @Test
    void eachWithChangesOnlyItsSetting() {
        AuditSettings changed = AuditSettings.defaults()
                .withLevel(0.9)
                .withResamples(200)
                .withPermutations(300)
                .withSeed(7)
                .withMinGroupRows(0);

        assertThat(changed).isEqualTo(new AuditSettings(0.9, 200, 300, 7, 0));
        assertThat(AuditSettings.defaults().withSeed(7).resamples()).isEqualTo(AuditSettings.DEFAULT_RESAMPLES);
    }

    @Test
    void significanceIsOneMinusLevelInDecimal() {
        // 1 - 0.95 in binary is 0.050000000000000044; a p-value of exactly 50/1000 must reach it.
        assertThat(AuditSettings.defaults().significance()).isEqualTo(0.05);
        assertThat(AuditSettings.defaults().withLevel(0.9).significance()).isEqualTo(0.1);
        assertThat(AuditSettings.defaults().withLevel(0.99).significance()).isEqualTo(0.01);
    }

    @Test
    void levelOutsideOpenUnitIntervalIsRejectedNamingIt() {
        for (double level : new double[] {0.0, 1.0, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> AuditSettings.defaults().withLevel(level))
                    .as("level %s", level)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("level")
                    .hasMessageContaining(String.valueOf(level));
        }
    }

    @Test
    void drawCountsOutsideTheirRangeAreRejectedNamingThem() {
        assertThatThrownBy(() -> AuditSettings.defaults().withResamples(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resamples")
                .hasMessageContaining("found 0");
        assertThatThrownBy(() -> AuditSettings.defaults().withResamples(AuditSettings.MAX_DRAWS + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resamples")
                .hasMessageContaining("found " + (AuditSettings.MAX_DRAWS + 1));
        assertThatThrownBy(() -> AuditSettings.defaults().withPermutations(-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permutations")
                .hasMessageContaining("found -3");
    }

    @Test
    void seedOutsideUnsigned32BitsIsRejectedNamingIt() {
        assertThatThrownBy(() -> AuditSettings.defaults().withSeed(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed")
                .hasMessageContaining("found -1");
        assertThatThrownBy(() -> AuditSettings.defaults().withSeed(1L << 32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed")
                .hasMessageContaining("found " + (1L << 32));
    }

    @Test
    void negativeSmallGroupThresholdIsRejectedNamingIt() {
        assertThatThrownBy(() -> AuditSettings.defaults().withMinGroupRows(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minGroupRows")
                .hasMessageContaining("found -1");
    }
}
