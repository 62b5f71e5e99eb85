#!/usr/bin/env bash
# Trains on 1 million and 10 million generated rows at batch 1024 in a 4 GiB heap and reports
# rows per second and peak memory. Usage: tools/figures/training_scale.sh [ROWS...]
# (default 1000000 10000000). Needs about 2.5 GB of free space in $TMPDIR (or /tmp) for the
# 10-million-row CSV, which is deleted at the end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)
work="$(mktemp -d "${TMPDIR:-/tmp}/fairreg-scale.XXXXXX")"
trap 'rm -rf "$work"' EXIT

"$root/fairreg" --version >/dev/null   # builds the jar once, before any timing
jar="$root/cli/target/fairreg.jar"

echo "| rows | train rows | epochs | median epoch s | train rows/s | peak RSS MiB | test MSE | test gap |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for rows in "${sizes[@]}"; do
    csv="$work/rows-$rows.csv"
    java -jar "$jar" generate --kind group-shift --samples "$rows" --out "$csv" --quiet
    log="$work/train-$rows.log"
    # The launcher's collector options, with the 4 GiB heap the issue names.
    /usr/bin/time -v java -XX:+UseSerialGC -Xms8m -Xmx4g --add-modules jdk.incubator.vector -jar "$jar" \
        train --data "$csv" --test-fraction 0.1 --validation-fraction 0.01 --batch-size 1024 --epochs 3 --patience 3 \
        --no-audit --history "$work/history-$rows.csv" >"$work/out-$rows.txt" 2>"$log"
    peak_kib="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$log")"
    train_rows="$(sed -n 's/^data .* train \([0-9]*\) .*/\1/p' "$log")"
    python3 - "$work/history-$rows.csv" "$rows" "$train_rows" "$peak_kib" "$work/out-$rows.txt" <<'PY'
import csv, re, statistics, sys
history, rows, train_rows, peak_kib, out = sys.argv[1:]
seconds = [float(r["seconds"]) for r in csv.DictReader(open(history))]
median = statistics.median(seconds)
text = open(out).read()
mse = re.search(r"^overall\s+\d+\s+(\S+)", text, re.M).group(1)
gap = re.search(r"^gap\s+(\S+)", text, re.M).group(1)
print(f"| {int(rows):,} | {int(train_rows):,} | {len(seconds)} | {median:.2f} | {int(train_rows) / median:,.0f} "
      f"| {int(peak_kib) / 1024:,.0f} | {mse} | {gap} |")
PY
    rm -f "$csv"
done
