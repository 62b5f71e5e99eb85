#!/usr/bin/env bash
# Checks the ./fairreg launcher itself, which the Java tests do not run: exit codes pass through,
# the JVM's incubator warning is filtered out, and SIGINT or SIGTERM sent to the launcher reaches
# java, which saves its checkpoint and prints where it stopped before everything exits.
# Run by .ci/run after `mvn -B verify` (which builds the jar). Usage: tools/ci/launcher_test.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
work="$(mktemp -d "${TMPDIR:-/tmp}/fairreg-launcher.XXXXXX")"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "launcher test FAILED: $*" >&2; failures=$((failures + 1)); }

./fairreg train --epochs 2 --no-audit -q >"$work/out" 2>"$work/err" || fail "a short run exited with $?"
grep -q '^overall ' "$work/out" || fail "a short run printed no report"
! grep -q 'incubator' "$work/err" || fail "the incubator warning was not filtered out"

status=0
./fairreg train --epochs x >/dev/null 2>"$work/err" || status=$?
[ "$status" -eq 2 ] || fail "a usage error exited with $status, expected 2"

# stopped SIGNAL EXIT: a slow run stopped by SIGNAL once it trains must exit with EXIT, print where
# it stopped and leave its checkpoint and no java process behind. Waits for the first epoch line
# rather than for a fixed time, so that a slow machine only makes it slower. Job control is on
# (set -m) because a script's background job otherwise starts with SIGINT ignored, as no launcher
# started from a terminal does.
stopped() {
    local signal="$1" expected="$2" status=0
    rm -f "$work/run.ckpt" "$work/err"
    set -m
    ./fairreg train --epochs 500 --patience 500 --hidden 256,256 --checkpoint "$work/run.ckpt" \
        >/dev/null 2>"$work/err" &
    local launcher=$!
    set +m
    for _ in $(seq 600); do
        grep -q '^epoch ' "$work/err" 2>/dev/null && break
        sleep 0.1
    done
    kill "-$signal" "$launcher"
    wait "$launcher" || status=$?
    [ "$status" -eq "$expected" ] || fail "SIG$signal: exit $status, expected $expected"
    grep -q '^fairreg train: stopped at epoch .*; checkpoint saved to' "$work/err" \
        || fail "SIG$signal: no 'stopped at epoch' line on standard error"
    [ -s "$work/run.ckpt" ] || fail "SIG$signal: no checkpoint"
    ! pgrep -f -- "--checkpoint $work/run.ckpt" >/dev/null || fail "SIG$signal: java still running"
}
stopped INT 130
stopped TERM 143

[ "$failures" -eq 0 ] && echo "launcher tests passed"
exit $(( failures > 0 ))
