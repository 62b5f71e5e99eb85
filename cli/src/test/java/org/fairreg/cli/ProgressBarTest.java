package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The progress bar draws in place on a terminal, at most a few times a second, and not at all
 * elsewhere; commands run off a terminal print plain lines only.
 */
@ExtendWith(StrayOutputGuard.class)
class ProgressBarTest {

    private static final String ERASE = "\r\u001b[K";

    @Test
    void aLiveBarDrawsTheShareAndWhatThenClearsItsLine() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), true);

        bar.update(1, 4, "epoch 1/4, step 10/10", "1,000 rows/s");
        String drawn = text.toString();
        bar.update(2, 4, "epoch 2/4, step 10/10", "1,000 rows/s");
        assertThat(text.toString()).as("a second update within an eighth of a second").isEqualTo(drawn);
        bar.clear();

        assertThat(drawn).startsWith(ERASE + "[######..................]  25%  epoch 1/4, step 10/10  1,000 rows/s")
                .containsPattern("\\d+:\\d\\d left$");
        assertThat(text.toString()).isEqualTo(drawn + ERASE);
        bar.clear();
        assertThat(text.toString()).as("clearing twice erases once").isEqualTo(drawn + ERASE);
    }

    @Test
    void aBarOffTheTerminalDrawsNothing() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), false);
        bar.update(1, 2, "models 1/2", "");
        bar.clear();
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void durationsReadAsMinutesOrHours() {
        assertThat(ProgressBar.duration(0.4)).isEqualTo("0:00");
        assertThat(ProgressBar.duration(83)).isEqualTo("1:23");
        assertThat(ProgressBar.duration(3 * 3600 + 62)).isEqualTo("3:01:02");
    }

    @Test
    void trainOffATerminalPrintsOnlyWholeLines() {
        Fairreg.Run run = Fairreg.run("train", "--epochs", "2", "--hidden", "4", "--no-audit");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("\r", "\u001b", "[#");
        assertThat(run.errLines()).anyMatch(line -> line.startsWith("epoch    2/2"));
    }
}
