#!/usr/bin/env bash
# Times the release binary on generated document pairs (each document 100 KB, 1 MB, 10 MB by
# default) and on the seed articles, with GNU diff and wdiff on the same files as references,
# measures the sentence-pair mode's throughput, scores the recall of the planted items, and
# prints a Markdown table.
#
#   bash scripts/bench.sh [--sizes 100KB,1MB,10MB] [--runs 3] [--timeout 300] [--seed 42]
#                         [--pairs 100000] [--seed-runs 50] [--mem-limit-gb 8]
#                         [--score-py PATH/score.py] [--sick PATH/sick.jsonl] [--out FILE.md]
#
# Each measurement is the median of --runs runs under `/usr/bin/time -v` (peak RSS) with the
# wall time taken around it. A run that passes --timeout seconds is killed and reported as
# "timeout" (the size's other runs are skipped); one that passes --mem-limit-gb of address space
# fails and is reported as "oom". Generated data goes to target/bench-data (never committed).
# --score-py also scores the reports of documents up to 200 KB with the evaluation's score.py,
# to check examples/recall.rs against it. --sick also times pair mode on the SICK pairs (the
# external benchmark's file, e.g. ../shared/benchmarks/sick/sick.jsonl; not part of this
# repository) repeated ten times: real sentence pairs, shorter than the generated ones. Missing
# tools (GNU time, wdiff, hyperfine) are installed with apt-get when run as root.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

sizes="100KB,1MB,10MB"
runs=3
timeout_s=300
seed=42
pair_count=100000
seed_runs=50
mem_limit_gb=8
score_py=""
sick=""
out=""

usage() { sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() {
    echo "bench.sh: $*" >&2
    exit 2
}

while [[ $# -gt 0 ]]; do
    case "$1" in
    --sizes) sizes="$2" ;;
    --runs) runs="$2" ;;
    --timeout) timeout_s="$2" ;;
    --seed) seed="$2" ;;
    --pairs) pair_count="$2" ;;
    --seed-runs) seed_runs="$2" ;;
    --mem-limit-gb) mem_limit_gb="$2" ;;
    --score-py) score_py="$2" ;;
    --sick) sick="$2" ;;
    --out) out="$2" ;;
    -h | --help)
        usage
        exit 0
        ;;
    *) die "unknown option $1 (see --help)" ;;
    esac
    [[ $# -ge 2 ]] || die "$1 needs a value"
    shift 2
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number"

# --- tools -----------------------------------------------------------------------------------
missing=()
[[ -x /usr/bin/time ]] || missing+=(time)
command -v wdiff >/dev/null || missing+=(wdiff)
command -v hyperfine >/dev/null || missing+=(hyperfine)
if [[ ${#missing[@]} -gt 0 ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "bench.sh: installing ${missing[*]}" >&2
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
            echo "bench.sh: could not install ${missing[*]}" >&2
    else
        echo "bench.sh: missing ${missing[*]}; install them (apt-get install ${missing[*]})" >&2
    fi
fi
[[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) is needed for peak memory"
have_wdiff=$(command -v wdiff >/dev/null && echo 1 || echo 0)
have_hyperfine=$(command -v hyperfine >/dev/null && echo 1 || echo 0)

echo "bench.sh: building the release binary and the generator" >&2
cargo build --release --quiet --bin crosscheck --example generate --example recall

bin=target/release/crosscheck
generate=target/release/examples/generate
recall=target/release/examples/recall
data=target/bench-data
mkdir -p "$data"
errlog="$data/bench-errors.log"
: >"$errlog"

# --- measuring -------------------------------------------------------------------------------

# measure OUTPUT CMD...: runs CMD once with stdout to OUTPUT; sets wall_s, rss_kb and status
# (ok, timeout, oom or error N). Exit 1 counts as ok: crosscheck, diff and wdiff all use it to
# say the inputs differ.
measure() {
    local output=$1
    shift
    local timefile start end code
    timefile=$(mktemp)
    start=$(date +%s%N)
    set +e
    (
        ulimit -v $((mem_limit_gb * 1024 * 1024))
        exec /usr/bin/time -v -o "$timefile" timeout -k 5 "$timeout_s" "$@" >"$output" 2>>"$errlog"
    )
    code=$?
    set -e
    end=$(date +%s%N)
    wall_s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", (b - a) / 1e9 }')
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$timefile")
    rm -f "$timefile"
    case $code in
    0 | 1) status=ok ;;
    124 | 137) status=timeout ;;
    134) status=oom ;; # Rust aborts when an allocation fails
    *) status="error $code" ;;
    esac
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# repeat NAME OUTPUT CMD...: --runs measurements; sets med_wall, med_rss (KiB) and result.
repeat() {
    local name=$1 output=$2
    shift 2
    local walls=() rsss=()
    result=ok
    for ((i = 1; i <= runs; i++)); do
        measure "$output" "$@"
        if [[ $status != ok ]]; then
            result=$status
            echo "  $name: run $i: $status after ${wall_s}s" >&2
            break
        fi
        walls+=("$wall_s")
        rsss+=("$rss_kb")
        echo "  $name: run $i: ${wall_s}s, ${rss_kb} KiB" >&2
    done
    med_wall=$(printf '%s\n' "${walls[@]}" | median)
    med_rss=$(printf '%s\n' "${rsss[@]}" | median)
}

fmt_wall() {
    [[ -n $1 ]] || {
        echo "–"
        return
    }
    awk -v s="$1" 'BEGIN { if (s < 1) printf "%.1f ms", s * 1000; else printf "%.2f s", s }'
}
fmt_rss() {
    [[ -n $1 ]] || {
        echo "–"
        return
    }
    awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'
}
# cell RESULT WALL RSS: "wall, rss" or the failure.
cell() {
    if [[ $1 == ok ]]; then echo "$(fmt_wall "$2") / $(fmt_rss "$3")"; else echo "$1"; fi
}
fmt_bytes() { awk -v b="$1" 'BEGIN { if (b >= 1e6) printf "%.1f MB", b / 1e6; else printf "%.0f KB", b / 1e3 }'; }

rows=()
declare -A wall_of recall_of rss_of

# --- the seeds -------------------------------------------------------------------------------
seed_left=seeds/000_28f1410be158b030.txt
seed_right=seeds/003_0b289d2134709d16.txt
echo "bench.sh: seeds ($seed_runs runs)" >&2
if [[ $have_hyperfine == 1 ]]; then
    csv=$(mktemp)
    hyperfine --style none -N -i --warmup 5 --runs "$seed_runs" --export-csv "$csv" \
        "$bin --format json $seed_left $seed_right" >/dev/null 2>&1
    seed_wall=$(awk -F, 'NR == 2 { print $4 }' "$csv") # median
    rm -f "$csv"
    seed_method="hyperfine median of $seed_runs"
else
    walls=()
    for ((i = 0; i < seed_runs; i++)); do
        start=$(date +%s%N)
        "$bin" --format json "$seed_left" "$seed_right" >/dev/null || true
        end=$(date +%s%N)
        walls+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", (b - a) / 1e9 }')")
    done
    seed_wall=$(printf '%s\n' "${walls[@]}" | median)
    seed_method="loop median of $seed_runs"
fi
measure /dev/null "$bin" --format json "$seed_left" "$seed_right"
seed_rss=$rss_kb
# A reference tool on the seeds: milliseconds, so hyperfine's median rather than the few runs
# of `repeat`, whose own process start-up (time, timeout) would dominate.
seed_reference() {
    local rss wall csv
    measure /dev/null "$@"
    rss=$rss_kb
    if [[ $have_hyperfine == 1 ]]; then
        csv=$(mktemp)
        hyperfine --style none -N -i --warmup 5 --runs "$seed_runs" --export-csv "$csv" "$*" >/dev/null 2>&1
        wall=$(awk -F, 'NR == 2 { print $4 }' "$csv")
        rm -f "$csv"
    else
        repeat "$1" /dev/null "$@"
        wall=$med_wall
    fi
    cell ok "$wall" "$rss"
}
diff_cell=$(seed_reference diff "$seed_left" "$seed_right")
wdiff_cell="not installed"
if [[ $have_wdiff == 1 ]]; then
    wdiff_cell=$(seed_reference wdiff "$seed_left" "$seed_right")
fi
rows+=("| seeds | $(fmt_bytes "$(wc -c <"$seed_left")") | $(fmt_wall "$seed_wall") / $(fmt_rss "$seed_rss") | $diff_cell | $wdiff_cell | | |")

# --- generated pairs -------------------------------------------------------------------------
IFS=, read -r -a size_list <<<"$sizes"
per_type=""
for size in "${size_list[@]}"; do
    dir="$data/$size-seed$seed"
    echo "bench.sh: $size (generating into $dir)" >&2
    "$generate" --size "$size" --seed "$seed" --out "$dir" 2>>"$errlog"
    left="$dir/left.txt"
    right="$dir/right.txt"
    repeat crosscheck "$dir/report.json" "$bin" --format json "$left" "$right"
    cc_result=$result
    cc_cell=$(cell "$result" "$med_wall" "$med_rss")
    wall_of[$size]=$([[ $result == ok ]] && echo "$med_wall" || echo "")
    rss_of[$size]=$([[ $result == ok ]] && echo "$med_rss" || echo "")
    repeat diff /dev/null diff "$left" "$right"
    diff_cell=$(cell "$result" "$med_wall" "$med_rss")
    wdiff_cell="not installed"
    if [[ $have_wdiff == 1 ]]; then
        repeat wdiff /dev/null wdiff "$left" "$right"
        wdiff_cell=$(cell "$result" "$med_wall" "$med_rss")
    fi
    recall_cell="–"
    overall_cell="–"
    if [[ $cc_result == ok ]]; then
        "$recall" "$dir/planted.gold.json" "$dir/report.json" >"$dir/recall.txt"
        total=$(grep '^TOTAL' "$dir/recall.txt")
        pick() { awk -v k="$1" '{ for (i = 2; i < NF; i++) if ($i == k) print $(i + 1) }' <<<"$total"; }
        recall_of[$size]=$(pick planted_recall)
        recall_cell=${recall_of[$size]}
        overall_cell=$(pick overall)
        per_type+=$'\n'"$size, recall of each planted type (typed: the pair also gives the planted reason):"$'\n\n```text\n'"$(grep -v '^TOTAL' "$dir/recall.txt")"$'\n```\n'
        if [[ -n $score_py && $(wc -c <"$left") -le 200000 ]]; then
            echo "  score.py on $size:" >&2
            python3 "$score_py" --report "$dir/report.json" "$dir/planted.gold.json" --quiet | tail -1 >&2
            echo "  recall.rs: $total" >&2
        fi
    fi
    rows+=("| generated $size | $(fmt_bytes "$(wc -c <"$left")") | $cc_cell | $diff_cell | $wdiff_cell | $recall_cell | $overall_cell |")
done

# --- sentence-pair mode ----------------------------------------------------------------------
pairs_dir="$data/pairs-seed$seed"
echo "bench.sh: pair mode, $pair_count pairs" >&2
"$generate" --pairs "$pair_count" --seed "$seed" --out "$pairs_dir" 2>>"$errlog"
repeat "crosscheck --pairs" "$pairs_dir/judged.jsonl" "$bin" --pairs "$pairs_dir/pairs.jsonl"
pairs_line="pair mode: $result"
pairs_per_s=""
if [[ $result == ok ]]; then
    pair_count=$(wc -l <"$pairs_dir/pairs.jsonl")
    pairs_per_s=$(awk -v n="$pair_count" -v s="$med_wall" 'BEGIN { printf "%.0f", n / s }')
    accuracy=$(paste -d' ' <(grep -o '"label":"[a-z]*"' "$pairs_dir/pairs.jsonl") \
        <(grep -o '"relation":"[a-z]*"' "$pairs_dir/judged.jsonl") |
        awk '{ gsub(/"label":|"relation":|"/, ""); n++; if ($1 == $2) ok++ } END { printf "%.3f", ok / n }')
    pairs_line="pair mode: $pair_count generated sentence pairs in $(fmt_wall "$med_wall") (median of $runs, process start included), **$pairs_per_s pairs/s**, peak RSS $(fmt_rss "$med_rss"); 3-way accuracy against the planted labels $accuracy"
fi

sick_line=""
sick_per_s=""
if [[ -n $sick ]]; then
    [[ -r $sick ]] || die "--sick: cannot read $sick"
    sick_x10="$data/sick-x10.jsonl"
    python3 - "$sick" "$sick_x10" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for copy in range(10):
        for i, row in enumerate(rows):
            out.write(json.dumps({"id": copy * len(rows) + i, "left": row["left"], "right": row["right"]}) + "\n")
PY
    echo "bench.sh: pair mode, SICK x10" >&2
    repeat "crosscheck --pairs (SICK)" "$data/sick-judged.jsonl" "$bin" --pairs "$sick_x10"
    sick_line="pair mode on SICK: $result"
    if [[ $result == ok ]]; then
        sick_count=$(wc -l <"$sick_x10")
        sick_per_s=$(awk -v n="$sick_count" -v s="$med_wall" 'BEGIN { printf "%.0f", n / s }')
        sick_line="pair mode on SICK: its $((sick_count / 10)) pairs ten times over, $sick_count pairs in $(fmt_wall "$med_wall") (median of $runs, process start included), **$sick_per_s pairs/s**, peak RSS $(fmt_rss "$med_rss")"
    fi
fi

# --- the table -------------------------------------------------------------------------------
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
report=$(
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($cpu), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), seed $seed; wall / peak RSS, median of $runs runs (seeds: $seed_method):"
    echo
    echo "| input | each document | crosscheck --format json | GNU diff | wdiff | planted recall | overall |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
    printf '%s\n' "${rows[@]}"
    echo
    echo "$pairs_line"
    echo
    if [[ -n $sick_line ]]; then
        echo "$sick_line"
        echo
    fi
    # The targets of issue 6, where the sizes they need were measured.
    check() { if [[ $2 == 1 ]]; then echo "- [x] $1"; else echo "- [ ] $1"; fi; }
    ok() { awk "BEGIN { exit !($1) }" && echo 1 || echo 0; }
    echo "Targets (issue 6):"
    check "seeds < 5 ms wall ($(fmt_wall "$seed_wall"))" "$(ok "$seed_wall < 0.005")"
    if [[ -v "wall_of[10MB]" ]]; then
        w=${wall_of[10MB]}
        r=${rss_of[10MB]}
        check "10 MB < 10 s ($(fmt_wall "$w"))" "$([[ -n $w ]] && ok "$w < 10" || echo 0)"
        check "10 MB peak RSS ≤ 1 GiB ($(fmt_rss "$r"))" "$([[ -n $r ]] && ok "$r <= 1048576" || echo 0)"
        if [[ -v "wall_of[1MB]" && -n ${wall_of[1MB]} && -n $w ]]; then
            growth=$(awk -v a="${wall_of[1MB]}" -v b="$w" 'BEGIN { printf "%.1f", b / a }')
            check "1 MB → 10 MB time grows ≤ 12× (${growth}×)" "$(ok "$growth <= 12")"
        elif [[ -v "wall_of[1MB]" ]]; then
            check "1 MB → 10 MB time grows ≤ 12× (a size did not finish)" 0
        fi
        if [[ -v "recall_of[100KB]" && -n ${recall_of[10MB]:-} ]]; then
            # Within 5 points either way; the message says which way it moved.
            gap=$(awk -v a="${recall_of[100KB]}" -v b="${recall_of[10MB]}" 'BEGIN { d = (b - a) * 100; printf "%.1f", d < 0 ? -d : d }')
            way=$(awk -v a="${recall_of[100KB]}" -v b="${recall_of[10MB]}" 'BEGIN { print (b < a ? "lower" : "higher") }')
            check "planted recall at 10 MB within 5 points of 100 KB (${recall_of[100KB]} -> ${recall_of[10MB]}: $gap points $way)" "$(ok "$gap <= 5")"
        elif [[ -v "recall_of[100KB]" ]]; then
            check "planted recall at 10 MB within 5 points of 100 KB (10 MB did not finish)" 0
        fi
    fi
    check "pair mode ≥ 100,000 pairs/s (${pairs_per_s:-–})" "$([[ -n $pairs_per_s ]] && ok "$pairs_per_s >= 100000" || echo 0)"
    if [[ -n $sick ]]; then
        check "pair mode ≥ 100,000 pairs/s on SICK (${sick_per_s:-–})" "$([[ -n $sick_per_s ]] && ok "$sick_per_s >= 100000" || echo 0)"
    fi
    echo "$per_type"
)
echo "$report" >"$data/bench-results.md"
[[ -z $out ]] || echo "$report" >"$out"
echo "$report"
echo "bench.sh: also in $data/bench-results.md; tool errors in $errlog" >&2
