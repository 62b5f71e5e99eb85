/**
 * Tabular data: the in-memory dataset, CSV reading (separators, missing values, categorical
 * features, group definitions), splits, standardizing and the built-in synthetic generators.
 *
 * <p>Vocabulary used throughout fairreg:
 * <ul>
 *   <li><em>example</em>: one row of the data;</li>
 *   <li><em>source column</em>: a column of the input file a feature is made from; numeric,
 *       or categorical with its <em>categories</em> (its distinct cells);</li>
 *   <li><em>feature</em>: an input of the network, held as {@code float}: a numeric source
 *       column, or one 0/1 indicator {@code column=category} of a categorical one (see
 *       {@link org.fairreg.data.FeatureEncoding});</li>
 *   <li><em>target</em>: the real value to predict, held as {@code double} in its original
 *       unit;</li>
 *   <li><em>group</em>: the value of the protected attribute of an example, any string; groups
 *       are numbered by their position in a {@link org.fairreg.data.GroupLabels} list, and made from
 *       one or several group columns by a {@link org.fairreg.data.GroupDefinition};</li>
 *   <li><em>missing value</em>: an empty cell or exactly {@code NA}
 *       ({@link org.fairreg.data.MissingPolicy}).</li>
 * </ul>
 *
 * <p>Data is stored by column: {@code features[f][e]} is feature {@code f} of example {@code e}.
 * Training copies the examples of a batch into a row-major buffer.
 */
package org.fairreg.data;
