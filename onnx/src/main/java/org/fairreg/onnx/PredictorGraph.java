package org.fairreg.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import org.fairreg.data.FeatureEncoding;
import org.fairreg.data.Standardization;
import org.fairreg.model.Activation;
import org.fairreg.model.Architecture;
import org.fairreg.model.Network;
import org.fairreg.train.FittedModel;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Builds the ONNX graph of a fitted model's whole prediction, in the steps of
 * {@link FittedModel#predict}:
 *
 * <ol>
 *   <li>one input per source column, named after it, of shape {@code [N, 1]}: {@code float} for a
 *       numeric column, {@code string} (the cell's text) for a categorical one;</li>
 *   <li>each categorical column one-hot encoded with the model's categories in the model's order
 *       (ONNX-ML {@code OneHotEncoder} with {@code zeros = 0}, so that a category the model does
 *       not know is an error, as in fairreg), and every feature concatenated to {@code [N, F]};</li>
 *   <li>standardizing, {@code (float) ((x - mean) / scale)} computed in {@code double} with the
 *       model's {@code double} means and scales, as {@link Standardization#applyToFeatures} does, so
 *       that the network reads the same floats;</li>
 *   <li>each dense layer a {@code Gemm} with its {@code float} kernel ({@code [inputSize,
 *       outputSize]}, row-major as the model file stores it) and bias, followed by {@code Relu} or
 *       {@code Tanh} on the hidden layers;</li>
 *   <li>the target's unit restored in {@code double}, {@code output * targetScale + targetMean},
 *       into the output {@value #OUTPUT} of shape {@code [N, 1]} and type {@code double}.</li>
 * </ol>
 *
 * <p>Only the dense layers compute in {@code float} and in another order than fairreg's kernels,
 * so the predictions differ from fairreg's by float rounding in the sums of those layers.
 *
 * <p>Tribuo's context declares {@code float} inputs and outputs only; the string inputs and the
 * {@code double} output are declared as such and retyped in the built graph.
 */
final class PredictorGraph {

    /** The name of the graph's output. */
    static final String OUTPUT = "prediction";
    /**
     * Starts the name of every value the graph computes, so that no source column's input name
     * can clash with one.
     */
    static final String INTERNAL_PREFIX = "fairreg/";
    /** The name of the first dimension of every input and output, as Tribuo names it. */
    private static final String BATCH = "batch";

    private PredictorGraph() {
    }

    /**
     * @param model the model
     * @return the graph
     * @throws IllegalArgumentException if a source column is named {@value #OUTPUT} or starts
     *         with {@value #INTERNAL_PREFIX}, so that its input would clash with a value of the graph
     */
    static GraphProto build(FittedModel model) {
        checkInputNames(model.encoding());

        ONNXContext context = new ONNXContext();
        context.setName("fairreg_predictor");
        Set<String> stringInputs = new HashSet<>();
        List<ValueInfoProto> encoderOutputs = new ArrayList<>();
        List<ONNXRef<?>> encoded = new ArrayList<>();
        for (FeatureEncoding.Column column : model.encoding().columns()) {
            ONNXRef<?> input = context.floatInput(column.name(), 1);
            if (column.isCategorical()) {
                stringInputs.add(column.name());
                encoded.add(oneHot(context, input, column, encoderOutputs));
            } else {
                encoded.add(input);
            }
        }
        ONNXRef<?> features = context.operation(ONNXOperators.CONCAT, encoded, internal("features"),
                Map.of("axis", 1));

        ONNXRef<?> standardized = standardize(context, features, model.standardization());
        ONNXRef<?> output = layers(context, standardized, model.network());
        ONNXRef<?> prediction = restoreTarget(context, output, model.standardization());
        context.assignTo(prediction, context.floatOutput(OUTPUT, 1));
        return completed(context.buildGraph(), stringInputs, encoderOutputs);
    }

    private static void checkInputNames(FeatureEncoding encoding) {
        for (String name : encoding.sourceNames()) {
            if (name.equals(OUTPUT) || name.startsWith(INTERNAL_PREFIX)) {
                throw new IllegalArgumentException("source column '" + name + "' cannot be an input of the ONNX "
                        + "graph: the name '" + OUTPUT + "' and names starting with '" + INTERNAL_PREFIX
                        + "' are the graph's own; rename the column and retrain");
            }
        }
    }

    /**
     * A string column {@code [N, 1]} as its indicators {@code [N, m]}. The encoder's output is
     * declared in {@code encoderOutputs}: ONNX's checker (1.12) infers no type for it, and without
     * one its strict check stops at the reshape that follows.
     */
    private static ONNXRef<?> oneHot(
            ONNXContext context,
            ONNXRef<?> input,
            FeatureEncoding.Column column,
            List<ValueInfoProto> encoderOutputs) {
        List<String> categories = column.categories();
        // The encoder appends a dimension: [N, 1] becomes [N, 1, m].
        ONNXRef<?> indicators = context.operation(ExtraOperators.ONE_HOT_ENCODER, List.of(input),
                internal("one_hot"), Map.of("cats_strings", categories.toArray(new String[0]), "zeros", 0));
        encoderOutputs.add(floatValue(indicators.getReference(), 1, categories.size()));
        ONNXRef<?> shape = context.array(internal("one_hot_shape"), new long[] {-1, categories.size()});
        return context.operation(ExtraOperators.RESHAPE, List.of(indicators, shape), internal("indicators"));
    }

    private static ONNXRef<?> standardize(ONNXContext context, ONNXRef<?> features, Standardization standardization) {
        ONNXRef<?> means = context.array(internal("feature_means"), standardization.featureMeans(), false);
        ONNXRef<?> scales = context.array(internal("feature_scales"), standardization.featureScales(), false);
        ONNXRef<?> centered = context.operation(ONNXOperators.SUB,
                List.of(cast(context, features, DataType.DOUBLE), means), internal("centered"));
        ONNXRef<?> scaled = context.operation(ONNXOperators.DIV, List.of(centered, scales), internal("scaled"));
        return cast(context, scaled, DataType.FLOAT);
    }

    private static ONNXRef<?> layers(ONNXContext context, ONNXRef<?> input, Network network) {
        Architecture architecture = network.architecture();
        float[] parameters = network.parameters();
        ONNXRef<?> layerInput = input;
        for (int l = 0; l < architecture.layerCount(); l++) {
            int inputSize = architecture.layerInputSize(l);
            int outputSize = architecture.layerOutputSize(l);
            int kernelOffset = network.kernelOffset(l);
            int biasOffset = network.biasOffset(l);
            ONNXRef<?> kernel = context.floatTensor(internal("kernel_" + l), List.of(inputSize, outputSize),
                    buffer -> buffer.put(parameters, kernelOffset, inputSize * outputSize));
            ONNXRef<?> bias = context.array(internal("bias_" + l),
                    Arrays.copyOfRange(parameters, biasOffset, biasOffset + outputSize));
            ONNXRef<?> dense = context.operation(ONNXOperators.GEMM, List.of(layerInput, kernel, bias),
                    internal("dense_" + l));
            layerInput = activate(context, dense, architecture.layerActivation(l), l);
        }
        return layerInput;
    }

    private static ONNXRef<?> activate(ONNXContext context, ONNXRef<?> values, Activation activation, int l) {
        switch (activation) {
            case RELU:
                return context.operation(ExtraOperators.RELU, List.of(values), internal("relu_" + l));
            case TANH:
                return context.operation(ExtraOperators.TANH, List.of(values), internal("tanh_" + l));
            case IDENTITY:
                return values;
            default:
                throw new IllegalArgumentException("activation " + activation.id() + " has no ONNX operator here");
        }
    }

    private static ONNXRef<?> restoreTarget(ONNXContext context, ONNXRef<?> output, Standardization standardization) {
        ONNXRef<?> scale = context.array(internal("target_scale"), new double[] {standardization.targetScale()},
                false);
        ONNXRef<?> mean = context.array(internal("target_mean"), new double[] {standardization.targetMean()}, false);
        ONNXRef<?> scaled = context.operation(ONNXOperators.MUL,
                List.of(cast(context, output, DataType.DOUBLE), scale), internal("prediction_scaled"));
        return context.operation(ONNXOperators.ADD, List.of(scaled, mean), internal("prediction"));
    }

    private static ONNXRef<?> cast(ONNXContext context, ONNXRef<?> values, DataType type) {
        return context.operation(ONNXOperators.CAST, List.of(values),
                internal("as_" + type.name().toLowerCase(Locale.ROOT)), Map.of("to", type.getNumber()));
    }

    private static String internal(String name) {
        return INTERNAL_PREFIX + name;
    }

    /** A {@code float} value of shape {@code [N, sizes...]}. */
    private static ValueInfoProto floatValue(String name, int... sizes) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (int size : sizes) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(size));
        }
        TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder()
                .setElemType(DataType.FLOAT.getNumber())
                .setShape(shape)
                .build();
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensor))
                .build();
    }

    /**
     * Declares the string inputs as strings, the output as {@code double}, and the types of the
     * encoders' outputs.
     */
    private static GraphProto completed(
            GraphProto graph,
            Set<String> stringInputs,
            List<ValueInfoProto> encoderOutputs) {
        GraphProto.Builder builder = graph.toBuilder().addAllValueInfo(encoderOutputs);
        for (ValueInfoProto.Builder input : builder.getInputBuilderList()) {
            if (stringInputs.contains(input.getName())) {
                input.getTypeBuilder().getTensorTypeBuilder().setElemType(DataType.STRING.getNumber());
            }
        }
        builder.getOutputBuilder(0).getTypeBuilder().getTensorTypeBuilder().setElemType(DataType.DOUBLE.getNumber());
        return builder.build();
    }
}
