# The doc test: every shell, Python and SQL example of README.md and docs/*.md runs as
# written (tests/support/doc_examples.py extracts and runs them), in a scratch folder that
# holds what the examples use: the samples, the bundles built from them, a corpus exported
# from those bundles (corpus.jsonl.gz, corpus.csv), an issue folder with a bad manifest
# (broken-issue/), ../shared beside it. Blocks marked <!-- doc-test: skip (reason) --> are
# counted and listed. pandas comes from Debian's python3-pandas, DuckDB from the npm registry
# (@duckdb/node-api); scripts/setup-deps installs both.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
command -v python3 >/dev/null || { echo "skipped: python3 is not installed"; exit 77; }
[ -d "$SHARED_DIR/schemas" ] && [ -d "$SHARED_DIR/seeds" ] ||
  { echo "skipped: ../shared is absent (README's examples use ../shared/schemas and seeds)"; exit 77; }

# DuckDB for the ```sql examples, installed by scripts/setup-deps.
npm_dir=${PAPERBAG_NPM_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/paperbag/npm}
duckdb_runner=""
if command -v node >/dev/null &&
   NODE_PATH="$npm_dir/node_modules" node -e "require('@duckdb/node-api')" 2>/dev/null; then
  duckdb_runner="$SOURCE_DIR/tests/support/duckdb_run.cjs"
  export NODE_PATH="$npm_dir/node_modules"
fi

# The scratch folder: the repository's samples and docs, ../shared beside it, paperbag on
# PATH, a HOME of its own (schemas install writes there), reproducible timestamps.
repo="$work/repo"
mkdir -p "$repo" "$work/bin" "$work/home"
cp -r "$SOURCE_DIR/samples" "$SOURCE_DIR/docs" "$SOURCE_DIR/xsd" "$SOURCE_DIR/contrib" "$repo/"
ln -s "$(cd "$SHARED_DIR" && pwd)" "$work/shared"
ln -s "$PAPERBAG" "$work/bin/paperbag"
export PATH="$work/bin:$PATH" HOME="$work/home" SOURCE_DATE_EPOCH=1710720000
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XML_CATALOG_FILES

cd "$repo"
run paperbag build samples/*/ -o bundles/ -j 2
expect_rc 0
run paperbag export bundles/ --format jsonl -o corpus.jsonl.gz
expect_rc 0
run paperbag export bundles/ --format csv -o corpus.csv
expect_rc 0
# An issue folder whose manifest has an impossible date on line 9 (README's bad-input example).
mkdir broken-issue
cp samples/riverton-courier-2024-03-18/page-0*.txt broken-issue/
sed -e '/type="lccn"/d' -e 's|<date>2024-03-18</date>|<date>2024-02-30</date>|' \
  samples/riverton-courier-2024-03-18/issue.xml >broken-issue/issue.xml
[ "$(sed -n 9p broken-issue/issue.xml)" = "  <date>2024-02-30</date>" ] || fail "broken-issue fixture"
[ "$failures" = 0 ] || finish

docs=("$SOURCE_DIR/README.md" "$SOURCE_DIR"/docs/*.md)
set +e
python3 "$SOURCE_DIR/tests/support/doc_examples.py" run --workdir "$repo" \
  --duckdb-runner "$duckdb_runner" "${docs[@]}" >"$work/report" 2>"$work/errors"
rc=$?
set -e
sed "s|$SOURCE_DIR/||" "$work/report"
[ "$rc" = 0 ] || fail "doc examples failed:
$(sed "s|$SOURCE_DIR/||" "$work/errors" | head -c 6000)"
grep -q '^doc examples: [1-9][0-9]* passed' "$work/report" || fail "no doc example ran"
[ -n "$duckdb_runner" ] || fail "DuckDB (@duckdb/node-api) is not installed in $npm_dir: run scripts/setup-deps"

# The extractor itself: a marker without a reason, an unknown marker, a failing example and an
# expected exit code are all noticed.
cat >"$work/t.md" <<'MD'
<!-- doc-test: skip (needs a server) -->
```sh
false
```

<!-- doc-test: exit 3 -->
```console
$ (exit 3)
some output
```

```sh
$ true
$ false
```

<!-- doc-test: skip -->
```sh
true
```
MD
set +e
python3 "$SOURCE_DIR/tests/support/doc_examples.py" run --workdir "$work" "$work/t.md" \
  >"$work/t.out" 2>"$work/t.err"
t_rc=$?
set -e
[ "$t_rc" = 1 ] || fail "extractor: a failing example must fail the run (exit $t_rc)"
grep -q '^doc examples: 1 passed, 2 failed, 1 skipped$' "$work/t.out" \
  || fail "extractor counts: $(cat "$work/t.out")"
grep -q 't.md:2 shell: needs a server' "$work/t.out" || fail "extractor: skip reason listed"
grep -q "doc-test: exit 1 (expected 0): false" "$work/t.err" || fail "extractor: $(cat "$work/t.err")"
grep -q "unknown doc-test marker 'skip'" "$work/t.err" || fail "extractor: skip without reason"
finish
