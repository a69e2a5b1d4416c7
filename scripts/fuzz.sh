#!/usr/bin/env bash
# Runs Huimou's fuzz targets (cargo-fuzz, libFuzzer) one after another.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]     (default: 600 s; check, load, quantity, search)
#
# Needs `cargo install cargo-fuzz`. libFuzzer's instrumentation needs nightly flags; on a stable
# toolchain RUSTC_BOOTSTRAP=1 allows them. Panics are what the targets look for, so no sanitizer
# is used (Huimou has no unsafe code) and debug assertions (overflow checks) are on.
# Inputs may be as large as 1 MB (`-max_len`): the defects that matter most (a minified file with
# thousands of errors, a 10 MB line) need room. A run fails on a crash, on an input that takes
# over 10 s (`-timeout`), or on using over 4 GB (`-rss_limit_mb`).
# Seeds are in fuzz/seeds/TARGET; what a run learns goes to target/fuzz-corpus/TARGET, and a
# crash is saved under fuzz/artifacts/TARGET with the command that reproduces it.
# A run stops at its first failure. With FUZZ_KEEP_GOING=1 it goes on for its whole time
# instead (libFuzzer's fork mode, one job at a time, ignoring crashes, timeouts and OOMs): a
# defect already known then no longer hides the next one. Every failing input is still saved
# under fuzz/artifacts/TARGET; the progress lines count them (`oom/timeout/crash: a/b/c`).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check load quantity search)
keep_going=()
if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
    keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-../target/fuzz}"
for target in "${targets[@]}"; do
    corpus="../target/fuzz-corpus/$target"
    mkdir -p "$corpus" "seeds/$target"
    echo "== $target: ${seconds} s"
    cargo fuzz run --fuzz-dir . -a -s none "$target" "$corpus" "seeds/$target" -- \
        -max_total_time="$seconds" -max_len=1048576 -rss_limit_mb=4096 -timeout=10 \
        -print_final_stats=1 ${keep_going[@]+"${keep_going[@]}"}
done
