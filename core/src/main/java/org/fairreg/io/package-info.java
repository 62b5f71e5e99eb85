/**
 * Files fairreg writes and reads: the model file, the JSON report, the training history, the
 * predictions and generated data. Every file is written through {@link org.fairreg.io.AtomicFiles},
 * so it appears complete or not at all.
 */
package org.fairreg.io;
