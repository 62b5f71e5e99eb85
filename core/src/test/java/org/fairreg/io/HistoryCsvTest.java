package org.fairreg.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairreg.data.GroupLabels;
import org.fairreg.train.EpochRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCsvTest {

    private static final String HEADER =
            "epoch,train_objective,validation_objective,constraints_met,validation_mse,validation_gap,"
                    + "objective_state,seconds,validation_mse[a],validation_mse[b]";

    private static final GroupLabels GROUPS = GroupLabels.inOrder(List.of("a", "b"));

    @TempDir
    Path dir;

    @Test
    void writesHeaderAndOneRowPerEpoch() throws IOException {
        Path file = dir.resolve("history.csv");
        List<EpochRecord> history = List.of(
                new EpochRecord(1, 0.5, 0.25, true, 1.5, 0.125, new double[] {1.25, 1.375}, "", 0.75),
                new EpochRecord(2, 0.1, 1e-7, false, 123_456.789, 0.0, new double[] {Double.NaN, 2.0},
                        "mu max 0.5, 1 active", 2.0));

        HistoryCsv.write(history, GROUPS, file);

        assertThat(Files.readString(file)).isEqualTo(HEADER + "\n"
                + "1,0.5,0.25,true,1.5,0.125,,0.75,1.25,1.375\n"
                + "2,0.1,1.0E-7,false,123456.789,0.0,\"mu max 0.5, 1 active\",2.0,,2.0\n");
    }

    @Test
    void rowValuesReadBackExactly() throws IOException {
        Path file = dir.resolve("history.csv");
        EpochRecord record =
                new EpochRecord(17, 1.0 / 3, Math.PI, true, 2.0 / 7, Math.ulp(1.0), "", 12.345_678_901_234);

        HistoryCsv.write(List.of(record), GROUPS, file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        String[] fields = lines.get(1).split(",", -1);
        assertThat(Integer.parseInt(fields[0])).isEqualTo(record.epoch());
        assertThat(Double.parseDouble(fields[1])).isEqualTo(record.trainObjective());
        assertThat(Double.parseDouble(fields[2])).isEqualTo(record.validationObjective());
        assertThat(fields[3]).isEqualTo("true");
        assertThat(Double.parseDouble(fields[4])).isEqualTo(record.validationMse());
        assertThat(Double.parseDouble(fields[5])).isEqualTo(record.validationGap());
        assertThat(fields[6]).isEmpty();
        assertThat(Double.parseDouble(fields[7])).isEqualTo(record.seconds());
    }

    @Test
    void emptyHistoryGivesHeaderOnly() throws IOException {
        Path file = dir.resolve("history.csv");

        HistoryCsv.write(List.of(), GROUPS, file);

        assertThat(Files.readString(file)).isEqualTo(HEADER + "\n");
    }
}
