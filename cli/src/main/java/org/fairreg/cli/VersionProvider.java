package org.fairreg.cli;

import org.fairreg.model.DenseKernels;
import org.fairreg.train.Provenance;
import picocli.CommandLine.IVersionProvider;

/** Gives {@code --version} the version fairreg was built as, and the Java running it. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Provenance here = Provenance.current(DenseKernels.select().name());
        return new String[] {
            "fairreg " + here.toolVersion(),
            "java " + here.javaVersion() + " on " + here.os() + "/" + here.arch()
        };
    }
}
