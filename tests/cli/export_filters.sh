# paperbag export and stats filters (docs/export.md#filters): --title repeatable and ignoring
# case, --title-contains, --from/--to with YYYY and YYYY-MM, reversed ranges refused, --fields
# with spaces, a warning when the filters take nothing; the issue-level record fields.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
export SOURCE_DATE_EPOCH=1710720000
samples="$SOURCE_DIR/samples"
b="$work/bundles"
run "$PAPERBAG" build "$samples/jianghe-daily-2024-03-18" "$samples/riverton-courier-2024-03-18" \
  -o "$b" -j 2
expect_rc 0
count() { [ "$(wc -l <"$work/out")" = "$1" ] || fail "$2: expected $1 records, got $(wc -l <"$work/out")"; }

# --title: any case, repeatable; a value never swallows the input after it.
run "$PAPERBAG" export --title "the RIVERTON courier" "$b"
expect_rc 0
count 8 "--title ignoring case"
run "$PAPERBAG" export --title "the riverton courier" --title 江河日报 "$b"
expect_rc 0
count 18 "--title twice"
run "$PAPERBAG" export "$b" --title "The Riverton"
count 0 "--title is the whole title"
run "$PAPERBAG" export "$b" --title-contains RIVERTON
count 8 "--title-contains"
run "$PAPERBAG" export "$b" --title-contains courier --title-contains 江河
count 18 "--title-contains twice"

# --from/--to: YYYY and YYYY-MM are the first and the last day.
run "$PAPERBAG" export "$b" --from 2024 --to 2024
count 18 "--from 2024 --to 2024"
run "$PAPERBAG" export "$b" --from 2024-03 --to 2024-03
count 18 "--from 2024-03 --to 2024-03"
run "$PAPERBAG" export "$b" --to 2024-02
expect_rc 0
count 0 "--to 2024-02"
expect_err "warning: no records match the filters (--to 2024-02-29) in the 2 inputs read; nothing exported [PB-EXPORT-NO-MATCH]"
run "$PAPERBAG" export "$b" --from 2024-03-18
[ ! -s "$work/err" ] || fail "filters that take something say nothing: $(cat "$work/err")"
run "$PAPERBAG" export "$b" --from 2024-04 --to 2024-03 -o "$work/none.jsonl"
expect_rc 2
expect_err "--from 2024-04-01 is after --to 2024-03-31: the date range is reversed [PB-USAGE]"
[ ! -e "$work/none.jsonl" ] || fail "a usage error writes nothing"
run "$PAPERBAG" export "$b" --from 2024-3
expect_rc 2
expect_err "--from '2024-3' is not a date: YYYY, YYYY-MM or YYYY-MM-DD"
run "$PAPERBAG" export "$b" --type article --lang en --format csv
expect_rc 0
[ "$(grep -c '^article,' "$work/out")" = 6 ] || fail "--type article --lang en: $(head -c 300 "$work/out")"

# --fields with spaces after the commas.
run "$PAPERBAG" export "$b" --title-contains riverton --fields "id, headline , uid"
expect_rc 0
expect_out '{"id":"art-002","headline":"Mountain nations agree to share glacier data","uid":"riverton-courier-2024-03-18/art-002"}'

# The issue-level fields, from the manifest (issue folder) and from the METS (bundle) alike.
for input in "$b/riverton-courier-2024-03-18.zip" "$samples/riverton-courier-2024-03-18"; do
  run "$PAPERBAG" export "$input" --fields id,uid,section,issn,edition,volume,number
  expect_rc 0
  expect_out '{"id":"art-001","uid":"riverton-courier-2024-03-18/art-001","section":"Front Page","issn":"2998-1034","edition":"Final","volume":"112","number":"78"}'
done
run "$PAPERBAG" export "$b/jianghe-daily-2024-03-18.zip" --type illustration --fields uid,section,edition
expect_out '"section":"要闻","edition":"城市版"}'
run "$PAPERBAG" export "$b" --fields uid
[ "$(sort "$work/out" | uniq -d | wc -l)" = 0 ] || fail "uid must be unique in a corpus"

# Page text: a single --title is also the page's metadata.
run "$PAPERBAG" export "$samples/riverton-courier-2024-03-18/page-01.txt" --title "The Riverton Courier" \
  --date 2024-03-18 --page A1 --fields title,uid
expect_rc 0
expect_out '{"title":"The Riverton Courier","uid":"'

run "$PAPERBAG" export "$samples/riverton-courier-2024-03-18/page-01.txt" --title A --title B \
  --date 2024-03-18 --page A1
expect_rc 2
expect_err "page text files take one --title, their publication title; 2 were given [PB-USAGE]"

# stats: the same filters.
run "$PAPERBAG" stats "$b" --json --title-contains courier
expect_rc 0
expect_out '"total":{"issues":1,"pages":2,"articles":6,"illustrations":2,'
run "$PAPERBAG" stats "$b" --json --type illustration --lang zh
expect_out '"total":{"issues":1,"pages":2,"articles":0,"illustrations":2,"characters":0,'
run "$PAPERBAG" stats "$b" --from 2025
expect_rc 0
expect_err "no records match the filters (--from 2025-01-01) in the 2 inputs read; nothing counted"
run "$PAPERBAG" stats "$b" --from 2024-03-19 --to 2024-03-18
expect_rc 2
expect_err "the date range is reversed"
finish
