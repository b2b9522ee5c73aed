#!/usr/bin/env bash
# Whole-process speed and memory of `rolefit classify --jsonl` on real postings, beside a bare
# Aho-Corasick scan of the same bytes (examples/bare_scan.rs) measured in the same run.
#
# Usage: benches/classify_process.sh POSTINGS.jsonl [MB] [RUNS] [STREAM_MB]
#   POSTINGS.jsonl  labelled postings ({"id", "text", ...} per line), e.g. ../shared/jd-dev/postings.jsonl
#   MB              size of the input, made by repeating the postings with fresh ids (default 40)
#   RUNS            timed runs of each command, alternating (default 5)
#   STREAM_MB       also stream this many MB through standard input and report peak memory (default 0: off)
# With BASELINE=/path/to/an/older/rolefit set, that binary is timed as well, in the same rounds (plain
# text and HTML, alternating with the current build), and streamed beside it: a before-and-after
# comparison taken side by side under the same load.
# The input is generated in a temporary directory at run time and deleted at the end; nothing from
# the postings is written anywhere else. Needs python3 and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:?usage: benches/classify_process.sh POSTINGS.jsonl [MB] [RUNS] [STREAM_MB]}"
mb="${2:-40}"
runs="${3:-5}"
stream_mb="${4:-0}"
cargo build --quiet --release -p rolefit-cli
cargo build --quiet --release --example bare_scan
bin=target/release/rolefit
bare=target/release/examples/bare_scan
baseline="${BASELINE:-}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Repeats the postings (each line gets a new id) until `mb` MB, or streams them to stdout.
cat > "$tmp/repeat.py" <<'PY'
import html, json, sys
src, limit = sys.argv[1], int(float(sys.argv[2]) * 1e6)
# `html COUNT`: the first COUNT postings as JobPosting lines with HTML descriptions, whatever their size.
as_html = len(sys.argv) > 3 and sys.argv[3] == "html"
count = int(sys.argv[4]) if as_html else None
rows = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
lines = [(r["id"], {k: v for k, v in r.items() if k in ("title", "text")}) for r in rows]

def page(text):
    """The text as a JobPosting description: paragraphs in <p>, lines in <br>, entities escaped."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "".join("<p>" + "<br>".join(html.escape(l) for l in p.split("\n")) + "</p>\n" for p in paragraphs)

out, written, n = sys.stdout.buffer, 0, 0
while (n < count) if as_html else (written < limit):
    for rid, body in lines:
        if as_html:
            record = {"@type": "JobPosting", "identifier": f"{rid}-{n}", "description": page(body["text"])}
        else:
            record = {"id": f"{rid}-{n}", "text": body["text"]}
        line = (json.dumps(record) + "\n").encode()
        out.write(line)
        written += len(line)
        n += 1
        if (n >= count) if as_html else (written >= limit):
            break
PY
python3 "$tmp/repeat.py" "$src" "$mb" > "$tmp/input.jsonl"
bytes=$(stat -c %s "$tmp/input.jsonl")
postings=$(wc -l < "$tmp/input.jsonl")
# The same postings as schema.org JobPosting lines, each description HTML (<p>, <br>, entities).
python3 "$tmp/repeat.py" "$src" "$mb" html "$postings" > "$tmp/html.jsonl"
echo "input: $bytes bytes ($postings postings); as JobPosting HTML: $(stat -c %s "$tmp/html.jsonl") bytes; nproc $(nproc); load $(cut -d' ' -f1-3 /proc/loadavg)"

# wall seconds, user+sys CPU seconds, max RSS KiB
measure() { /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" > /dev/null; awk '{print $1, $2 + $3, $4}' "$tmp/t"; }
: > "$tmp/rolefit"; : > "$tmp/bare"; : > "$tmp/html"; : > "$tmp/base"; : > "$tmp/base_html"
for _ in $(seq "$runs"); do
  if [ -n "$baseline" ]; then
    measure "$baseline" classify --jsonl "$tmp/input.jsonl" >> "$tmp/base"
  fi
  measure "$bin" classify --jsonl "$tmp/input.jsonl" >> "$tmp/rolefit"
  measure "$bare" "$tmp/input.jsonl" >> "$tmp/bare"
  if [ -n "$baseline" ]; then
    measure "$baseline" classify --jsonl "$tmp/html.jsonl" >> "$tmp/base_html"
  fi
  measure "$bin" classify --jsonl "$tmp/html.jsonl" >> "$tmp/html"
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$bytes" "$tmp/rolefit" "$tmp/bare" "$tmp/html" "$tmp/base" "$tmp/base_html" <<'PY'
import statistics, sys
size = int(sys.argv[1])
def load(p): return [tuple(map(float, l.split())) for l in open(p)]
r, b, h, br, bh = (load(p) for p in sys.argv[2:7])
med = lambda rows, i: statistics.median(x[i] for x in rows)
# MB/s are of the plain-text input's size for all of them: the same postings.
named = [("rolefit classify --jsonl", r), ("bare Aho-Corasick scan", b), ("same postings as HTML", h)]
if br:
    named += [("baseline --jsonl", br), ("baseline, HTML", bh)]
for name, rows in named:
    wall, cpu, rss = med(rows, 0), med(rows, 1), med(rows, 2)
    print(f"{name:26} wall {wall:6.3f} s  cpu {cpu:6.3f} s  cores {cpu / wall:4.2f}  "
          f"{size / 1e6 / wall:7.1f} MB/s wall  {size / 1e6 / cpu:7.1f} MB/s per core  max RSS {rss / 1024:6.1f} MiB")
    print("  runs (wall/cpu s):", ", ".join(f"{x[0]:.2f}/{x[1]:.2f}" for x in rows))
print(f"rolefit / bare scan: {med(r, 0) / med(b, 0):.2f}x wall, {med(r, 1) / med(b, 1):.2f}x CPU")
print(f"HTML / plain text: {med(h, 0) / med(r, 0):.2f}x wall, {med(h, 1) / med(r, 1):.2f}x CPU")
if br:
    print(f"baseline / bare scan: {med(br, 0) / med(b, 0):.2f}x wall, {med(br, 1) / med(b, 1):.2f}x CPU")
    print(f"baseline HTML / baseline plain: {med(bh, 0) / med(br, 0):.2f}x wall, {med(bh, 1) / med(br, 1):.2f}x CPU")
    print(f"baseline / current: plain {med(br, 0) / med(r, 0):.2f}x wall, {med(br, 1) / med(r, 1):.2f}x CPU; "
          f"HTML {med(bh, 0) / med(h, 0):.2f}x wall, {med(bh, 1) / med(h, 1):.2f}x CPU")
PY

if [ "$stream_mb" != 0 ]; then
  for part in 1 2; do
    mbs=$(( stream_mb * part / 2 ))
    for b in "$bin" $baseline; do
      python3 "$tmp/repeat.py" "$src" "$mbs" | /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$b" classify --jsonl - > /dev/null
      awk -v mb="$mbs" -v b="$b" '{printf "%s: stream of %s MB through stdin: wall %.1f s, cpu %.1f s, max RSS %.1f MiB\n", b, mb, $1, $2 + $3, $4 / 1024}' "$tmp/t"
    done
  done
fi
