# paperbag build end to end on the sample issues: reproducible bytes, bundles that other
# tools accept (unzip -t, Python's zipfile, sha256sum -c), verify, incremental rebuilds,
# one bad issue among good ones, and failures that leave no bundle behind.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
export SOURCE_DATE_EPOCH=1710720000
samples=("$SOURCE_DIR"/samples/jianghe-daily-2024-03-18 "$SOURCE_DIR"/samples/riverton-courier-2024-03-18)
zh=jianghe-daily-2024-03-18.zip
en=riverton-courier-2024-03-18.zip

# Two builds, in parallel and one at a time, give the same bytes.
run "$PAPERBAG" build "${samples[@]}" -o "$work/a" -j 2
expect_rc 0
expect_out "built      $work/a/$zh (2 pages, "
expect_out "summary: 2 built, 0 unchanged, 0 failed"
run "$PAPERBAG" build "${samples[@]}" -o "$work/b" -j 1
expect_rc 0
cmp "$work/a/$zh" "$work/b/$zh" || fail "two builds of $zh differ"
cmp "$work/a/$en" "$work/b/$en" || fail "two builds of $en differ"
[ -z "$(find "$work/a" -name '.*')" ] || fail "hidden staging files left behind: $(ls -a "$work/a")"

# Other tools accept the bundles, and the manifests check out.
unzip -tq "$work/a/$zh" >/dev/null || fail "unzip -t rejects $zh"
python3 - "$work/a/$zh" <<'PY' || fail "Python's zipfile rejects the bundle"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    names = z.namelist()
    top = {n.split("/")[0] for n in names}
    assert top == {"jianghe-daily-2024-03-18"}, top
    for want in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt",
                 "data/mets.xml", "data/alto/0001.xml", "data/newsml/package.xml",
                 "data/text/page-01.txt"):
        assert "jianghe-daily-2024-03-18/" + want in names, want
    info = z.read("jianghe-daily-2024-03-18/bag-info.txt").decode()
    assert "Paperbag-Input-Digest: sha256:" in info and "Bagging-Date: 2024-03-18" in info, info
PY
mkdir -p "$work/x"
(cd "$work/x" && unzip -q "$work/a/$zh")
(cd "$work/x/jianghe-daily-2024-03-18" && sha256sum --quiet -c manifest-sha256.txt && sha256sum --quiet -c tagmanifest-sha256.txt) \
  || fail "sha256sum -c rejects the manifests"
cmp "$work/x/jianghe-daily-2024-03-18/data/text/page-01.txt" "${samples[0]}/page-01.txt" \
  || fail "the original page text is not kept byte for byte"

# verify accepts them; with the official schemas (when ../shared is here) too.
run "$PAPERBAG" verify "$work/a/$zh" "$work/a/$en"
expect_rc 0
if [ -f "$SHARED_DIR/schemas/catalog.xml" ]; then
  run "$PAPERBAG" verify --catalog "$SHARED_DIR/schemas/catalog.xml" "$work/a/$zh" "$work/a/$en"
  expect_rc 0
  expect_out "summary: 28 files: 28 valid, 0 invalid, 0 not validated"
else
  echo "note: ../shared/schemas absent; official-schema verification skipped"
fi

# inspect shows the issue and its recorded validation state.
run "$PAPERBAG" inspect "$work/a/$zh"
expect_rc 0
expect_out "title:     江河日报"
expect_out "2024-03-18T00:00:00Z  validation: success"
expect_out "2024-03-18T00:00:00Z  packing: success"
run "$PAPERBAG" inspect --json "$work/a/$en"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [e["type"] for e in d["issue"]["events"]] == ["ingestion", "message digest calculation", "metadata extraction", "validation", "packing"], d["issue"]["events"]' "$work/out" \
  || fail "inspect --json lacks the recorded events"

# Incremental: unchanged inputs are skipped; a changed page rebuilds that issue only.
run "$PAPERBAG" build "${samples[@]}" -o "$work/a"
expect_rc 0
expect_out "summary: 0 built, 2 unchanged, 0 failed"
cp -r "${samples[0]}" "$work/zh"
run "$PAPERBAG" build "$work/zh" -o "$work/c"
expect_rc 0
before=$(sha256sum <"$work/c/$zh")
printf '\n' >>"$work/zh/page-02.txt"
run "$PAPERBAG" build "$work/zh" -o "$work/c"
expect_rc 0
expect_out "summary: 1 built, 0 unchanged, 0 failed"
[ "$before" != "$(sha256sum <"$work/c/$zh")" ] || fail "a changed page did not change the bundle"
run "$PAPERBAG" build "$work/zh" -o "$work/c" --force
expect_out "summary: 1 built, 0 unchanged, 0 failed"
run "$PAPERBAG" build "$work/zh" -o "$work/c" --algorithms sha256,sha512
expect_out "summary: 1 built, 0 unchanged, 0 failed"
unzip -l "$work/c/$zh" | grep -q "manifest-sha512.txt" || fail "--algorithms sha256,sha512 wrote no SHA-512 manifest"

# One bad issue among good ones: reported, the others still build, exit 1.
cp -r "${samples[1]}" "$work/bad"
sed -i 's|<date>2024-03-18</date>|<date>2024-02-30</date>|' "$work/bad/issue.xml"
run "$PAPERBAG" build "$work/bad" "$work/zh" -o "$work/d"
expect_rc 1
expect_err "bad/issue.xml:"
expect_out "FAILED     $work/bad"
expect_out "summary: 1 built, 0 unchanged, 1 failed"
[ -f "$work/d/$zh" ] || fail "the good issue was not built"

# A failure at the last step (the bundle's name is taken by a folder) leaves nothing behind.
mkdir -p "$work/e/$zh/occupied"
run "$PAPERBAG" build "$work/zh" -o "$work/e"
expect_rc 2
[ -d "$work/e/$zh/occupied" ] || fail "the folder in the way was touched"
[ -z "$(find "$work/e" -maxdepth 1 -name '.*' ! -name . )" ] || fail "staging files left after a failure"

# A build killed midway leaves no bundle under the final name; the next build cleans up.
cp -r "${samples[1]}" "$work/big"
truncate -s 1G "$work/big/scan.jpg"   # sparse: fast to read, slow enough to package
sed -i 's|<file role="text" href="page-01.txt"/>|<file role="text" href="page-01.txt"/><file role="image" href="scan.jpg"/>|' "$work/big/issue.xml"
"$PAPERBAG" build "$work/big" -o "$work/f" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 200); do
  [ -n "$(find "$work/f" -maxdepth 1 -name '.*.building*' 2>/dev/null)" ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
[ ! -e "$work/f/$en" ] || fail "a killed build left a bundle under the final name"
rm -f "$work/big/scan.jpg"
sed -i 's|<file role="image" href="scan.jpg"/>||' "$work/big/issue.xml"
run "$PAPERBAG" build "$work/big" -o "$work/f"
expect_rc 0
[ -z "$(find "$work/f" -maxdepth 1 -name '.*' ! -name .)" ] || fail "stale staging files not cleaned up"

# The quick form: page text files with their metadata, one bundle named by -o.
run "$PAPERBAG" build "${samples[1]}/page-01.txt" "${samples[1]}/page-02.txt" --title "The Riverton Courier" \
  --date 2024-03-18 --first-page 1 -o "$work/quick/courier.zip"
expect_rc 0
[ -f "$work/quick/courier.zip" ] || fail "the quick form wrote no bundle"
run "$PAPERBAG" verify "$work/quick/courier.zip"
expect_rc 0
run "$PAPERBAG" build "${samples[@]}" -o "$work/two.zip"
expect_rc 2
expect_err "a .zip output names one bundle"

finish
