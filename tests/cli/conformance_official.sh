# Everything paperbag writes for real input -- both sample issues and the real seed page
# (segmented by the importer, not hand-made) -- passes ../shared/tools/check-conformance:
# the official schemas, with xmllint and the JDK's validator (which also checks IDREFs).
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
check=$SHARED_DIR/tools/check-conformance
seed=$SHARED_DIR/seeds/000_5d98f6ef572bbe6c.txt
if [ ! -x "$check" ] || [ ! -f "$seed" ]; then
  echo "skipped: ../shared (check-conformance, seed) is not beside the repository"; exit 77
fi
command -v xmllint >/dev/null && command -v java >/dev/null \
  || { echo "skipped: xmllint or java is not installed"; exit 77; }
export SOURCE_DATE_EPOCH=1710720000

run "$PAPERBAG" build "$SOURCE_DIR"/samples/*/ -o "$work/bundles" --catalog "$SHARED_DIR/schemas/catalog.xml"
expect_rc 0
run "$PAPERBAG" build "$seed" --title 吕梁日报 --date 2022-05-16 --page 1 -o "$work/bundles/seed.zip" \
  --catalog "$SHARED_DIR/schemas/catalog.xml"
expect_rc 0
run "$check" "$work"/bundles/*.zip
expect_rc 0
tail -n 1 "$work/out"
grep -q "failed (xmllint 0, jdk 0, no schema 0)" "$work/out" || fail "check-conformance: $(tail -n 3 "$work/out")"
# Every kind of file was checked: METS, ALTO, NewsML-G2 items and packages of three issues.
n=$(grep -oE '[0-9]+ files' "$work/out" | grep -oE '[0-9]+')
[ "$n" -ge 30 ] || fail "only $n files were checked"
finish
