# The progress bar on a real terminal (a pseudo-terminal): `build -j2` of 30 issues prints
# every result on its own line above a bar that is redrawn in place and gone at the end;
# TERM=dumb, a pipe, --no-progress and -q get no escape codes and no bar.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
export SOURCE_DATE_EPOCH=1710720000
# pty_run TERM_VALUE COMMAND...: runs COMMAND on a pseudo-terminal (raw bytes in $work/raw,
# the rendered screen in $work/screen, the exit code in $rc).
pty_run() {
  local term=$1
  shift
  run env TERM="$term" python3 "$SOURCE_DIR/tests/support/pty_run.py" "$work/raw" "$work/screen" -- "$@"
}
sample="$SOURCE_DIR/samples/riverton-courier-2024-03-18"
issues=()
for day in $(seq 1 30); do
  d=$(printf '2024-04-%02d' "$day")
  mkdir -p "$work/in/$d"
  cp "$sample"/page-0*.txt "$work/in/$d/"
  sed "s/2024-03-18/$d/g" "$sample/issue.xml" >"$work/in/$d/issue.xml"
  issues+=("$work/in/$d")
done

# Every screen line is a result, a diagnostic, the summary or the closing timing line: a
# bar glued to a result (`...] 2/30 issues 29.8/s ETA 0m01sbuilt  ...`) fails here.
check_screen() {  # $1: what the lines must look like
  python3 - "$work/screen" "$1" <<'PY' || fail "terminal screen ($1): $(head -c 600 "$work/screen")"
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
kind = sys.argv[2]
result = re.compile(r"^built      \S+/riverton-courier-2024-04-\d\d\.zip \(2 pages, \d+ articles, "
                    r"\d+ illustrations?, \d+ bytes\)$")
diagnostic = re.compile(r"^(\S.*: )?(info|warning): .*\[PB-[A-Z0-9-]+\]$")
built = [l for l in lines if result.match(l)]
assert len(built) == 30, (len(built), lines[:5])
assert "summary: 30 built, 0 unchanged, 0 failed" in lines, lines[-3:]
timing = [l for l in lines if re.match(r"^30 issues in \d+\.\d s \(\d+\.\d issues/s\)$", l)]
assert len(timing) == 1, lines[-3:]
for l in lines:
    assert result.match(l) or diagnostic.match(l) or l.startswith("summary: ") or l in timing, repr(l)
    assert "[#" not in l and "[." not in l, "a bar stayed on the screen: " + repr(l)
    assert "\x1b" not in l, "an escape code other than ESC [ K: " + repr(l)
PY
}

# A terminal that can redraw: a bar, redrawn in place.
pty_run xterm "$PAPERBAG" build -j2 "${issues[@]}" -o "$work/bundles"
expect_rc 0
check_screen terminal
python3 - "$work/raw" <<'PY' || fail "the bar is not redrawn in place: $(head -c 400 "$work/raw" | od -c | head)"
import re, sys
raw = open(sys.argv[1], "rb").read()
frames = re.findall(rb"\r\x1b\[K\[[#.]{30}\] (\d+)/30 issues", raw)
assert len(frames) >= 30, len(frames)  # one frame per finished issue at least
counts = [int(n) for n in frames]
assert counts == sorted(counts) and counts[-1] == 30, counts
# Each frame is followed by a clear before anything else is written on its line.
for m in re.finditer(rb"\[[#.]{30}\] \d+/30 issues[^\r\n]*", raw):
    after = raw[m.end():m.end() + 4]
    assert after == b"" or after.startswith(b"\r\x1b[K"), after
assert not re.search(rb"\x1b\[[0-9;]*m", raw), "colour codes"
PY

# TERM=dumb: the same lines, no escape code at all, no bar.
pty_run dumb "$PAPERBAG" build -j2 --force "${issues[@]}" -o "$work/bundles"
expect_rc 0
check_screen dumb
if grep -q $'\033' "$work/raw"; then fail "TERM=dumb got escape codes"; fi
if grep -qF '/30 issues' "$work/raw"; then fail "TERM=dumb got a bar"; fi

# --no-progress on a terminal that could redraw.
pty_run xterm "$PAPERBAG" build -j2 --force --no-progress "${issues[@]}" -o "$work/bundles"
expect_rc 0
check_screen no-progress
if grep -q $'\033' "$work/raw"; then fail "--no-progress got escape codes"; fi

# -q: nothing at all on a successful run.
pty_run xterm "$PAPERBAG" build -q -j2 --force "${issues[@]}" -o "$work/bundles"
expect_rc 0
[ ! -s "$work/raw" ] || fail "-q printed: $(head -c 300 "$work/raw")"

# Off a terminal (CI logs, pipes): no escape codes either.
TERM=xterm "$PAPERBAG" build -j2 --force "${issues[@]}" -o "$work/bundles" >"$work/out.txt" 2>"$work/err.txt" \
  || fail "build into a pipe failed"
if grep -q $'\033' "$work/out.txt" "$work/err.txt"; then fail "a pipe got escape codes"; fi
[ "$(grep -c '^built ' "$work/out.txt")" = 30 ] || fail "a pipe did not get 30 result lines"

finish
