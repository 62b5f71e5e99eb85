package org.fairreg.cli;

import org.fairreg.data.Dataset;
import org.fairreg.data.GroupShiftRegression;
import org.fairreg.data.GroupShiftSettings;
import org.fairreg.data.RecipeData;
import org.fairreg.data.Splits;
import org.fairreg.util.NamedChoice;

/** The data {@code train} and {@code sweep} use when no {@code --data} file is given. */
enum BuiltinData implements NamedChoice {

    /** The recipe's data with its fixed 8000/2000/10000 split. */
    RECIPE {
        @Override
        Splits.Parts load(double testFraction, double validationFraction, long splitSeed) {
            RecipeData recipe = RecipeData.generate();
            return new Splits.Parts(recipe.train(), recipe.validation(), recipe.test());
        }
    },

    /**
     * The group-shift generator's defaults (20000 rows, a 20% minority that really differs), split
     * by the split options: the gap opens under mse.
     */
    GROUP_SHIFT {
        @Override
        Splits.Parts load(double testFraction, double validationFraction, long splitSeed) {
            Dataset all = GroupShiftRegression.generate(GroupShiftSettings.defaults()).toDataset();
            return Splits.threeWay(all.size(), testFraction, validationFraction, splitSeed).apply(all);
        }
    };

    /**
     * @param testFraction share of rows for the test part, where the data is split
     * @param validationFraction share of the rest for the validation part
     * @param splitSeed seed of the split
     * @return the three parts
     */
    abstract Splits.Parts load(double testFraction, double validationFraction, long splitSeed);

    /** @return how reports name the data */
    String describe() {
        return "built-in " + id() + " data";
    }

    static BuiltinData fromId(String id) {
        return NamedChoice.fromId(BuiltinData.class, "built-in data", id);
    }
}
