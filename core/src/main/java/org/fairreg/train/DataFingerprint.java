package org.fairreg.train;

/**
 * A 64-bit FNV-1a hash of arrays of 32-bit values, fed in order; each array's length goes in
 * first, so that moving a value from one array to the next changes the hash. It recognises the
 * data a checkpoint was made on; it is not a cryptographic hash and guards against mistakes, not
 * against tampering.
 */
final class DataFingerprint {

    private static final long OFFSET_BASIS = 0xcbf2_9ce4_8422_2325L;
    private static final long PRIME = 0x0000_0100_0000_01b3L;

    private long hash = OFFSET_BASIS;

    DataFingerprint add(float[] values) {
        mix(values.length);
        for (float value : values) {
            mix(Float.floatToIntBits(value));
        }
        return this;
    }

    DataFingerprint add(int[] values) {
        mix(values.length);
        for (int value : values) {
            mix(value);
        }
        return this;
    }

    long value() {
        return hash;
    }

    private void mix(int word) {
        for (int shift = 0; shift < Integer.SIZE; shift += Byte.SIZE) {
            hash = (hash ^ ((word >>> shift) & 0xff)) * PRIME;
        }
    }
}
