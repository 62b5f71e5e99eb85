package org.fairreg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.fairreg.data.Dataset;
import org.fairreg.io.ModelFile;
import org.fairreg.metrics.AuditSettings;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupReport;
import org.fairreg.train.FittedModel;

/**
 * A trained fair regressor: predicts, reports its errors per group, audits them, and saves itself
 * as a model file that {@code fairreg predict} and {@link #load} read. Immutable and thread-safe.
 */
public final class FairModel {

    private final FittedModel fitted;

    /**
     * @param fitted the trained model
     */
    public FairModel(FittedModel fitted) {
        this.fitted = Objects.requireNonNull(fitted, "fitted");
    }

    /**
     * Reads a model file.
     *
     * @param file a file {@link #save} or {@code fairreg train --model-out} wrote
     * @return the model
     * @throws org.fairreg.data.DataException if the file is missing, unreadable or not a valid
     *         model file; the message names the file and the place
     */
    public static FairModel load(Path file) {
        return new FairModel(ModelFile.read(file));
    }

    /**
     * Writes the model file atomically: it is complete or unchanged.
     *
     * @param file the file to write; its folder must exist
     * @throws IOException if writing fails
     */
    public void save(Path file) throws IOException {
        ModelFile.write(fitted, file);
    }

    /**
     * Predicts the target of every example. The data's text columns are one-hot encoded as the
     * model's were.
     *
     * @param data examples holding at least the model's source columns (a target and a group are
     *        not needed by the model, but a {@link Dataset} carries them)
     * @return one prediction per example, in the target's unit
     * @throws IllegalArgumentException if a column is missing or of another kind, or a text column
     *         has a category the model does not know
     */
    public double[] predict(Dataset data) {
        return fitted.predict(fitted.encoding().conform(data.features(), data.encoding()));
    }

    /**
     * Reports the errors per group of the data: each group's MSE, RMSE, MAE, bias and R², and the
     * gap between the largest and the smallest group MSE.
     *
     * @param data labelled examples
     * @return the report, in the target's unit
     * @throws IllegalArgumentException as {@link #predict(Dataset)}
     */
    public GroupReport evaluate(Dataset data) {
        return fitted.evaluate(data);
    }

    /**
     * Says how far the report on this data can be trusted: bootstrap intervals of each group's
     * MSE and of the gap, and whether the gap exceeds what shuffled group labels give
     * ({@code docs/audit.md}), with the default settings (95%, 1000 resamples and permutations,
     * seed 42).
     *
     * @param data labelled examples
     * @return the audit
     * @throws IllegalArgumentException as {@link #predict(Dataset)}
     */
    public GroupAudit audit(Dataset data) {
        return GroupAudit.of(data.targets(), predict(data), data.groupCodes(), data.groups(),
                AuditSettings.defaults());
    }

    /** @return the trained model with everything it records: encoding, scaling, network, settings, summary */
    public FittedModel fitted() {
        return fitted;
    }
}
