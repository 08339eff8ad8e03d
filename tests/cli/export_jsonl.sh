# paperbag export --format jsonl: the seed page, exit codes, atomic -o, hostile input.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e

# Usage errors: exit 2.
printf 'x\n' >"$work/p.txt"
run "$PAPERBAG" export "$work/p.txt" --format jsonl --date 2024-01-01
expect_rc 2
expect_err "page text files need --title"
run "$PAPERBAG" export "$work/p.txt" --format nope --title T --date 2024-01-01
expect_rc 2
expect_err "paperbag: error: --format: 'nope' is not one of jsonl, csv, txt, xml [PB-USAGE]"

# Binary input: exit 1, nothing written to -o.
printf 'a\0b\0c' >"$work/bin.txt"
run "$PAPERBAG" export "$work/bin.txt" --title T --date 2024-01-01 -o "$work/out.jsonl"
expect_rc 1
expect_err "bin.txt: error: contains NUL bytes"
[ ! -e "$work/out.jsonl" ] || fail "a failed export must not leave an output file"

# Empty and invalid UTF-8 files: no crash; invalid bytes reported with their offset.
: >"$work/empty.txt"
run "$PAPERBAG" export "$work/empty.txt" --title T --date 2024-01-01
expect_rc 0
printf 'Hello \xff world, this is text.\n' >"$work/bad.txt"
run "$PAPERBAG" export "$work/bad.txt" --title T --date 2024-01-01 --lang en
expect_rc 0
expect_err "bad.txt (offset 6): warning: invalid byte sequence replaced by U+FFFD"

# -o writes the file atomically.
run "$PAPERBAG" export "$SOURCE_DIR/samples/riverton-courier-2024-03-18" -o "$work/r.jsonl"
expect_rc 0
grep -q '"headline":"Mountain nations agree to share glacier data"' "$work/r.jsonl" || fail "-o output"

# The seed page (skipped when ../shared is not there).
seed="$SHARED_DIR/seeds/000_5d98f6ef572bbe6c.txt"
if [ -f "$seed" ]; then
  run "$PAPERBAG" export "$seed" --title 吕梁日报 --date 2022-05-16 --page 1 --format jsonl
  expect_rc 0
  expect_out '"headline":"孝义“九大培育行动”筑牢强劲发展动能"'
  expect_out '"kicker":"《求是》杂志发表习近平总书记重要文章"'
  expect_out '"bylines":["记者 李雅萍","通讯员 武姝君"]'
  expect_out '"credit":"侯利军"'
  [ "$(grep -c '"type":"article"' "$work/out")" = 5 ] || fail "seed: expected 5 articles"
fi
finish
