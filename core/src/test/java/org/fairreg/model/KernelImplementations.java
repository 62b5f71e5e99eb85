package org.fairreg.model;

import java.util.ArrayList;
import java.util.List;

/** Every kernel implementation the running JVM can load, for suites that every one must pass. */
final class KernelImplementations {

    private KernelImplementations() {
    }

    /**
     * @return the portable kernels, and the Vector API ones when the JVM has the module (the
     *         build's test runs add it, so both are tested there)
     */
    static List<DenseKernels> all() {
        List<DenseKernels> kernels = new ArrayList<>();
        kernels.add(DenseKernels.portable());
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            kernels.add(VectorKernels.INSTANCE);
        }
        return kernels;
    }
}
