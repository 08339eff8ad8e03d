# paperbag export and stats on bundles built by paperbag build: JSON Lines equal the golden
# files (bundle field = bundle name), JSON Schema, CSV round trip, filters, gzip, -j order,
# txt and xml outputs, a corrupt bundle among good ones, stats.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
command -v python3 >/dev/null || { echo "skipped: python3 is not installed"; exit 77; }
export SOURCE_DATE_EPOCH=1710720000
samples="$SOURCE_DIR/samples"
run "$PAPERBAG" build "$samples/jianghe-daily-2024-03-18" "$samples/riverton-courier-2024-03-18" \
  -o "$work/bundles" -j 2
expect_rc 0

# JSON Lines from each bundle equal the golden files of the issue folders.
for c in jianghe-daily riverton-courier; do
  run "$PAPERBAG" export "$work/bundles/$c-2024-03-18.zip"
  expect_rc 0
  diff -u "$SOURCE_DIR/tests/golden/jsonl/$c/expected.jsonl" "$work/out" >"$work/diff" \
    || fail "$c: bundle export differs from the golden file: $(head -c 2000 "$work/diff")"
done

# A folder is searched; output in path order; every record valid against the schema.
run "$PAPERBAG" export "$work/bundles" -j 1 -o "$work/all.jsonl"
expect_rc 0
[ "$(wc -l <"$work/all.jsonl")" = 18 ] || fail "expected 18 records, got $(wc -l <"$work/all.jsonl")"
# The JSON Schema check needs python3-jsonschema (Debian's, when python3 is another Python).
py=python3
python3 -c 'import jsonschema' 2>/dev/null || ! /usr/bin/python3 -c 'import jsonschema' 2>/dev/null \
  || py=/usr/bin/python3
"$py" - "$work/all.jsonl" "$SOURCE_DIR/docs/export-record.schema.json" <<'PY' || fail "schema"
import json, sys
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
spec = ["type", "id", "bundle", "title", "date", "pages", "language", "warnings"]
article = spec + ["kicker", "headline", "subtitle", "bylines", "dateline", "body",
                  "intertitles", "continued_on", "continued_from", "signature"]
for r in records:
    need = article if r["type"] == "article" else spec + ["caption", "credit"]
    missing = [k for k in need if k not in r]
    assert not missing, (r["id"], missing)
try:
    import jsonschema
except ImportError:
    print("jsonschema not installed: schema check skipped")
    sys.exit(0)
schema = json.load(open(sys.argv[2], encoding="utf-8"))
for r in records:
    jsonschema.validate(r, schema)
PY
[ "$(head -c 60 "$work/all.jsonl")" = "$(head -c 60 "$SOURCE_DIR/tests/golden/jsonl/jianghe-daily/expected.jsonl")" ] \
  || fail "folder order: jianghe first"

# -j 1 and -j 4 give the same bytes; gzip decompresses to the same bytes.
run "$PAPERBAG" export "$work/bundles" -j 4 -o "$work/all4.jsonl"
cmp -s "$work/all.jsonl" "$work/all4.jsonl" || fail "-j 4 output differs from -j 1"
run "$PAPERBAG" export "$work/bundles" -o "$work/all.jsonl.gz"
expect_rc 0
python3 -c 'import gzip,sys; sys.stdout.buffer.write(gzip.open(sys.argv[1]).read())' "$work/all.jsonl.gz" \
  | cmp -s - "$work/all.jsonl" || fail "gzip output does not decompress to the JSON Lines"
run "$PAPERBAG" export "$work/bundles" --gzip -o "$work/again.gz"
cmp -s "$work/all.jsonl.gz" "$work/again.gz" || fail "gzip output is not deterministic"

# Filters.
run "$PAPERBAG" export "$work/bundles" --type illustration
[ "$(grep -c '"type":"illustration"' "$work/out")" = 4 ] && ! grep -q '"type":"article"' "$work/out" \
  || fail "--type illustration"
run "$PAPERBAG" export "$work/bundles" --lang zh
[ "$(wc -l <"$work/out")" = 10 ] && ! grep -q '"language":"en"' "$work/out" || fail "--lang zh"
run "$PAPERBAG" export "$work/bundles" --title "The Riverton Courier"
[ "$(wc -l <"$work/out")" = 8 ] || fail "--title"
run "$PAPERBAG" export "$work/bundles" --from 2024-03-19
expect_rc 0
[ ! -s "$work/out" ] || fail "--from after the issues must export nothing"
run "$PAPERBAG" export "$work/bundles" --from 2024-03-18 --to 2024-03-18 --fields id,headline
[ "$(wc -l <"$work/out")" = 18 ] || fail "--from/--to on the day"
expect_out '{"id":"art-002","headline":"Mountain nations agree to share glacier data"}'
run "$PAPERBAG" export "$work/bundles" --fields id,nope
expect_rc 2
expect_err "unknown field 'nope'"

# CSV: the same columns, round trip through Python's csv module (list cells through json).
run "$PAPERBAG" export "$work/bundles" --format csv -o "$work/all.csv"
expect_rc 0
python3 - "$work/all.csv" "$work/all.jsonl" <<'PY' || fail "csv round trip"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
records = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
assert len(rows) == len(records), (len(rows), len(records))
for row, rec in zip(rows, records):
    for key, value in rec.items():
        if isinstance(value, list):  # list cells are JSON arrays: they split back exactly
            assert json.loads(row[key]) == value, (rec["id"], key, row[key][:80])
            continue
        elif value is None:
            value = ""
        elif isinstance(value, (int, float)):
            assert float(row[key]) == float(value), (key, row[key], value)
            continue
        assert row[key] == value, (rec["id"], key, row[key][:80], str(value)[:80])
PY

# txt: one file per article, named by date, source and id, with a header.
run "$PAPERBAG" export "$work/bundles" --format txt -o "$work/txt"
expect_rc 0
[ "$(ls "$work/txt" | wc -l)" = 14 ] || fail "txt: expected 14 files, got $(ls "$work/txt" | wc -l)"
f="$work/txt/2024-03-18_riverton-courier-2024-03-18_art-002.txt"
[ -f "$f" ] || fail "txt: $f missing"
head -1 "$f" | grep -qx "title: The Riverton Courier" || fail "txt header: $(head -3 "$f")"
grep -qx "headline: Mountain nations agree to share glacier data" "$f" || fail "txt headline"
grep -q "^Representatives of 11 mountain nations" "$f" || fail "txt body"

# xml: issue folders are written by the XML writers (with their originals).
# From bundles, --format xml unpacks each bundle's data/ folder (XML and originals), byte for
# byte what the bundle holds.
run "$PAPERBAG" export "$work/bundles" --format xml -o "$work/unpacked"
expect_rc 0
for b in "$work"/bundles/*.zip; do
  name=$(basename "$b" .zip)
  [ -f "$work/unpacked/$name/mets.xml" ] || fail "xml from a bundle: no $name/mets.xml"
  unzip -p "$b" "$name/data/mets.xml" | cmp - "$work/unpacked/$name/mets.xml" \
    || fail "xml from a bundle: $name/mets.xml differs from the bundle's"
done
run "$PAPERBAG" validate --profile paperbag "$work/unpacked"
expect_rc 0
run "$PAPERBAG" export "$samples/jianghe-daily-2024-03-18" "$samples/riverton-courier-2024-03-18" \
  --format xml -o "$work/xml"
expect_rc 0
[ -f "$work/xml/jianghe-daily-2024-03-18/mets.xml" ] || fail "xml: sub-folder per issue"
run "$PAPERBAG" validate --profile paperbag "$work/xml"
[ "$rc" != 1 ] || fail "xml export is not valid: $(head -c 600 "$work/out")"
if [ -x "$SHARED_DIR/tools/check-conformance" ] && command -v java >/dev/null; then
  run "$SHARED_DIR/tools/check-conformance" "$work/xml"
  expect_rc 0
fi

# A corrupt bundle and a foreign one among good ones: reported with path and reason,
# skipped, the rest exported, exit 1.
cp -r "$work/bundles" "$work/mixed"
printf 'PK\003\004 not really a zip' >"$work/mixed/broken.zip"
python3 - "$work/mixed/foreign.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("bag/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    z.writestr("bag/data/mets.xml", '<mets xmlns="http://www.loc.gov/METS/"/>')
PY
run "$PAPERBAG" export "$work/mixed" -o "$work/mixed.jsonl"
expect_rc 1
expect_err "broken.zip"
expect_err "foreign.zip:bag/data/mets.xml:1: error: not a paperbag bundle"
expect_err "skipped"
[ "$(wc -l <"$work/mixed.jsonl")" = 18 ] || fail "good bundles must still be exported"

# Input lists: - and --from-list.
ls "$work/bundles"/*.zip >"$work/list"
run "$PAPERBAG" export --from-list "$work/list" -o "$work/listed.jsonl"
cmp -s "$work/listed.jsonl" "$work/all.jsonl" || fail "--from-list"
set +e; "$PAPERBAG" export - <"$work/list" >"$work/stdin.jsonl" 2>"$work/err"; set -e
cmp -s "$work/stdin.jsonl" "$work/all.jsonl" || fail "- reads paths from stdin"

# stats: the same counts from bundles and from the issue folders.
run "$PAPERBAG" stats --json "$work/bundles"
expect_rc 0
expect_out '"total":{"issues":2,"pages":4,"articles":14,"illustrations":4,"characters":15373,"articles_without_headline":2}'
run "$PAPERBAG" stats "$samples"
expect_rc 0
expect_out "江河日报"
grep -E '^total +2 +4 +14 +4 +15373 +2$' "$work/out" >/dev/null || fail "stats table: $(cat "$work/out")"
run "$PAPERBAG" stats "$work/mixed"
expect_rc 1
expect_out "skipped: 2 inputs"

# inspect shows the issue of a bundle.
run "$PAPERBAG" inspect "$work/bundles/riverton-courier-2024-03-18.zip"
expect_rc 0
expect_out "title:     The Riverton Courier"
expect_out "art-002  p. A1  Mountain nations agree to share glacier data"
finish
