package org.fairreg.bench;

import org.fairreg.data.RecipeData;
import org.fairreg.model.DenseKernels;
import org.fairreg.train.EpochRecord;
import org.fairreg.train.Provenance;
import org.fairreg.train.Trainer;
import org.fairreg.train.TrainingListener;
import org.fairreg.train.TrainingPlan;
import org.fairreg.train.TrainingResult;
import org.fairreg.train.TrainingSettings;

/**
 * The recipe on fairreg, through the library's public {@link Trainer}, exactly as a user calls
 * it. The kernels are whichever {@link DenseKernels#select()} chooses in this JVM, as the system
 * property {@code fairreg.kernels} says.
 *
 * <p>Epoch times are the trainer's own ({@link EpochRecord#seconds()}: the training steps and the
 * validation pass).
 */
final class FairregEngine implements RecipeEngine {

    @Override
    public EngineRun run(TrainingSettings settings, RecipeData data) {
        EpochLog log = new EpochLog(settings.maxEpochs());
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStart(TrainingPlan plan) {
                log.started();
            }

            @Override
            public void onEpoch(EpochRecord record, boolean improved) {
                log.record(record.epoch(), record.seconds(), record.trainObjective(), record.validationObjective());
            }
        };
        TrainingResult result = new Trainer(settings).fit(data.train(), data.validation(), listener);
        if (result.history().size() != settings.maxEpochs()) {
            throw new IllegalStateException("the run must last " + settings.maxEpochs() + " epochs, found "
                    + result.history().size());
        }
        return log.finish(result.model().evaluate(data.test()), "");
    }

    @Override
    public String describe() {
        return "fairreg " + Provenance.builtVersion() + ", " + DenseKernels.select().name() + " kernels";
    }
}
