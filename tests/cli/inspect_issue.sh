# paperbag inspect on issue folders: a summary, JSON, and exit codes 1 and 2 for bad input.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e

issue=$work/issue
mkdir -p "$issue"
printf 'text\n' >"$issue/p1.txt"
cat >"$issue/issue.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<issue xmlns="urn:x-paperbag:issue:1" version="1.0">
  <title>The Test Gazette</title>
  <identifier type="issn">2049-3630</identifier>
  <language>en</language>
  <date>2024-03-18</date>
  <pages>
    <page sequence="1" label="A1"><file role="text" href="p1.txt"/></page>
  </pages>
</issue>
XML

run "$PAPERBAG" inspect "$issue"
expect_rc 0
expect_out "title:     The Test Gazette"
expect_out "page 1 [A1]"
expect_out "text: p1.txt (text/plain)"

run "$PAPERBAG" inspect --json "$issue/issue.xml"
expect_rc 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["title"]=="The Test Gazette", d; assert d["pages"][0]["label"]=="A1"' "$work/out" \
  || fail "inspect --json is not the expected JSON"

# Invalid manifest: exit 1, message with file and line.
sed -i 's/2024-03-18/2024-02-30/' "$issue/issue.xml"
run "$PAPERBAG" inspect "$issue"
expect_rc 1
expect_err "issue.xml:6: error:"
[ ! -s "$work/out" ] || fail "nothing may be printed on stdout for an invalid manifest"

# Missing folder: the tool cannot do its job, exit 2.
run "$PAPERBAG" inspect "$work/nowhere"
expect_rc 2
expect_err "cannot open: No such file or directory"

# Every sample issue in the repository reads cleanly.
for sample in "$SOURCE_DIR"/samples/*/; do
  [ -f "$sample/issue.xml" ] || continue
  run "$PAPERBAG" inspect "$sample"
  expect_rc 0
  [ ! -s "$work/err" ] || fail "sample $sample gives diagnostics: $(cat "$work/err")"
done

finish
