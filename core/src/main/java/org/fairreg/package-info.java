/**
 * The library's entry point: {@link org.fairreg.FairRegressor} trains, {@link org.fairreg.FairModel}
 * predicts, evaluates per group, audits, saves and loads. The packages below hold the parts, for
 * users who need more than this: data reading ({@code data}), the network ({@code model}), the
 * objectives ({@code objective}), the optimizers ({@code optim}), the training loop and sweeps
 * ({@code train}), the per-group report and audit ({@code metrics}), the files ({@code io}), and
 * the self-contained HTML pages of a run ({@code report}).
 */
package org.fairreg;
