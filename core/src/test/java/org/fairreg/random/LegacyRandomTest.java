package org.fairreg.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LegacyRandomTest {

    /**
     * Largest difference allowed between a normal variate and numpy's, in units in the last
     * place: {@code StrictMath.log} and the C library's {@code log} can differ by one unit, which
     * the division, square root and product of the polar method grow to at most 3 (observed on
     * 200000 variates).
     */
    private static final int NORMAL_ULPS = 4;

    private static final String REFERENCE = "/seed/rng_reference.json";
    private static final long REFERENCE_SEED = 42;
    private static final long GROUP_SEED = 7;

    private static JsonNode reference;

    @BeforeAll
    static void readReference() throws IOException {
        try (InputStream stream = LegacyRandomTest.class.getResourceAsStream(REFERENCE)) {
            assertThat(stream).as(REFERENCE).isNotNull();
            reference = new ObjectMapper().readTree(stream);
        }
    }

    @Test
    void referenceHoldsExactlyTheListsThisTestChecks() {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> names = reference.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }

        assertThat(keys).containsExactlyInAnyOrder(
                "about",
                "random_sample_x5",
                "standard_normal_x5",
                "uniform_x5",
                "normal_scale_0.2_x5",
                "permutation_10",
                "shuffle_arange_10",
                "seed_7_randint_0_2_x20",
                "permutation_20000_first_10");
    }

    @Test
    void randomSampleEqualsNumpy() {
        LegacyRandom random = new LegacyRandom(REFERENCE_SEED);

        assertThat(draw(random::randomSample, "random_sample_x5"))
                .containsExactly(doubles("random_sample_x5"));
    }

    @Test
    void uniformEqualsNumpy() {
        LegacyRandom random = new LegacyRandom(REFERENCE_SEED);

        assertThat(draw(() -> random.uniform(0.0, 1.0), "uniform_x5"))
                .containsExactly(doubles("uniform_x5"));
    }

    @Test
    void standardNormalEqualsNumpyToTheLastBits() {
        LegacyRandom random = new LegacyRandom(REFERENCE_SEED);

        assertCloseInUlps(draw(random::standardNormal, "standard_normal_x5"),
                doubles("standard_normal_x5"));
    }

    @Test
    void normalEqualsNumpyToTheLastBits() {
        LegacyRandom random = new LegacyRandom(REFERENCE_SEED);

        assertCloseInUlps(draw(() -> random.normal(0.0, 0.2), "normal_scale_0.2_x5"),
                doubles("normal_scale_0.2_x5"));
    }

    @Test
    void permutationEqualsNumpy() {
        assertThat(new LegacyRandom(REFERENCE_SEED).permutation(10))
                .containsExactly(ints("permutation_10"));
    }

    @Test
    void permutationOfManyEqualsNumpy() {
        int[] permutation = new LegacyRandom(REFERENCE_SEED).permutation(20_000);

        assertThat(Arrays.copyOf(permutation, 10))
                .containsExactly(ints("permutation_20000_first_10"));
    }

    @Test
    void shuffleEqualsNumpy() {
        int[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

        new LegacyRandom(REFERENCE_SEED).shuffle(values);

        assertThat(values).containsExactly(ints("shuffle_arange_10"));
    }

    @Test
    void randintEqualsNumpy() {
        LegacyRandom random = new LegacyRandom(GROUP_SEED);

        int[] expected = ints("seed_7_randint_0_2_x20");
        int[] actual = new int[expected.length];
        for (int e = 0; e < actual.length; e++) {
            actual[e] = random.randint(0, 2);
        }

        assertThat(actual).containsExactly(expected);
    }

    @Test
    void randintOverWideRangesEqualsNumpy() {
        // numpy 2.4.6: RandomState(1).randint(-5, 2**31 - 1, size=4) and
        // RandomState(1).randint(-2**31, 2**31 - 1, size=4); the second needs every bit of a draw.
        LegacyRandom shifted = new LegacyRandom(1);
        LegacyRandom full = new LegacyRandom(1);

        assertThat(drawInts(() -> shifted.randint(-5, Integer.MAX_VALUE), 4))
                .containsExactly(1791095840, 491258, 550290308, 1298508486);
        assertThat(drawInts(() -> full.randint(Integer.MIN_VALUE, Integer.MAX_VALUE), 4))
                .containsExactly(-356387803, 2135392491, 946286476, 1857819720);
    }

    @Test
    void nextIntFollowsTheReferenceMersenneTwister() {
        // Seed 5489 is the reference implementation's default; its first output is 3499211612, and
        // the C++ standard ([rand.predef]) requires 4123659995 as the 10000th.
        LegacyRandom random = new LegacyRandom(5489);

        int first = random.nextInt();
        int last = first;
        for (int i = 2; i <= 10_000; i++) {
            last = random.nextInt();
        }

        assertThat(Integer.toUnsignedLong(first)).isEqualTo(3_499_211_612L);
        assertThat(Integer.toUnsignedLong(last)).isEqualTo(4_123_659_995L);
    }

    @Test
    void seedsAtTheEndsOfTheRangeAreAccepted() {
        assertThat(new LegacyRandom(0).saveState().key()[0]).isZero();
        assertThat(new LegacyRandom(LegacyRandom.MAX_SEED).saveState().key()[0]).isEqualTo(-1);
    }

    @Test
    void negativeSeedIsRejected() {
        assertThatThrownBy(() -> new LegacyRandom(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed")
                .hasMessageContaining("-1");
    }

    @Test
    void seedAbove32BitsIsRejected() {
        assertThatThrownBy(() -> new LegacyRandom(1L << 32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed")
                .hasMessageContaining("4294967296");
    }

    @Test
    void checkSeedNamesTheParameterGiven() {
        assertThatThrownBy(() -> LegacyRandom.checkSeed("groupSeed", -3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("groupSeed ")
                .hasMessageContaining("-3");
    }

    @Test
    void permutationHoldsEveryIndexOnce() {
        int[] permutation = new LegacyRandom(3).permutation(1_000);

        int[] sorted = permutation.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertThat(sorted[i]).as("sorted index %d", i).isEqualTo(i);
        }
        assertThat(permutation).isNotEqualTo(sorted);
    }

    @Test
    void permutationEqualsShuffledRange() {
        int[] values = new int[50];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }

        new LegacyRandom(11).shuffle(values);

        assertThat(new LegacyRandom(11).permutation(50)).containsExactly(values);
    }

    @Test
    void shuffleMovesValuesNotIndices() {
        int[] values = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
        int[] order = ints("shuffle_arange_10");

        new LegacyRandom(REFERENCE_SEED).shuffle(values);

        for (int i = 0; i < values.length; i++) {
            assertThat(values[i]).as("values[%d]", i).isEqualTo(10 + order[i]);
        }
    }

    @Test
    void shuffleOfFewerThanTwoValuesDrawsNothing() {
        LegacyRandom random = new LegacyRandom(5);
        LegacyRandom.State before = random.saveState();

        random.shuffle(new int[0]);
        random.shuffle(new int[] {7});

        assertThat(random.saveState()).isEqualTo(before);
        assertThat(random.permutation(0)).isEmpty();
    }

    @Test
    void permutationOfNegativeCountIsRejected() {
        assertThatThrownBy(() -> new LegacyRandom(1).permutation(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n ")
                .hasMessageContaining("-2");
    }

    @Test
    void intervalStaysInItsRangeAndReachesBothEnds() {
        LegacyRandom random = new LegacyRandom(9);
        boolean[] seen = new boolean[6];

        for (int draw = 0; draw < 600; draw++) {
            int value = random.interval(5);
            assertThat(value).isBetween(0, 5);
            seen[value] = true;
        }

        assertThat(seen).containsOnly(true);
    }

    @Test
    void intervalOfZeroDrawsNothing() {
        LegacyRandom random = new LegacyRandom(5);
        LegacyRandom.State before = random.saveState();

        assertThat(random.interval(0)).isZero();
        assertThat(random.randint(4, 5)).isEqualTo(4);
        assertThat(random.saveState()).isEqualTo(before);
    }

    @Test
    void intervalOfNegativeMaxIsRejected() {
        assertThatThrownBy(() -> new LegacyRandom(1).interval(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max")
                .hasMessageContaining("-1");
    }

    @Test
    void randintWithEmptyRangeIsRejected() {
        assertThatThrownBy(() -> new LegacyRandom(1).randint(3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("high")
                .hasMessageContaining("low 3");
    }

    @Test
    void uniformScalesRandomSample() {
        LegacyRandom random = new LegacyRandom(13);
        LegacyRandom twin = new LegacyRandom(13);

        for (int draw = 0; draw < 10; draw++) {
            double expected = 5.0 + (2.0 - 5.0) * twin.randomSample();
            assertThat(random.uniform(5.0, 2.0)).isEqualTo(expected);
        }
    }

    @Test
    void uniformWithInfiniteRangeIsRejected() {
        assertThatThrownBy(() -> new LegacyRandom(1).uniform(-Double.MAX_VALUE, Double.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("high - low");
    }

    @Test
    void normalShiftsAndScalesStandardNormal() {
        LegacyRandom random = new LegacyRandom(13);
        LegacyRandom twin = new LegacyRandom(13);

        for (int draw = 0; draw < 10; draw++) {
            assertThat(random.normal(3.0, 0.5)).isEqualTo(3.0 + 0.5 * twin.standardNormal());
        }
    }

    @Test
    void normalWithNegativeScaleIsRejected() {
        assertThatThrownBy(() -> new LegacyRandom(1).normal(0.0, -0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale")
                .hasMessageContaining("-0.1");
    }

    @Test
    void savedStateEqualsNumpyGetState() {
        // numpy 2.4.6: RandomState(42).get_state() holds key[0..2] = 42, 3107752595, 1895908407
        // and pos 624; after random_sample(3) and standard_normal() it holds pos 10, has_gauss 1
        // and cached_gaussian 0.31890218468938336.
        LegacyRandom random = new LegacyRandom(REFERENCE_SEED);
        LegacyRandom.State seeded = random.saveState();
        for (int draw = 0; draw < 3; draw++) {
            random.randomSample();
        }
        random.standardNormal();
        LegacyRandom.State drawn = random.saveState();

        assertThat(Arrays.copyOf(seeded.key(), 3))
                .containsExactly(42, (int) 3_107_752_595L, 1_895_908_407);
        assertThat(seeded.position()).isEqualTo(LegacyRandom.KEY_LENGTH);
        assertThat(seeded.hasCachedNormal()).isFalse();
        assertThat(drawn.position()).isEqualTo(10);
        assertThat(drawn.hasCachedNormal()).isTrue();
        assertCloseInUlps(new double[] {drawn.cachedNormal()}, new double[] {0.31890218468938336});
    }

    @Test
    void restoredStateRepeatsTheDrawsThatFollowedIt() {
        LegacyRandom random = new LegacyRandom(21);
        random.permutation(700);
        random.standardNormal();
        LegacyRandom.State checkpoint = random.saveState();
        double[] expected = mixedDraws(random);

        LegacyRandom resumed = new LegacyRandom(0);
        resumed.restoreState(checkpoint);

        assertThat(mixedDraws(resumed)).containsExactly(expected);
        assertThat(resumed.saveState()).isEqualTo(random.saveState());
    }

    @Test
    void stateRebuiltFromItsPartsResumesTheSameStream() {
        LegacyRandom random = new LegacyRandom(8);
        random.standardNormal();
        LegacyRandom.State saved = random.saveState();

        LegacyRandom.State rebuilt = LegacyRandom.State.of(
                saved.key(), saved.position(), saved.hasCachedNormal(), saved.cachedNormal());
        LegacyRandom resumed = new LegacyRandom(0);
        resumed.restoreState(rebuilt);

        assertThat(rebuilt).isEqualTo(saved).hasSameHashCodeAs(saved);
        assertThat(mixedDraws(resumed)).containsExactly(mixedDraws(random));
    }

    @Test
    void stateDoesNotShareItsKey() {
        LegacyRandom random = new LegacyRandom(8);
        LegacyRandom.State saved = random.saveState();
        int[] key = saved.key();

        key[0] = ~key[0];
        random.nextInt();

        assertThat(saved.key()[0]).isEqualTo(8);
        assertThat(saved.position()).isEqualTo(LegacyRandom.KEY_LENGTH);
    }

    @Test
    void stateWithWrongKeyLengthIsRejected() {
        assertThatThrownBy(() -> LegacyRandom.State.of(new int[623], 0, false, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key")
                .hasMessageContaining("623");
    }

    @Test
    void stateWithPositionOutOfRangeIsRejected() {
        int[] key = new int[LegacyRandom.KEY_LENGTH];

        assertThatThrownBy(() -> LegacyRandom.State.of(key, 625, false, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position")
                .hasMessageContaining("625");
    }

    /** Draws from every method, crossing a key regeneration, for resume tests. */
    private static double[] mixedDraws(LegacyRandom random) {
        int rounds = 200;
        int permutationSize = 20;
        double[] draws = new double[4 * rounds + permutationSize];
        int next = 0;
        for (int round = 0; round < rounds; round++) {
            draws[next++] = random.standardNormal();
            draws[next++] = random.randomSample();
            draws[next++] = random.nextInt();
            draws[next++] = random.randint(-3, 1000);
        }
        for (int value : random.permutation(permutationSize)) {
            draws[next++] = value;
        }
        return draws;
    }

    private static double[] draw(DoubleSupplier source, String key) {
        double[] values = new double[reference.get(key).size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = source.getAsDouble();
        }
        return values;
    }

    private static int[] drawInts(IntSupplier source, int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = source.getAsInt();
        }
        return values;
    }

    /** Reads a list of doubles, which the reference writes as strings to keep every digit. */
    private static double[] doubles(String key) {
        JsonNode list = reference.get(key);
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble(list.get(i).asText());
        }
        return values;
    }

    private static int[] ints(String key) {
        JsonNode list = reference.get(key);
        int[] values = new int[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i).intValue();
        }
        return values;
    }

    private static void assertCloseInUlps(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double allowed = NORMAL_ULPS * Math.ulp(expected[i]);
            assertThat(Math.abs(actual[i] - expected[i]))
                    .as("value %d: %s, numpy %s", i, actual[i], expected[i])
                    .isLessThanOrEqualTo(allowed);
        }
    }
}
