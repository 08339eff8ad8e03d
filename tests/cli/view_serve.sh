# paperbag serve shows the review of a stored bundle at /view/<bundle>/ and
# /view/<deposit-id>/ (docs/review.md):
# read-only for the depositor who sent it, with the correction tools for --staff depositors,
# not at all for other depositors (404) or without credentials (401).
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
for tool in curl python3 sha256sum; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
source "$(dirname "$0")/../support/deposit_lib.sh"

export SOURCE_DATE_EPOCH=1710720000
store=$work/store
run "$PAPERBAG" build "$SOURCE_DIR/samples/riverton-courier-2024-03-18" -o "$work/bundles"
expect_rc 0
bundle=$work/bundles/riverton-courier-2024-03-18.zip
for who in courier gazette librarian; do
  "$PAPERBAG" serve add-depositor "$who" --store "$store" >"$work/$who.token"
done
start_server "$store" --staff librarian

run "$PAPERBAG" deposit "$bundle" --to "$base/sword/servicedocument" \
  --token-file "$work/courier.token"
expect_rc 0
id=$(sha256sum "$bundle" | cut -c1-32)

get() {  # get TOKEN_NAME PATH -> status in $work/status, body in $work/body
  local auth=()
  [ -n "$1" ] && auth=(-H "Authorization: Bearer $(cat "$work/$1.token")")
  curl -sS -o "$work/body" -D "$work/headers" -w '%{http_code}' "${auth[@]}" "$base$2" >"$work/status"
}
get courier "/view/$id/"
[ "$(cat "$work/status")" = 200 ] || fail "the depositor's review: $(cat "$work/status")"
grep -qi '^content-type: text/html; charset=utf-8' "$work/headers" || fail "not served as HTML"
grep -qi '^content-security-policy: default-src .none.' "$work/headers" || fail "no CSP"
grep -q 'data-article="LOG_art-001"' "$work/body" || fail "the review has no articles"
grep -q 'id="tools"' "$work/body" && fail "a depositor got the correction tools"
get librarian "/view/$id/"
[ "$(cat "$work/status")" = 200 ] || fail "staff review: $(cat "$work/status")"
grep -q 'id="tools"' "$work/body" || fail "staff did not get the correction tools"
get gazette "/view/$id/"
[ "$(cat "$work/status")" = 404 ] || fail "another depositor saw the review: $(cat "$work/status")"
get "" "/view/$id/"
[ "$(cat "$work/status")" = 401 ] || fail "a review without credentials: $(cat "$work/status")"
get courier "/view/$id"
[ "$(cat "$work/status")" = 301 ] || fail "no redirect to the folder form: $(cat "$work/status")"
get courier "/view/$id/missing.png"
[ "$(cat "$work/status")" = 404 ] || fail "a missing review file: $(cat "$work/status")"
# The same review by the bundle's name, with or without .zip.
for name in riverton-courier-2024-03-18 riverton-courier-2024-03-18.zip; do
  get courier "/view/$name/"
  [ "$(cat "$work/status")" = 200 ] || fail "the review by bundle name $name: $(cat "$work/status")"
  grep -q 'data-article="LOG_art-001"' "$work/body" || fail "the review by name has no articles"
done
get gazette "/view/riverton-courier-2024-03-18/"
[ "$(cat "$work/status")" = 404 ] || fail "another depositor saw the review by name: $(cat "$work/status")"
get courier "/view/0123456789abcdef0123456789abcdef/"
[ "$(cat "$work/status")" = 404 ] || fail "an unknown deposit: $(cat "$work/status")"
stop_server
finish
