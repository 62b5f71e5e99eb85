package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code --builtin} picks the data used without a file. */
@ExtendWith(StrayOutputGuard.class)
class BuiltinDataTest {

    @Test
    void groupShiftDataTrainsWithoutAFileAndShowsItsMinority() {
        Fairreg.Run run = Fairreg.run("train", "--builtin", "group-shift", "--objective", "mse", "--epochs", "2",
                "--hidden", "8", "--no-audit");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("built-in group-shift data");
        assertThat(run.errLines()).filteredOn(line -> line.startsWith("data ")).singleElement().asString()
                .contains("train 8000 [0:", "validation 2000 [0:", "test 10000 [0:");
    }

    @Test
    void builtinAndDataExcludeEachOther() {
        Fairreg.Run run = Fairreg.run("train", "--builtin", "recipe", "--data", "some.csv");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--builtin and --data exclude each other");
        assertThat(Fairreg.run("train", "--builtin", "nonsense").err()).contains("recipe, group-shift");
    }
}
