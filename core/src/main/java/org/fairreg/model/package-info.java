/**
 * Dense feed-forward networks on {@code float} arrays: activations, the architecture, the
 * network with its flat parameter buffer, the per-run workspace and the kernels.
 *
 * <p>Layout conventions, used by every class here:
 * <ul>
 *   <li>a batch of {@code batchSize} examples with {@code size} values each is one row-major
 *       {@code float[]}: value {@code j} of example {@code b} is at {@code b * size + j};</li>
 *   <li>a layer maps {@code inputSize} values to {@code outputSize} values by
 *       {@code out[b][o] = act(sum_i in[b][i] * kernel[i][o] + bias[o])}; its kernel is stored
 *       row-major, {@code kernel[i][o]} at {@code i * outputSize + o}, followed by its bias;</li>
 *   <li>all layers' parameters live in one flat array, layer after layer, so that an optimizer
 *       updates them in one sweep;</li>
 *   <li>loop indices keep one role: {@code b} example in a batch, {@code i} input unit,
 *       {@code o} output unit, {@code l} layer.</li>
 * </ul>
 */
package org.fairreg.model;
