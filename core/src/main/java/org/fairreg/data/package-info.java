/**
 * Tabular data: the in-memory dataset, CSV reading, splits, standardizing and the built-in
 * synthetic generator.
 *
 * <p>Vocabulary used throughout fairreg:
 * <ul>
 *   <li><em>example</em>: one row of the data;</li>
 *   <li><em>feature</em>: an input column, held as {@code float};</li>
 *   <li><em>target</em>: the real value to predict, held as {@code double} in its original
 *       unit;</li>
 *   <li><em>group</em>: the value of the protected attribute of an example, any string; groups
 *       are numbered by their position in a {@link org.fairreg.data.GroupLabels} list.</li>
 * </ul>
 *
 * <p>Data is stored by column: {@code features[f][e]} is feature {@code f} of example {@code e}.
 * Training copies the examples of a batch into a row-major buffer.
 */
package org.fairreg.data;
