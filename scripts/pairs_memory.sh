#!/usr/bin/env bash
# Measures pair mode's peak memory and time on inputs that keep bringing new words: one
# million lines whose every word is new (three on each side of a pair), and one million lines
# with a new number each. Pair mode forgets the words it has read between batches once they
# pass a bound; without that, memory grew with every new word (over 1 GB for 200,000 lines).
#
#   bash scripts/pairs_memory.sh [--lines 1000000] [--binary target/release/crosscheck]
#
# Prints one Markdown row per input: lines, peak RSS (from GNU time) and wall time. Inputs
# go to target/bench-data (never committed). Builds the release binary unless --binary is
# given.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

lines=1000000
binary=""
while [[ $# -gt 0 ]]; do
    case "$1" in
    --lines) lines="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    -h | --help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "pairs_memory.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[[ -x /usr/bin/time ]] || { echo "pairs_memory.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
if [[ -z "$binary" ]]; then
    cargo build --release --quiet
    binary=target/release/crosscheck
fi

data=target/bench-data/pairs-memory
mkdir -p "$data"
python3 - "$lines" "$data" <<'EOF'
import sys

lines, folder = int(sys.argv[1]), sys.argv[2]
letters = "bcdfghjklmnpqrstvwxz"

def word(n):
    """A made-up word of its own for every n: no dictionary knows it, no two are alike."""
    out, rest = "", n + 20 ** 4  # at least five letters
    while rest:
        rest, r = divmod(rest, len(letters))
        out += letters[r] + "aeiou"[r % 5]
    # Some capitalized, as names are.
    return out.capitalize() if n % 2 else out

with open(f"{folder}/words.jsonl", "w") as f:
    for i in range(lines):
        a, b, c, d, e, g = (word(6 * i + k) for k in range(6))
        f.write(f'{{"id": {i}, "left": "The {a} saw {b} near {c}.", '
                f'"right": "The {d} saw {e} near {g}."}}\n')
with open(f"{folder}/numbers.jsonl", "w") as f:
    for i in range(lines):
        f.write(f'{{"id": {i}, "left": "The bridge reopened after {i} days.", '
                f'"right": "The bridge reopened after {i + 1} days."}}\n')
EOF

echo "| input | lines | peak RSS | wall time |"
echo "| --- | --- | --- | --- |"
for input in words numbers; do
    log=$(mktemp)
    start=$(date +%s.%N)
    /usr/bin/time -v "$binary" --pairs "$data/$input.jsonl" >/dev/null 2>"$log" || [[ $? -eq 1 ]]
    end=$(date +%s.%N)
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    rm -f "$log"
    printf '| %s | %d | %d MB | %s s |\n' "$input" "$lines" $((rss_kb / 1024)) \
        "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')"
done
