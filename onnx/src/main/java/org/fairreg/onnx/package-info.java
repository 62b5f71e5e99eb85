/**
 * Export of a fitted fairreg model as one ONNX graph: the encoding of its source columns, the
 * standardizing of its features, its dense layers and activations, and the restoring of its
 * target's unit, so that any ONNX runtime predicts as {@code FittedModel.predict} does. The
 * graph is built with Tribuo's ONNX library; docs/onnx.md describes its inputs, output, opset and
 * metadata.
 */
package org.fairreg.onnx;
