# Output that cannot be written, outputs that would destroy inputs, and the exit-code
# contract (0 valid, 1 invalid input, 2 usage or the tool could not do its job).
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
export SOURCE_DATE_EPOCH=1710720000
zh_issue="$SOURCE_DIR/samples/jianghe-daily-2024-03-18"
run "$PAPERBAG" build "$zh_issue" -o "$work/b"
expect_rc 0
bundle="$work/b/jianghe-daily-2024-03-18.zip"

# A full disk on stdout is a failure with a message, never a silent success.
if [ -w /dev/full ]; then
  full() {  # full NAME CMD...: runs CMD with stdout on /dev/full
    local name=$1; shift
    set +e
    "$@" >/dev/full 2>"$work/err"
    rc=$?
    set -e
    [ "$rc" = 2 ] || fail "$name > /dev/full: expected exit 2, got $rc"
    grep -qF "cannot write" "$work/err" || fail "$name > /dev/full: no message: $(head -c 300 "$work/err")"
  }
  full "export" "$PAPERBAG" export "$bundle"
  full "export csv" "$PAPERBAG" export "$bundle" --format csv
  full "stats" "$PAPERBAG" stats "$bundle"
  full "inspect" "$PAPERBAG" inspect "$bundle"
  full "inspect folder" "$PAPERBAG" inspect "$zh_issue"
  full "validate" "$PAPERBAG" validate "$bundle" --profile none
  full "verify" "$PAPERBAG" verify --no-xml "$bundle"
  full "--list-rules" "$PAPERBAG" validate --list-rules
  full "schemas list" "$PAPERBAG" schemas list
  full "build" "$PAPERBAG" build "$zh_issue" -o "$work/full" --force
else
  echo "note: /dev/full is not writable here; full-disk checks skipped"
fi

# A disk that fills up (simulated with a file size limit: writes fail with EFBIG): exit 2,
# nothing partial left behind, in build, export -o and export --format xml.
limited() { bash -c 'trap "" XFSZ; ulimit -f 16; exec "$@"' limited "$@"; }
en_issue="$SOURCE_DIR/samples/riverton-courier-2024-03-18"
run limited "$PAPERBAG" build "$zh_issue" -o "$work/fullb"
expect_rc 2
expect_err "fullb/jianghe-daily-2024-03-18.zip: error: cannot write bundle"
expect_err "[PB-BAG-WRITE]"
[ -z "$(ls -A "$work/fullb")" ] || fail "a build on a full disk left files: $(ls -A "$work/fullb")"
run limited "$PAPERBAG" export "$zh_issue" "$en_issue" -o "$work/full.jsonl"
expect_rc 2
[ -z "$(find "$work" -maxdepth 1 -name '*full.jsonl*')" ] || fail "export -o on a full disk left files"
run limited "$PAPERBAG" export "$zh_issue" "$en_issue" --format xml -o "$work/fullx"
expect_rc 2
expect_err "[PB-IO]"
[ ! -e "$work/fullx" ] || fail "export --format xml on a full disk left a partial folder: $(ls -R "$work/fullx")"
mkdir -p "$work/fully"
: >"$work/fully/keep.txt"
run limited "$PAPERBAG" export "$zh_issue" "$en_issue" --format xml -o "$work/fully"
expect_rc 2
[ "$(ls -A "$work/fully")" = keep.txt ] || fail "export --format xml left partial files: $(ls -A "$work/fully")"

# -o naming an input is refused before anything is written: the input stays intact.
cp "$bundle" "$work/keep.zip"
run "$PAPERBAG" export "$bundle" -o "$bundle"
expect_rc 2
expect_err "[PB-OUTPUT-IS-INPUT]"
cmp "$bundle" "$work/keep.zip" || fail "export -o INPUT changed the bundle"
ln -s "$bundle" "$work/link.jsonl"
run "$PAPERBAG" export "$bundle" -o "$work/link.jsonl"
expect_rc 2
expect_err "[PB-OUTPUT-IS-INPUT]"
ln "$bundle" "$work/hard.zip"
run "$PAPERBAG" export "$work/hard.zip" -o "$bundle"
expect_rc 2
run "$PAPERBAG" export "$work/b" -o "$bundle"   # found by searching the folder
expect_rc 2
expect_err "[PB-OUTPUT-IS-INPUT]"
run "$PAPERBAG" verify "$bundle" --format json -o "$bundle"
expect_rc 2
expect_err "[PB-OUTPUT-IS-INPUT]"
run "$PAPERBAG" validate "$bundle" --format json -o "$work/link.jsonl"
expect_rc 2
expect_err "[PB-OUTPUT-IS-INPUT]"
cmp "$bundle" "$work/keep.zip" || fail "verify/validate -o INPUT changed the bundle"

# Inputs that do not exist, or cannot be read as what they claim: exit 2 everywhere.
for cmd in export stats inspect verify validate; do
  run "$PAPERBAG" $cmd "$work/missing.zip"
  [ "$rc" = 2 ] || fail "$cmd of a missing input: expected exit 2, got $rc"
done
mkfifo "$work/fifo.zip"
for target in "$work/b" "$work/fifo.zip" /dev/zero; do
  run timeout 20 "$PAPERBAG" verify "$target"
  [ "$rc" = 2 ] || fail "verify $target: expected exit 2, got $rc"
done
grep -qF "not a regular file" "$work/out" "$work/err" || fail "verify /dev/zero does not say why"
# A regular file that is not a ZIP is an invalid input: exit 1.
printf 'not a zip' >"$work/text.zip"
run "$PAPERBAG" verify "$work/text.zip"
expect_rc 1

# Usage errors are exit 2, also when found in option values.
printf '第一版 新闻\n' >"$work/p.txt"
run "$PAPERBAG" build "$work/p.txt" --title T --date 2024-01-01 --lang 12345 -o "$work/u"
expect_rc 2
expect_err "--lang '12345' is not a language tag"
run "$PAPERBAG" export "$work/p.txt" --title T --date 2024-01-01 --encoding NOPE
expect_rc 2
expect_err "--encoding 'NOPE'"
run "$PAPERBAG" export "$bundle" --lang 12345
expect_rc 2
run "$PAPERBAG" build "$work/p.txt" --title T --date 2024-01-01 --encoding NOPE -o "$work/u"
expect_rc 2

# An interrupted export -o leaves no temporary file; one left by a killed run (SIGKILL) is
# removed by the next export to the same file. (Thousands of issue folders, one thread: the
# export runs long enough to be interrupted.)
mkdir -p "$work/slow"
for i in $(seq 1 3000); do ln -s "$SOURCE_DIR/samples/riverton-courier-2024-03-18" "$work/slow/$i"; done
for sig in TERM KILL; do
  "$PAPERBAG" export -j 1 "$work/slow" -o "$work/x.jsonl" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 200); do
    [ -n "$(find "$work" -maxdepth 1 -name '.x.jsonl.tmp-*')" ] && break
    sleep 0.05
  done
  [ -n "$(find "$work" -maxdepth 1 -name '.x.jsonl.tmp-*')" ] || fail "SIG$sig: export -o made no temporary file"
  kill -s "$sig" "$pid"
  wait "$pid" 2>/dev/null || true
done
[ "$(find "$work" -maxdepth 1 -name '.x.jsonl.tmp-*' | wc -l)" = 1 ] || fail "SIGTERM left a temporary, or SIGKILL left none"
run "$PAPERBAG" export "$bundle" -o "$work/x.jsonl"
expect_rc 0
[ -z "$(find "$work" -maxdepth 1 -name '.x.jsonl.tmp-*')" ] || fail "the stale temporary of a killed export was not removed"

# A reader that stops reading (| head) ends the export quietly: SIGPIPE, no error message.
set +e
"$PAPERBAG" export "$bundle" "$bundle" "$bundle" "$bundle" "$bundle" "$bundle" "$bundle" \
  "$bundle" 2>"$work/pipe.err" | head -n 1 >/dev/null
set -e
[ ! -s "$work/pipe.err" ] || fail "export | head printed: $(head -c 300 "$work/pipe.err")"

finish
