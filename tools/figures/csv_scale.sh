#!/usr/bin/env bash
# Measures CSV loading (docs/benchmarks.md, "CSV loading"): CsvDataReader.readLabelled on files of
# `fairreg generate` (10 features, y, g: 12 columns, numbers as Double.toString writes them) with
# 1 and 10 million rows, for two builds in the same sitting. Per build and size it prints the time
# of the first read (cold JVM) and of later reads in the same JVM, as rows/s and MB/s of wall time
# and the reading thread's CPU time, the peak RSS of that JVM under -Xmx4g, and the smallest -Xmx
# that loads the file (bisection), and checks that both builds read the same values bit for bit.
#
# Usage: tools/figures/csv_scale.sh [ROWS...]          (default: 1000000 10000000)
#   BEFORE  git commit, or source folder, of the old build (default: HEAD)
#   AFTER   git commit, or source folder, of the new build (default: this working tree)
#   WORK    scratch folder (default: /tmp/fairreg-csv-scale); needs about 230 bytes per row
#           for the largest file, which is deleted at the end, as are the builds
#   READS   reads per JVM for the timing (default: 4 for 1M rows, 2 above)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)
BEFORE="${BEFORE:-HEAD}"
AFTER="${AFTER:-$root}"
WORK="${WORK:-/tmp/fairreg-csv-scale}"
HEAP=4g

mkdir -p "$WORK"
trap 'rm -rf "$WORK"/before "$WORK"/after "$WORK"/rows-*.csv' EXIT
largest=0
for n in "${sizes[@]}"; do [ "$n" -gt "$largest" ] && largest=$n; done
need_kb=$(( largest * 230 / 1024 + 1024 * 1024 ))
free_kb="$(df -Pk "$WORK" | awk 'NR == 2 {print $4}')"
if [ "$free_kb" -lt "$need_kb" ]; then
    echo "csv_scale: $WORK has $((free_kb / 1024)) MB free, $((need_kb / 1024)) MB needed" >&2
    exit 1
fi

# build NAME SOURCE: copies a commit or folder to $WORK/NAME and builds the fairreg jar there, so
# that neither build touches the target folders of the working tree.
build() {
    local name="$1" source="$2" dir="$WORK/$1"
    rm -rf "$dir" && mkdir -p "$dir"
    if [ -d "$source" ]; then
        tar -C "$source" --exclude=./.git --exclude='*/target' --exclude=./target -cf - . | tar -C "$dir" -xf -
        echo "$name: folder $source" >&2
    else
        git -C "$root" archive "$source" | tar -C "$dir" -xf -
        echo "$name: commit $(git -C "$root" rev-parse --short "$source")" >&2
    fi
    if ! mvn -B -q -f "$dir/pom.xml" -pl cli -am -Dmaven.test.skip=true package >"$WORK/$name-build.log" 2>&1; then
        cat "$WORK/$name-build.log" >&2
        echo "csv_scale: the $name build failed" >&2
        exit 1
    fi
}

# The reader: times each read, prints a checksum of every value read, the JVM's peak RSS.
harness() {
    mkdir -p "$WORK/harness"
    cat >"$WORK/harness/CsvLoad.java" <<'EOF'
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairreg.data.ColumnSelection;
import org.fairreg.data.CsvDataReader;
import org.fairreg.data.Dataset;

public final class CsvLoad {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int reads = Integer.parseInt(args[1]);
        double megabytes = Files.size(file) / 1e6;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Dataset data = null;
        for (int r = 0; r < reads; r++) {
            data = null;
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            data = CsvDataReader.read(file, ColumnSelection.of("y", "g"));
            double wall = (System.nanoTime() - start) / 1e9;
            double thread = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf("read %d rows %d wall %.2f cpu %.2f MB %.1f%n",
                    r, data.size(), wall, thread, megabytes);
        }
        long sum = 0;
        for (int f = 0; f < data.features().featureCount(); f++) {
            for (float value : data.features().column(f)) {
                sum = 31 * sum + Float.floatToRawIntBits(value);
            }
        }
        double[] targets = data.targets();
        int[] groups = data.groupCodes();
        for (int e = 0; e < data.size(); e++) {
            sum = 31 * sum + Double.doubleToRawLongBits(targets[e]) + groups[e];
        }
        String peak = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM:")).findFirst().orElse("VmHWM: ? kB");
        System.out.printf("checksum %016x rss_kb %s%n", sum, peak.replaceAll("[^0-9]", ""));
    }
}
EOF
    javac -d "$WORK/harness" -cp "$WORK/after/cli/target/fairreg.jar" "$WORK/harness/CsvLoad.java"
}

load() {   # load BUILD HEAP FILE READS
    java -Xmx"$2" -cp "$WORK/harness:$WORK/$1/cli/target/fairreg.jar" \
        -Dorg.slf4j.simpleLogger.defaultLogLevel=warn CsvLoad "$3" "$4"
}

# smallest_heap BUILD FILE STEP_MB: the smallest -Xmx, to STEP_MB, with which one read succeeds.
smallest_heap() {
    local low=0 high=4096 mid
    load "$1" "${high}m" "$2" 1 >/dev/null 2>&1 || { echo ">$high"; return; }
    while [ $((high - low)) -gt "$3" ]; do
        mid=$(( (low + high) / 2 ))
        if load "$1" "${mid}m" "$2" 1 >/dev/null 2>&1; then high=$mid; else low=$mid; fi
    done
    echo "$high"
}

# report BUILD ROWS OUTPUT: Markdown rows from a timing run, for the first read and the mean of the
# later ones: wall and thread CPU seconds, rows/s and MB/s of wall time, rows/s of CPU time.
report() {
    awk -v build="$1" -v rows="$2" '
        /^read/ { wall[$2] = $6; cpu[$2] = $8; mb = $10; n = $2 + 1 }
        /^checksum/ { sum = $2; rss = $4 }
        function line(what, w, c) {
            printf "| %s | %d | %s | %.2f | %.2f | %.0f | %.0f | %.0f | %.0f MB | %s |\n",
                build, rows, what, w, c, rows / w, mb / w, rows / c, rss / 1024, sum
        }
        END {
            line("first", wall[0], cpu[0])
            if (n < 2) exit
            w = 0; c = 0
            for (r = 1; r < n; r++) { w += wall[r]; c += cpu[r] }
            line(n == 2 ? "second" : "later (mean of " n - 1 ")", w / (n - 1), c / (n - 1))
        }' "$3"
}

build before "$BEFORE"
build after "$AFTER"
harness
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(java -version 2>&1 | head -n 1)" >&2
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs, $(free -g | awk '/Mem:/ {print $2}') GB" >&2

rows_table="| build | rows | read | wall s | CPU s | rows/s | MB/s | rows/s of CPU | peak RSS | checksum |"
heap_table="| build | rows | file | smallest -Xmx |"
differ=0
for n in "${sizes[@]}"; do
    file="$WORK/rows-$n.csv"
    echo "+ fairreg generate --samples $n --out $file" >&2
    start=$(date +%s%N)
    java -Xmx8g -jar "$WORK/after/cli/target/fairreg.jar" generate --samples "$n" --out "$file" -q
    echo "generate: $n rows, $(( $(stat -c %s "$file") / 1000000 )) MB in" \
         "$(( ($(date +%s%N) - start) / 1000000 )) ms" >&2
    reads="${READS:-$([ "$n" -le 1000000 ] && echo 4 || echo 2)}"
    step=$(( n <= 1000000 ? 8 : 32 ))
    for b in before after; do
        echo "+ load $b, $n rows, $reads reads, -Xmx$HEAP (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
        load "$b" "$HEAP" "$file" "$reads" >"$WORK/$b-$n.txt"
        rows_table+=$'\n'"$(report "$b" "$n" "$WORK/$b-$n.txt")"
    done
    sums="$(awk '/^checksum/ {print $2}' "$WORK/before-$n.txt" "$WORK/after-$n.txt" | uniq | wc -l)"
    if [ "$sums" -ne 1 ]; then
        echo "csv_scale: the builds read different values from $n rows (checksums differ)" >&2
        differ=1
    fi
    megabytes=$(( $(stat -c %s "$file") / 1000000 ))
    for b in before after; do
        echo "+ smallest -Xmx for $b, $n rows" >&2
        heap_table+=$'\n'"| $b | $n | $megabytes MB | $(smallest_heap "$b" "$file" "$step") MB |"
    done
    rm -f "$file"
    echo "load average after $n rows: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
echo "$rows_table"
echo
echo "$heap_table"
exit "$differ"
