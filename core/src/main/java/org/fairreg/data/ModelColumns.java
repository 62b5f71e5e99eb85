package org.fairreg.data;

import static org.fairreg.data.MessageText.count;
import static org.fairreg.data.MessageText.quoteSome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a CSV file's header with the source feature columns a fitted model was trained on,
 * before its rows are read for prediction or evaluation, so that a file for another model is
 * refused with every missing column named at once rather than one per attempt.
 *
 * <p>Columns the model does not use are ignored, since prediction files often hold identifiers,
 * targets and other data. They are named only when columns are missing, because a column that
 * is missing and one that is extra are most often the same column renamed.
 *
 * <p>The class is stateless and safe to use from several threads at once.
 */
final class ModelColumns {

    /** How many column names a message lists before it says how many more there are. */
    private static final int NAMES_SHOWN = 10;

    private ModelColumns() {
    }

    /**
     * Checks that a header holds every source feature column of an encoding.
     *
     * @param file the file read
     * @param headerLine the header's line number
     * @param names the header's column names
     * @param encoding the model's feature encoding, whose source columns are needed
     * @param otherUsed columns read for another role (target, group), not counted as extra
     * @throws DataException naming the file, the header line, every missing feature column and,
     *         when some are missing, the header's columns the model does not use
     */
    static void requireFeatures(
            Path file,
            long headerLine,
            List<String> names,
            FeatureEncoding encoding,
            Collection<String> otherUsed) {
        Set<String> present = new HashSet<>(names);
        List<String> missing = new ArrayList<>();
        for (String needed : encoding.sourceNames()) {
            if (!present.contains(needed)) {
                missing.add(needed);
            }
        }
        if (missing.isEmpty()) {
            return;
        }

        Set<String> used = new HashSet<>(encoding.sourceNames());
        used.addAll(otherUsed);
        List<String> extra = new ArrayList<>();
        for (String name : names) {
            if (!used.contains(name)) {
                extra.add(name);
            }
        }
        String problem = (missing.size() == 1 ? "no column " : "no columns ") + quoteSome(missing, NAMES_SHOWN)
                + " of the model's " + count(encoding.sourceNames().size(), "feature column") + " "
                + quoteSome(encoding.sourceNames(), NAMES_SHOWN)
                + (extra.isEmpty() ? "" : "; the header's columns the model was not trained on: "
                        + quoteSome(extra, NAMES_SHOWN))
                + "; expected every feature column of the model, by name";
        throw DataException.atLine(file, headerLine, problem);
    }
}
