package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GroupShiftSettingsTest {

    @Test
    void defaultsAreTheDocumentedConstants() {
        GroupShiftSettings settings = GroupShiftSettings.defaults();

        assertThat(settings.exampleCount()).isEqualTo(GroupShiftSettings.DEFAULT_EXAMPLE_COUNT);
        assertThat(settings.featureCount()).isEqualTo(GroupShiftSettings.DEFAULT_FEATURE_COUNT);
        assertThat(settings.shares()).containsExactly(
                GroupShiftSettings.DEFAULT_MAJORITY_SHARE, GroupShiftSettings.DEFAULT_MINORITY_SHARE);
        assertThat(settings.groupCount()).isEqualTo(2);
        assertThat(settings.noise()).isEqualTo(GroupShiftSettings.DEFAULT_NOISE);
        assertThat(settings.shift()).isEqualTo(GroupShiftSettings.DEFAULT_SHIFT);
        assertThat(settings.curvature()).isEqualTo(GroupShiftSettings.DEFAULT_CURVATURE);
        assertThat(settings.noiseRatio()).isEqualTo(GroupShiftSettings.DEFAULT_NOISE_RATIO);
        assertThat(settings.seed()).isEqualTo(GroupShiftSettings.DEFAULT_SEED);
    }

    @Test
    void withMethodsReturnChangedCopiesAndLeaveTheOriginal() {
        GroupShiftSettings original = GroupShiftSettings.defaults();

        GroupShiftSettings changed = original.withExampleCount(10).withFeatureCount(2)
                .withShares(0.5, 0.25, 0.25).withNoise(1.0).withShift(2.0).withCurvature(0.0)
                .withNoiseRatio(1.0).withSeed(5);

        assertThat(original).isEqualTo(GroupShiftSettings.defaults());
        assertThat(changed.exampleCount()).isEqualTo(10);
        assertThat(changed.featureCount()).isEqualTo(2);
        assertThat(changed.shares()).containsExactly(0.5, 0.25, 0.25);
        assertThat(changed.groupCount()).isEqualTo(3);
        assertThat(changed.noise()).isEqualTo(1.0);
        assertThat(changed.shift()).isEqualTo(2.0);
        assertThat(changed.curvature()).isZero();
        assertThat(changed.noiseRatio()).isEqualTo(1.0);
        assertThat(changed.seed()).isEqualTo(5);
        assertThat(changed).isNotEqualTo(original);
    }

    @Test
    void sharesAreCopiedInAndOut() {
        double[] typed = {0.7, 0.3};
        GroupShiftSettings settings = GroupShiftSettings.defaults().withShares(typed);

        typed[0] = 0.1;
        settings.shares()[1] = 0.9;

        assertThat(settings.shares()).containsExactly(0.7, 0.3);
    }

    @Test
    void sharesTypedAsDecimalsThatMissOneByRoundingAreAccepted() {
        GroupShiftSettings settings = GroupShiftSettings.defaults().withShares(0.1, 0.2, 0.3, 0.4);

        assertThat(settings.groupCount()).isEqualTo(4);
    }

    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                invalid("exampleCount", "0", s -> s.withExampleCount(0)),
                invalid("exampleCount", "-3", s -> s.withExampleCount(-3)),
                invalid("featureCount", "0", s -> s.withFeatureCount(0)),
                invalid("exampleCount * featureCount", "20000 * 200000", s -> s.withFeatureCount(200_000)),
                invalid("shares", "1", s -> s.withShares(1.0)),
                invalid("shares[1]", "0.0", s -> s.withShares(1.0, 0.0)),
                invalid("shares[0]", "-0.2", s -> s.withShares(-0.2, 1.2)),
                invalid("shares[1]", "NaN", s -> s.withShares(0.5, Double.NaN)),
                invalid("shares[0]", "Infinity", s -> s.withShares(Double.POSITIVE_INFINITY, 0.5)),
                invalid("shares", "[0.6, 0.3]", s -> s.withShares(0.6, 0.3)),
                invalid("noise", "-0.1", s -> s.withNoise(-0.1)),
                invalid("noise", "NaN", s -> s.withNoise(Double.NaN)),
                invalid("shift", "-1.0", s -> s.withShift(-1.0)),
                invalid("shift", "Infinity", s -> s.withShift(Double.POSITIVE_INFINITY)),
                invalid("curvature", "-0.5", s -> s.withCurvature(-0.5)),
                invalid("noiseRatio", "NaN", s -> s.withNoiseRatio(Double.NaN)),
                invalid("seed", "-1", s -> s.withSeed(-1)),
                invalid("seed", "4294967296", s -> s.withSeed(1L << 32)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidChanges")
    void invalidValueIsRefusedNamingTheParameterAndTheValue(
            String parameter,
            String value,
            UnaryOperator<GroupShiftSettings> change) {
        assertThatThrownBy(() -> change.apply(GroupShiftSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(parameter + " must")
                .hasMessageContaining(value);
    }

    private static Arguments invalid(String parameter, String value, UnaryOperator<GroupShiftSettings> change) {
        return Arguments.of(parameter, value, change);
    }
}
