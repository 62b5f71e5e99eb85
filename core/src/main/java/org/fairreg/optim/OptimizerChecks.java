package org.fairreg.optim;

/** Argument checks shared by the optimizers' constructors and steps. */
final class OptimizerChecks {

    private OptimizerChecks() {
    }

    static void parameterCount(int parameterCount) {
        if (parameterCount < 1) {
            throw new IllegalArgumentException("parameterCount must be at least 1, found " + parameterCount);
        }
    }

    static void positive(String name, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and positive, found " + value);
        }
    }

    static void unitInterval(String name, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), found " + value);
        }
    }

    static void lengths(int expected, float[] parameters, float[] gradient) {
        if (parameters.length != expected || gradient.length != expected) {
            throw new IllegalArgumentException("parameters and gradient must both hold " + expected
                    + " values, found " + parameters.length + " and " + gradient.length);
        }
    }
}
