/**
 * Group statistics of a batch and the objectives built on them, with their exact gradients.
 *
 * <p>Vocabulary and sign conventions:
 * <ul>
 *   <li>the <em>residual</em> of an example is {@code r = prediction - target} (prediction
 *       first);</li>
 *   <li>for group {@code k} of a batch, {@code n_k} is its number of examples,
 *       {@code S_k = sum r^2} over them and {@code e_k = S_k / n_k} its mean squared error;
 *       {@code n = sum n_k};</li>
 *   <li>the <em>loss</em> is the prediction-error term ({@code sum S_k / n}), the
 *       <em>penalty</em> the fairness term, and the <em>objective</em> what the optimizer
 *       minimizes;</li>
 *   <li>every objective here is a function of the {@code (n_k, S_k)} alone, so its gradient with
 *       respect to a prediction is {@code d objective / d f_i = 2 r_i * w_k} for {@code i} in
 *       group {@code k}, where {@code w_k = d objective / d S_k}. Objectives compute the
 *       {@code w_k}; {@link org.fairreg.objective.PredictionGradient} applies them.</li>
 * </ul>
 *
 * <p>Because {@code n_k} and {@code S_k} are sums over examples, statistics of disjoint parts of
 * a batch add up exactly to those of the whole, which is what lets the same objectives run on
 * partitioned data.
 */
package org.fairreg.objective;
