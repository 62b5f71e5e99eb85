package org.fairreg.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fairreg.onnx.PredictionAgreement.assertAgree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import org.fairreg.data.Dataset;
import org.fairreg.data.FeatureEncoding;
import org.fairreg.data.GroupDefinition;
import org.fairreg.data.RecipeData;
import org.fairreg.model.Activation;
import org.fairreg.train.FittedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported graphs run in ONNX Runtime predict as fairreg does, within
 * {@link PredictionAgreement#RELATIVE_TOLERANCE}, on the recipe's seed data and on the insurance
 * data set with its text columns, for deep, linear and tanh networks.
 */
class OnnxExportTest {

    private static RecipeData recipe;
    private static Dataset insurance;

    @BeforeAll
    static void readData() {
        recipe = RecipeData.generate();
        insurance = TrainedModels.insurance();
    }

    @Test
    void recipeModelPredictsTheSeedDataAsFairreg() throws OrtException {
        FittedModel model = TrainedModels.onRecipe(recipe, TrainedModels.shortRun());

        assertOnnxAgrees(model, recipe.test());
    }

    @Test
    void insuranceModelWithTextColumnsPredictsEveryRowAsFairreg() throws OrtException {
        FittedModel model = TrainedModels.onInsurance(insurance, TrainedModels.shortRun());

        assertThat(model.encoding().isNumericOnly()).isFalse();
        assertThat(insurance.size()).isEqualTo(TrainedModels.INSURANCE_ROWS);
        assertOnnxAgrees(model, insurance);
    }

    @Test
    void linearModelWithoutHiddenLayerPredictsAsFairreg() throws OrtException {
        FittedModel model = TrainedModels.onInsurance(insurance, TrainedModels.shortRun().withHiddenSizes());

        assertThat(model.network().architecture().layerCount()).isEqualTo(1);
        assertOnnxAgrees(model, insurance);
    }

    @Test
    void tanhModelPredictsAsFairreg() throws OrtException {
        FittedModel model = TrainedModels.onRecipe(recipe,
                TrainedModels.shortRun().withHiddenSizes(32, 16).withActivation(Activation.TANH));

        assertOnnxAgrees(model, recipe.test());
    }

    @Test
    void unstandardizedModelPredictsAsFairreg() throws OrtException {
        FittedModel model = TrainedModels.onInsurance(insurance,
                TrainedModels.shortRun().withStandardizeFeatures(false).withStandardizeTarget(false));

        assertOnnxAgrees(model, insurance);
    }

    @Test
    void categoryTheModelDoesNotKnowIsAnErrorAsInFairreg() throws OrtException {
        FittedModel model = TrainedModels.onInsurance(insurance, TrainedModels.shortRun());
        Map<String, Object> columns = OnnxRunner.inputs(insurance.rows(new int[] {0}).features(), model.encoding());
        columns.put("region", new String[] {"atlantis"});

        try (OnnxRunner runner = new OnnxRunner(OnnxExport.toOnnx(model))) {
            assertThatThrownBy(() -> runner.run(columns, 1))
                    .isInstanceOf(OrtException.class)
                    .hasMessageContaining("Unknown Category");
        }
    }

    @Test
    void graphHasOneInputPerSourceColumnTypedByKindAndADoubleOutput() throws OrtException {
        FittedModel model = TrainedModels.onInsurance(insurance, TrainedModels.shortRun());

        try (OnnxRunner runner = new OnnxRunner(OnnxExport.toOnnx(model))) {
            Map<String, NodeInfo> inputs = runner.session().getInputInfo();
            assertThat(inputs.keySet()).containsExactly("age", "sex", "bmi", "children", "region");
            assertThat(tensor(inputs.get("age")).type).isEqualTo(OnnxJavaType.FLOAT);
            assertThat(tensor(inputs.get("sex")).type).isEqualTo(OnnxJavaType.STRING);
            assertThat(tensor(inputs.get("region")).getShape()).containsExactly(-1, 1);
            NodeInfo output = runner.session().getOutputInfo().get(PredictorGraph.OUTPUT);
            assertThat(tensor(output).type).isEqualTo(OnnxJavaType.DOUBLE);
            assertThat(tensor(output).getShape()).containsExactly(-1, 1);
        }
    }

    @Test
    void encoderOutputsAreDeclaredForCheckersThatCannotInferThem() {
        ModelProto onnx = OnnxExport.toOnnx(TrainedModels.onInsurance(insurance, TrainedModels.shortRun()));

        // sex has 2 categories, region 4: each encoder gives [N, 1, categories].
        assertThat(onnx.getGraph().getValueInfoList())
                .extracting(value -> value.getType().getTensorType().getShape().getDim(2).getDimValue())
                .containsExactly(2L, 4L);
    }

    @Test
    void modelImportsTheDocumentedOpsets() {
        ModelProto onnx = OnnxExport.toOnnx(TrainedModels.onInsurance(insurance, TrainedModels.shortRun()));

        assertThat(onnx.getIrVersion()).isEqualTo(OnnxExport.IR_VERSION);
        assertThat(onnx.getOpsetImportList()).containsExactly(
                OperatorSetIdProto.newBuilder().setDomain("").setVersion(17).build(),
                OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(3).build());
        assertThat(onnx.getProducerName()).isEqualTo("fairreg");
    }

    @Test
    void sameModelGivesTheSameBytes() {
        FittedModel model = TrainedModels.onRecipe(recipe, TrainedModels.shortRun().withMaxEpochs(1));

        assertThat(OnnxExport.toOnnx(model).toByteArray()).isEqualTo(OnnxExport.toOnnx(model).toByteArray());
    }

    @Test
    void writtenFileLoadsAndPredictsAsTheModelInMemory(@TempDir Path folder) throws Exception {
        FittedModel model = TrainedModels.onInsurance(insurance, TrainedModels.shortRun());
        Path file = folder.resolve("model.onnx");

        OnnxExport.write(model, Optional.empty(), file);

        ModelProto read = ModelProto.parseFrom(Files.readAllBytes(file));
        assertThat(read).isEqualTo(OnnxExport.toOnnx(model));
        try (OnnxRunner runner = new OnnxRunner(read)) {
            assertAgree(runner.predict(insurance.features(), model.encoding()), model.predict(insurance.features()),
                    model.standardization().targetScale());
        }
    }

    @Test
    void sourceColumnNamedAsTheOutputIsRefused() {
        FittedModel trained = TrainedModels.onRecipe(recipe, TrainedModels.shortRun().withMaxEpochs(1));
        List<String> names = new ArrayList<>(trained.featureNames());
        names.set(0, PredictorGraph.OUTPUT);
        FittedModel renamed = new FittedModel(FeatureEncoding.numeric(names), trained.targetName(),
                GroupDefinition.column(trained.groupName()), trained.groups(), trained.standardization(),
                trained.network(), trained.settings(), trained.summary(), trained.provenance());

        assertThatThrownBy(() -> OnnxExport.toOnnx(renamed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source column 'prediction'");
    }

    private static void assertOnnxAgrees(FittedModel model, Dataset data) throws OrtException {
        double[] fairreg = model.predict(data.features());
        try (OnnxRunner runner = new OnnxRunner(OnnxExport.toOnnx(model))) {
            double[] onnx = runner.predict(data.features(), model.encoding());
            assertAgree(onnx, fairreg, model.standardization().targetScale());
        }
    }

    private static TensorInfo tensor(NodeInfo node) {
        return (TensorInfo) node.getInfo();
    }
}
