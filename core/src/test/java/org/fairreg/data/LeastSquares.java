package org.fairreg.data;

/**
 * Ordinary least squares in closed form for tests, in {@code double}: the normal equations
 * {@code (A^T A) w = A^T y} with {@code A = [1, x_0 .. x_{p-1}]}, solved by Gaussian elimination
 * with partial pivoting. Fine for a few well-conditioned columns, such as standard normal
 * features; not a general solver.
 */
final class LeastSquares {

    private LeastSquares() {
    }

    /**
     * Fits {@code y ~ w_0 + sum_f w_{f+1} x_f}.
     *
     * @param features {@code features[f][e]}, feature {@code f} of example {@code e}
     * @param targets one target per example
     * @return the weights, intercept first, then one per feature
     */
    static double[] fitWithIntercept(double[][] features, double[] targets) {
        int size = features.length + 1;
        double[][] gram = new double[size][size];
        double[] moments = new double[size];
        double[] row = new double[size];
        for (int e = 0; e < targets.length; e++) {
            row[0] = 1.0;
            for (int f = 0; f < features.length; f++) {
                row[f + 1] = features[f][e];
            }
            for (int i = 0; i < size; i++) {
                moments[i] += row[i] * targets[e];
                for (int j = 0; j < size; j++) {
                    gram[i][j] += row[i] * row[j];
                }
            }
        }
        return solve(gram, moments);
    }

    /** Solves {@code matrix w = rhs}; both arguments are modified. */
    private static double[] solve(double[][] matrix, double[] rhs) {
        int size = rhs.length;
        for (int column = 0; column < size; column++) {
            int pivot = column;
            for (int r = column + 1; r < size; r++) {
                if (Math.abs(matrix[r][column]) > Math.abs(matrix[pivot][column])) {
                    pivot = r;
                }
            }
            double[] swappedRow = matrix[column];
            matrix[column] = matrix[pivot];
            matrix[pivot] = swappedRow;
            double swappedValue = rhs[column];
            rhs[column] = rhs[pivot];
            rhs[pivot] = swappedValue;
            for (int r = column + 1; r < size; r++) {
                double factor = matrix[r][column] / matrix[column][column];
                for (int c = column; c < size; c++) {
                    matrix[r][c] -= factor * matrix[column][c];
                }
                rhs[r] -= factor * rhs[column];
            }
        }
        double[] solution = new double[size];
        for (int r = size - 1; r >= 0; r--) {
            double sum = rhs[r];
            for (int c = r + 1; c < size; c++) {
                sum -= matrix[r][c] * solution[c];
            }
            solution[r] = sum / matrix[r][r];
        }
        return solution;
    }
}
