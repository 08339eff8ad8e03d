# The man page and the shell completions, both generated from the command definitions:
# docs/paperbag.1 is what `paperbag help --man` prints and renders without warnings; the
# bash completion, sourced in a real bash, completes commands, options and choices; zsh and
# fish load theirs (when installed).
source "$(dirname "$0")/../support/cli_lib.sh"
set -e

run "$PAPERBAG" help --man
expect_rc 0
cmp -s "$work/out" "$SOURCE_DIR/docs/paperbag.1" \
  || fail "docs/paperbag.1 is out of date: regenerate it with 'paperbag help --man > docs/paperbag.1'"
if command -v groff >/dev/null; then
  groff -man -Tutf8 -ww -z "$SOURCE_DIR/docs/paperbag.1" 2>"$work/groff" || fail "groff failed"
  [ ! -s "$work/groff" ] || fail "groff warns: $(head -c 600 "$work/groff")"
  groff -man -Tutf8 "$SOURCE_DIR/docs/paperbag.1" 2>/dev/null | col -b >"$work/man.txt" 2>/dev/null \
    || groff -man -Tascii -P-cbou "$SOURCE_DIR/docs/paperbag.1" >"$work/man.txt"
  for want in "paperbag build" "--dry-run" "paperbag ledger gaps" "EXIT STATUS" "NO_COLOR" \
              "none|mets|paperbag"; do
    grep -qF -- "$want" "$work/man.txt" || fail "the man page lacks '$want'"
  done
else
  echo "note: groff absent; man page rendering not checked"
fi

# bash: complete commands, subcommands, options and the values of a choice.
"$PAPERBAG" completion bash >"$work/paperbag.bash"
complete_words() {  # WORDS...: what bash completes for the last word
  bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _paperbag
    printf "%s\n" "${COMPREPLY[@]}"' _ "$work/paperbag.bash" "$@"
}
[ "$(complete_words paperbag bu)" = build ] || fail "bash: 'paperbag bu' -> $(complete_words paperbag bu)"
complete_words paperbag "" | grep -qx completion || fail "bash: commands lack completion"
[ "$(complete_words paperbag build --dry)" = --dry-run ] || fail "bash: build --dry"
[ "$(complete_words paperbag ledger ga)" = gaps ] || fail "bash: ledger ga"
[ "$(complete_words paperbag validate --profile "")" = "$(printf 'none\nmets\npaperbag')" ] \
  || fail "bash: --profile values: $(complete_words paperbag validate --profile "")"
[ "$(complete_words paperbag verify --format=j)" = "--format=json
--format=junit" ] || fail "bash: --format=j: $(complete_words paperbag verify --format=j)"
[ "$(complete_words paperbag help ver)" = "$(printf 'verify\nversion')" ] || fail "bash: help ver"
complete_words paperbag ledger gaps --s | grep -qx -- --store || fail "bash: ledger gaps --s"
mkdir -p "$work/files" && touch "$work/files/issue-one.xml"
[ "$(complete_words paperbag validate "$work/files/iss")" = "$work/files/issue-one.xml" ] \
  || fail "bash: file names"
# The completion script is what bash-completion would load, and loads without errors.
bash --norc --noprofile -c 'source "$1" && complete -p paperbag' _ "$work/paperbag.bash" \
  | grep -q "_paperbag paperbag" || fail "bash: 'complete -p paperbag'"

if command -v zsh >/dev/null; then
  "$PAPERBAG" completion zsh >"$work/_paperbag"
  zsh -f -c 'source "$1" && (( $+functions[_paperbag] ))' _ "$work/_paperbag" 2>"$work/zsh.err" \
    || fail "zsh: the completion does not load: $(cat "$work/zsh.err")"
else
  echo "note: zsh absent; zsh completion not loaded"
fi
if command -v fish >/dev/null; then
  "$PAPERBAG" completion fish >"$work/paperbag.fish"
  HOME="$work" fish --no-config -c "source $work/paperbag.fish; complete -C 'paperbag bu'" >"$work/fish.out" 2>&1 \
    || fail "fish: $(cat "$work/fish.out")"
  grep -q "^build" "$work/fish.out" || fail "fish: 'paperbag bu' -> $(cat "$work/fish.out")"
  HOME="$work" fish --no-config -c "source $work/paperbag.fish; complete -C 'paperbag validate --profile '" >"$work/fish.out" 2>&1
  grep -q "^mets" "$work/fish.out" || fail "fish: --profile values -> $(cat "$work/fish.out")"
else
  echo "note: fish absent; fish completion not checked"
fi

run "$PAPERBAG" completion tcsh
expect_rc 2
expect_err "SHELL: 'tcsh' is not one of bash, zsh, fish"

finish
