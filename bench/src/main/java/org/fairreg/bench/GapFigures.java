package org.fairreg.bench;

/**
 * The recipe's validation figure computed from predictions, as fairreg's trainer computes it with
 * {@code --validation-loss batch-mean}. Stateless.
 */
final class GapFigures {

    private GapFigures() {
    }

    /**
     * Returns the mean over consecutive batches of the batch's squared gap: for batch {@code j},
     * {@code (e_0 - e_1)^2} with {@code e_k} the mean squared error of the batch's group-{@code k}
     * examples, 0 when the batch has none. Sums are in {@code double}.
     *
     * @param predictions one per example
     * @param targets one per example, same unit
     * @param groups one group code (0 or 1) per example
     * @param batchSize examples per batch; the last batch may be smaller
     * @return the mean, in the target's unit to the fourth power
     */
    static double batchMeanGap(float[] predictions, float[] targets, int[] groups, int batchSize) {
        double sum = 0.0;
        int batches = 0;
        for (int from = 0; from < predictions.length; from += batchSize) {
            int to = Math.min(from + batchSize, predictions.length);
            double sumSquares0 = 0.0;
            double sumSquares1 = 0.0;
            int count0 = 0;
            for (int e = from; e < to; e++) {
                double residual = (double) predictions[e] - targets[e];
                if (groups[e] == 0) {
                    sumSquares0 += residual * residual;
                    count0++;
                } else {
                    sumSquares1 += residual * residual;
                }
            }
            int count1 = to - from - count0;
            double gap = groupError(sumSquares0, count0) - groupError(sumSquares1, count1);
            sum += gap * gap;
            batches++;
        }
        return sum / batches;
    }

    private static double groupError(double sumSquares, int count) {
        return count == 0 ? 0.0 : sumSquares / count;
    }
}
