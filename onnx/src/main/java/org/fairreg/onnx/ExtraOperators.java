package org.fairreg.onnx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

/**
 * The ONNX operators the exported graph needs beyond those Tribuo's {@code ONNXOperators} lists:
 * the hidden activations, a reshape, and the one-hot encoder of the ONNX-ML domain. Tribuo
 * builds and checks their nodes through its generic {@link ONNXOperator} support, as it does its
 * own operators.
 *
 * <p>Each constant gives the operator's inputs, outputs and attributes as the ONNX operator
 * specification has them, and the version in which it was last changed (none changed between
 * that version and the opsets {@link OnnxExport} imports). Only the attributes the export sets
 * are declared.
 */
enum ExtraOperators implements ONNXOperator {

    /** {@code max(0, x)}, element-wise. */
    RELU("Relu", 1, 0, null, 14),

    /** {@code tanh(x)}, element-wise. */
    TANH("Tanh", 1, 0, null, 13),

    /** Reads its first input with the shape its second input (an int64 vector) gives. */
    RESHAPE("Reshape", 2, 0, null, 14),

    /**
     * One indicator per category ({@code cats_strings}), appended as a last dimension; with
     * {@code zeros} 0 a value that is no category is an error instead of an all-zero row.
     */
    ONE_HOT_ENCODER("OneHotEncoder", 1, 0, OnnxExport.ML_DOMAIN, 1,
            new ONNXAttribute("cats_strings", AttributeType.STRINGS, false),
            new ONNXAttribute("zeros", AttributeType.INT, false));

    private final String opName;
    private final int inputCount;
    private final int optionalInputCount;
    private final String domain;
    private final int version;
    private final Map<String, ONNXAttribute> attributes;

    ExtraOperators(String opName, int inputCount, int optionalInputCount, String domain, int version,
            ONNXAttribute... attributes) {
        this.opName = opName;
        this.inputCount = inputCount;
        this.optionalInputCount = optionalInputCount;
        this.domain = domain;
        this.version = version;
        Map<String, ONNXAttribute> byName = new LinkedHashMap<>();
        for (ONNXAttribute attribute : attributes) {
            byName.put(attribute.getName(), attribute);
        }
        this.attributes = Map.copyOf(byName);
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return inputCount;
    }

    @Override
    public int getNumOptionalInputs() {
        return optionalInputCount;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    /** @return no name: every attribute of these operators is optional */
    @Override
    public Set<String> getMandatoryAttributeNames() {
        return Set.of();
    }

    @Override
    public int getOpVersion() {
        return version;
    }

    /** @return the operator's domain, or null for the default ONNX domain, as Tribuo expects */
    @Override
    public String getOpDomain() {
        return domain;
    }
}
