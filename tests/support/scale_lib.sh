# Helpers for the scale-out tests (tests/cli/scale_*.sh): source after cli_lib.sh.

# make_issues DIR COUNT: COUNT issue folders made from the sample issues, each with its own
# date (and so its own key): riverton-courier-2024-01-01, jianghe-daily-2024-01-02, ...
make_issues() {
  local dir=$1 count=$2 i sample date key
  local samples=("$SOURCE_DIR/samples/riverton-courier-2024-03-18"
                 "$SOURCE_DIR/samples/jianghe-daily-2024-03-18")
  mkdir -p "$dir"
  for ((i = 0; i < count; i++)); do
    sample=${samples[$((i % 2))]}
    date=$(date -u -d "2024-01-01 + $i days" +%F)
    key=$(basename "$sample")
    key=${key%-2024-03-18}-$date
    mkdir -p "$dir/$key"
    cp "$sample"/page-*.txt "$dir/$key/"
    sed "s/2024-03-18/$date/g" "$sample/issue.xml" >"$dir/$key/issue.xml"
  done
}

# same_tree A B: every file of A is in B with the same bytes and B has no other file
# (hidden files included: a staging file left behind is a difference).
same_tree() {
  local a=$1 b=$2
  (cd "$a" && find . -type f | LC_ALL=C sort) >"$work/tree-a"
  (cd "$b" && find . -type f | LC_ALL=C sort) >"$work/tree-b"
  if ! cmp -s "$work/tree-a" "$work/tree-b"; then
    fail "$a and $b hold different files: $(diff "$work/tree-a" "$work/tree-b" | head -5)"
    return
  fi
  local f
  while read -r f; do
    cmp -s "$a/$f" "$b/$f" || fail "$f differs between $a and $b"
  done <"$work/tree-a"
}

# setup_scale_deps: installs the scale-out packages, or skips the test (exit 77) saying why.
setup_scale_deps() {
  if ! "$SOURCE_DIR/scripts/setup-scale-deps" >"$work/setup.log" 2>&1; then
    echo "SKIP: the scale-out packages cannot be installed (scripts/setup-scale-deps):" \
         "$(tail -3 "$work/setup.log")"
    exit 77
  fi
}

# summary_line REPORT_OUTPUT: the "summary: ..." line of `paperbag report`.
summary_line() { grep '^summary: ' "$1"; }
