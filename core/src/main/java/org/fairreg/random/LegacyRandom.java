package org.fairreg.random;

import java.util.Arrays;

/**
 * A port of numpy's legacy {@code numpy.random.RandomState}: the 32-bit Mersenne Twister MT19937
 * and the legacy methods built on it, giving the same values as numpy for the same seed.
 *
 * <p>The generator is MT19937 (M. Matsumoto and T. Nishimura, "Mersenne Twister: a
 * 623-dimensionally equidistributed uniform pseudo-random number generator", ACM Transactions on
 * Modeling and Computer Simulation 8(1), 1998). It is seeded as {@code RandomState(seed)} seeds
 * it from an integer, by the reference {@code init_genrand}:
 * <pre>
 *   key[0] = seed
 *   key[i] = 1812433253 * (key[i-1] ^ (key[i-1] &gt;&gt;&gt; 30)) + i   (mod 2^32, i = 1..623)
 * </pre>
 * and the first draw regenerates the whole key. Each method names the numpy call it matches and
 * gives its formula. Checked against numpy 2.4.6; numpy keeps the legacy stream unchanged across
 * versions (NEP 19), so the values hold for other versions too.
 *
 * <p>Known limit: normal variates can differ from numpy's in the last bits. They take a
 * logarithm, and this class uses {@link StrictMath#log} so that every platform gives the same
 * values, whereas numpy calls the C library's {@code log}; the two disagree in the last bit for
 * some arguments. Against numpy 2.4.6 with glibc 2.36, 3% of the first 200000 normal variates of
 * seed 42 differ, by 1 to 3 units in the last place (relative difference below 5e-16). Every
 * other method, and which raw draws a normal variate consumes, match numpy exactly.
 *
 * <p>Not thread-safe: every method reads and updates the state. Give each thread its own
 * instance.
 */
public final class LegacyRandom {

    /** Number of 32-bit words in the MT19937 key. */
    public static final int KEY_LENGTH = 624;

    /** Largest seed {@code RandomState} accepts as an integer, 2^32 - 1. */
    public static final long MAX_SEED = 0xFFFF_FFFFL;

    /** Offset of the word combined with the current one when the key is regenerated. */
    private static final int SHIFT = 397;
    private static final int MATRIX_A = 0x9908_B0DF;
    private static final int UPPER_MASK = 0x8000_0000;
    private static final int LOWER_MASK = 0x7FFF_FFFF;
    private static final int SEED_MULTIPLIER = 1_812_433_253;

    /** 2^26: the weight of the high 27 bits in a 53-bit uniform. */
    private static final double HIGH_WEIGHT = 67_108_864.0;
    /** 2^53: the number of distinct values a 53-bit uniform takes. */
    private static final double UNIFORM_SCALE = 9_007_199_254_740_992.0;

    private final int[] key = new int[KEY_LENGTH];
    private int position;
    private boolean hasCachedNormal;
    private double cachedNormal;

    /**
     * Creates a generator seeded as {@code numpy.random.RandomState(seed)}.
     *
     * @param seed the seed, from 0 to {@link #MAX_SEED}
     * @throws IllegalArgumentException if {@code seed} is outside {@code [0, 2^32 - 1]}
     */
    public LegacyRandom(long seed) {
        checkSeed("seed", seed);
        key[0] = (int) seed;
        for (int i = 1; i < KEY_LENGTH; i++) {
            int previous = key[i - 1];
            key[i] = SEED_MULTIPLIER * (previous ^ (previous >>> 30)) + i;
        }
        position = KEY_LENGTH;
    }

    /**
     * Checks that a seed is one {@code RandomState} accepts as an integer.
     *
     * @param name the parameter name to put in the message
     * @param seed the seed
     * @throws IllegalArgumentException if {@code seed} is outside {@code [0, 2^32 - 1]}
     */
    public static void checkSeed(String name, long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException(
                    name + " must be in [0, " + MAX_SEED + "], found " + seed);
        }
    }

    /**
     * Returns the next raw 32-bit output of MT19937 (numpy's {@code next_uint32}), tempered:
     * {@code y ^= y >>> 11; y ^= (y << 7) & 0x9d2c5680; y ^= (y << 15) & 0xefc60000;
     * y ^= y >>> 18}.
     *
     * @return the output, its 32 bits unchanged in a Java {@code int} (so values of 2^31 and
     *         above come out negative)
     */
    public int nextInt() {
        if (position == KEY_LENGTH) {
            regenerateKey();
        }
        int y = key[position++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C_5680;
        y ^= (y << 15) & 0xEFC6_0000;
        y ^= y >>> 18;
        return y;
    }

    /**
     * Returns a uniform value in {@code [0, 1)} with 53 random bits, as
     * {@code RandomState.random_sample()}: from two draws {@code a} then {@code b},
     * {@code ((a >>> 5) * 2^26 + (b >>> 6)) / 2^53}.
     *
     * @return the value, a multiple of 2^-53 in {@code [0, 1)}
     */
    public double randomSample() {
        int high = nextInt() >>> 5;
        int low = nextInt() >>> 6;
        return (high * HIGH_WEIGHT + low) / UNIFORM_SCALE;
    }

    /**
     * Returns a standard normal value, as {@code RandomState.standard_normal()} (numpy's
     * {@code legacy_gauss}): Marsaglia's polar method, which makes two values at a time and keeps
     * the second for the next call.
     *
     * <p>With no value kept, it repeats {@code x1 = 2 u1 - 1}, {@code x2 = 2 u2 - 1},
     * {@code r2 = x1^2 + x2^2} from two {@link #randomSample()} values until
     * {@code 0 < r2 < 1}, then with {@code f = sqrt(-2 ln(r2) / r2)} returns {@code f x2} and
     * keeps {@code f x1}.
     *
     * @return the value
     */
    public double standardNormal() {
        if (hasCachedNormal) {
            hasCachedNormal = false;
            double kept = cachedNormal;
            cachedNormal = 0.0;
            return kept;
        }

        double x1;
        double x2;
        double radiusSquared;
        do {
            x1 = 2.0 * randomSample() - 1.0;
            x2 = 2.0 * randomSample() - 1.0;
            radiusSquared = x1 * x1 + x2 * x2;
        } while (radiusSquared >= 1.0 || radiusSquared == 0.0);

        double factor = Math.sqrt(-2.0 * StrictMath.log(radiusSquared) / radiusSquared);
        cachedNormal = factor * x1;
        hasCachedNormal = true;
        return factor * x2;
    }

    /**
     * Returns a normal value, as {@code RandomState.normal(loc, scale)}:
     * {@code loc + scale * standardNormal()}.
     *
     * @param loc the mean
     * @param scale the standard deviation, at least 0
     * @return the value
     * @throws IllegalArgumentException if {@code scale} is negative or NaN
     */
    public double normal(double loc, double scale) {
        if (!(scale >= 0.0)) {
            throw new IllegalArgumentException("scale must be at least 0, found " + scale);
        }
        return loc + scale * standardNormal();
    }

    /**
     * Returns a uniform value between two bounds, as {@code RandomState.uniform(low, high)}:
     * {@code low + (high - low) * randomSample()}. As in numpy, {@code high} may be below
     * {@code low}.
     *
     * @param low the bound the value starts from, included
     * @param high the other bound, excluded except by rounding
     * @return the value
     * @throws IllegalArgumentException if {@code high - low} is not finite
     */
    public double uniform(double low, double high) {
        double range = high - low;
        if (!Double.isFinite(range)) {
            throw new IllegalArgumentException(
                    "high - low must be finite, found high " + high + " and low " + low);
        }
        return low + range * randomSample();
    }

    /**
     * Returns an integer in {@code [0, max]} with every value equally likely, as numpy's legacy
     * {@code random_interval(max)}: with {@code mask} the smallest {@code 2^k - 1 >= max}, it
     * draws {@code nextInt() & mask} until the result is at most {@code max}. Returns 0 without
     * drawing when {@code max} is 0.
     *
     * @param max the largest value wanted, at least 0 (inclusive, unlike {@code randint})
     * @return the value
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public int interval(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be at least 0, found " + max);
        }
        return (int) maskedDraw(max);
    }

    /**
     * Returns an integer in {@code [low, high)} with every value equally likely, as
     * {@code RandomState.randint(low, high)} with its default 64-bit integer type: with
     * {@code range = high - 1 - low}, it returns {@code low + v}, {@code v} drawn in
     * {@code [0, range]} by the masked rejection of {@link #interval(int)} (numpy's
     * {@code random_bounded_uint64_fill} on 32-bit draws, which is what numpy does for ranges
     * below 2^32). Returns {@code low} without drawing when {@code high = low + 1}.
     *
     * @param low the smallest value, included
     * @param high the bound, excluded; above {@code low}
     * @return the value
     * @throws IllegalArgumentException if {@code high <= low}
     */
    public int randint(int low, int high) {
        if (high <= low) {
            throw new IllegalArgumentException(
                    "high must be above low, found low " + low + " and high " + high);
        }
        return (int) (low + maskedDraw((long) high - low - 1));
    }

    /**
     * Shuffles the values in place, as {@code RandomState.shuffle} does a one-dimensional array:
     * for {@code i} from {@code n - 1} down to 1, swaps {@code values[i]} and
     * {@code values[interval(i)]}.
     *
     * @param values the values to shuffle; modified
     */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = (int) maskedDraw(i);
            int swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
    }

    /**
     * Returns a random ordering of {@code 0 .. n-1}, as {@code RandomState.permutation(n)}:
     * {@code 0, 1, ..., n-1} shuffled by {@link #shuffle(int[])}.
     *
     * @param n the number of values, at least 0
     * @return the permutation, a new array of length {@code n}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be at least 0, found " + n);
        }
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        shuffle(values);
        return values;
    }

    /**
     * Saves the complete state, so that {@link #restoreState(State)} can later resume the stream
     * exactly where it is now.
     *
     * @return a copy of the state
     */
    public State saveState() {
        return new State(key.clone(), position, hasCachedNormal, cachedNormal);
    }

    /**
     * Replaces the state of this generator by a saved one; the next outputs are those that
     * followed the moment it was saved.
     *
     * @param state the state to resume from
     */
    public void restoreState(State state) {
        System.arraycopy(state.key, 0, key, 0, KEY_LENGTH);
        position = state.position;
        hasCachedNormal = state.hasCachedNormal;
        cachedNormal = state.cachedNormal;
    }

    /**
     * Draws until {@code nextInt() & mask} is at most {@code max}, the masked rejection both
     * {@code random_interval} and the legacy {@code randint} use for ranges below 2^32.
     *
     * @param max the largest value wanted, in {@code [0, 2^32 - 1]}
     */
    private long maskedDraw(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = -1L >>> Long.numberOfLeadingZeros(max);
        long value;
        do {
            value = Integer.toUnsignedLong(nextInt()) & mask;
        } while (value > max);
        return value;
    }

    /**
     * Replaces all 624 words at once, the MT19937 recurrence: each word takes the top bit of
     * itself and the low 31 bits of its successor, shifted right by one, XORed with the word
     * {@link #SHIFT} places ahead (cyclically) and, when the shifted-out bit is 1, with
     * {@link #MATRIX_A}. Words past the end wrap to the start, which by then is already new.
     */
    private void regenerateKey() {
        int i = 0;
        for (; i < KEY_LENGTH - SHIFT; i++) {
            key[i] = key[i + SHIFT] ^ twist(key[i], key[i + 1]);
        }
        for (; i < KEY_LENGTH - 1; i++) {
            key[i] = key[i + SHIFT - KEY_LENGTH] ^ twist(key[i], key[i + 1]);
        }
        key[KEY_LENGTH - 1] = key[SHIFT - 1] ^ twist(key[KEY_LENGTH - 1], key[0]);
        position = 0;
    }

    private static int twist(int current, int next) {
        int joined = (current & UPPER_MASK) | (next & LOWER_MASK);
        return (joined >>> 1) ^ (-(joined & 1) & MATRIX_A);
    }

    /**
     * The complete state of a {@link LegacyRandom}, for checkpoints.
     *
     * <p>The fields are those of numpy's {@code RandomState.get_state()}: the key (numpy's
     * {@code uint32} words, here as Java {@code int}s with the same bits), the position of the next
     * word to temper (624 means the key is regenerated first), whether a normal value is kept for
     * the next {@code standardNormal()} call, and that value. A state saved here and one read from
     * numpy with the same fields resume the same stream.
     *
     * <p>Instances are immutable and thread-safe.
     */
    public static final class State {

        private final int[] key;
        private final int position;
        private final boolean hasCachedNormal;
        private final double cachedNormal;

        private State(int[] key, int position, boolean hasCachedNormal, double cachedNormal) {
            this.key = key;
            this.position = position;
            this.hasCachedNormal = hasCachedNormal;
            this.cachedNormal = cachedNormal;
        }

        /**
         * Builds a state from its parts, as read back from a checkpoint.
         *
         * @param key the 624 key words; copied
         * @param position the position of the next word, from 0 to 624
         * @param hasCachedNormal whether a normal value is kept for the next call
         * @param cachedNormal the kept value; numpy stores 0.0 when none is kept
         * @return the state
         * @throws IllegalArgumentException if {@code key} does not have 624 words or
         *         {@code position} is outside {@code [0, 624]}
         */
        public static State of(
                int[] key,
                int position,
                boolean hasCachedNormal,
                double cachedNormal) {
            if (key.length != KEY_LENGTH) {
                throw new IllegalArgumentException(
                        "key must have " + KEY_LENGTH + " words, found " + key.length);
            }
            if (position < 0 || position > KEY_LENGTH) {
                throw new IllegalArgumentException(
                        "position must be in [0, " + KEY_LENGTH + "], found " + position);
            }
            return new State(key.clone(), position, hasCachedNormal, cachedNormal);
        }

        /** @return a copy of the 624 key words */
        public int[] key() {
            return key.clone();
        }

        /** @return the position of the next word to temper, from 0 to 624 */
        public int position() {
            return position;
        }

        /** @return whether a normal value is kept for the next {@code standardNormal()} call */
        public boolean hasCachedNormal() {
            return hasCachedNormal;
        }

        /** @return the kept normal value, meaningful only when {@link #hasCachedNormal()} */
        public double cachedNormal() {
            return cachedNormal;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof State)) {
                return false;
            }
            State that = (State) other;
            return position == that.position
                    && hasCachedNormal == that.hasCachedNormal
                    && Double.compare(cachedNormal, that.cachedNormal) == 0
                    && Arrays.equals(key, that.key);
        }

        @Override
        public int hashCode() {
            int hash = Arrays.hashCode(key);
            hash = 31 * hash + position;
            hash = 31 * hash + Boolean.hashCode(hasCachedNormal);
            return 31 * hash + Double.hashCode(cachedNormal);
        }

        @Override
        public String toString() {
            return "State[position=" + position + ", hasCachedNormal=" + hasCachedNormal
                    + ", cachedNormal=" + cachedNormal + "]";
        }
    }
}
