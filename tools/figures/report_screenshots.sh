#!/usr/bin/env bash
# Makes the screenshots of the three --report-html pages in docs/images/: runs ReportPagesTest,
# which trains, evaluates and sweeps on group-shift data and keeps its pages in
# cli/target/report-pages/, then has headless Chromium (Debian's chromium package) draw each page
# in a 1200-pixel-wide window tall enough for the whole page. The pages load nothing, so the
# screenshots need no network.
# Usage: tools/figures/report_screenshots.sh [MAVEN OPTIONS...]   (such as -o to stay offline)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pages="$root/cli/target/report-pages"
images="$root/docs/images"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
    echo "report_screenshots.sh: needs chromium (apt-get install chromium)" >&2
    exit 1
fi

(cd "$root" && mvn "$@" -q -B test -pl cli -am -Dtest=ReportPagesTest -Dsurefire.failIfNoSpecifiedTests=false)
mkdir -p "$images"
# Window heights that hold each whole page at this width, measured on these pages.
declare -A heights=([train]=2000 [evaluate]=1600 [sweep]=3050)
for page in train evaluate sweep; do
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --window-size="1200,${heights[$page]}" --screenshot="$images/report-$page.png" \
        "file://$pages/$page.html" 2>/dev/null
    echo "docs/images/report-$page.png from $pages/$page.html"
done
