import java.nio.file.Path;

import org.fairreg.FairModel;
import org.fairreg.FairRegressor;
import org.fairreg.data.ColumnSelection;
import org.fairreg.data.CsvDataReader;
import org.fairreg.data.Dataset;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupMetrics;
import org.fairreg.metrics.GroupReport;

/**
 * Trains a fair regressor on a CSV file, reports it per group, saves it and reads it back.
 *
 * <p>Run: {@code java -cp fairreg-core.jar:... QuickStart insurance.csv model.json}
 */
public class QuickStart {

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path modelFile = Path.of(args[1]);

        // Target "charges", groups by "smoker"; the other columns are features, text ones one-hot.
        Dataset data = CsvDataReader.read(csv, ColumnSelection.of("charges", "smoker"));

        FairModel model = FairRegressor.builder()
                .lambda(0.3)                    // MSE + 0.3 x (largest - smallest group MSE)
                .hiddenLayers(32, 32)
                .seed(7)
                .build()
                .fit(data);                     // 20% of the rows kept aside for early stopping

        GroupReport report = model.evaluate(data);
        for (GroupMetrics group : report.groups()) {
            System.out.printf("group %-4s n=%-5d mse=%.4g%n", group.group(), group.n(), group.mse());
        }
        System.out.printf("gap %.4g%n", report.gap());
        GroupAudit audit = model.audit(data);
        System.out.println(audit.verdict());

        model.save(modelFile);
        double[] again = FairModel.load(modelFile).predict(data);
        System.out.printf("first prediction %.2f%n", again[0]);
    }
}
