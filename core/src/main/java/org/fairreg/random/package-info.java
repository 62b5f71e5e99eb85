/**
 * Random number generation that reproduces numpy bit for bit.
 *
 * <p>The recipe fairreg starts from makes its data with numpy's legacy {@code RandomState}
 * (through scikit-learn), so {@link org.fairreg.random.LegacyRandom} ports that generator: the
 * same seed gives the same draws, and the data, splits and shuffles built on it equal the ones
 * Python makes. Vocabulary used here:
 * <ul>
 *   <li><em>draw</em>: one raw 32-bit output of the Mersenne Twister;</li>
 *   <li><em>state</em>: everything that decides the next draws (the 624-word key, the position
 *       in it and the cached normal value), saved and restored through
 *       {@link org.fairreg.random.LegacyRandom.State}.</li>
 * </ul>
 */
package org.fairreg.random;
