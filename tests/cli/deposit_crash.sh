# Crash safety of the intake server (issue #15): the server is killed with SIGKILL in the
# middle of 20 concurrent uploads of 50 MiB bundles, as soon as the first deposit has been
# acknowledged. Nothing acknowledged is lost, nothing partial lies under a bundle's name, no
# ledger row lacks its file; the restarted server removes the leftovers (unfinished uploads,
# journalled moves) and serves again: depositing everything once more completes the store.
# DEPOSIT_LOAD_N and DEPOSIT_LOAD_MB change the load.
source "$(dirname "$0")/../support/cli_lib.sh"
source "$(dirname "$0")/../support/deposit_lib.sh"
set -e
command -v python3 >/dev/null || { echo "skipped: python3 is not installed"; exit 77; }
n=${DEPOSIT_LOAD_N:-20}
mb=${DEPOSIT_LOAD_MB:-50}

make_bundles "$work/bundles" "$n" "$mb"
store=$work/store
"$PAPERBAG" serve add-depositor crash --store "$store" >"$work/token"
start_server "$store" -j 8 --max-upload 1G

# The clients do not retry: a retry would meet the restarted server on another port.
deposit_all "$work/bundles" "$work/token" 0 &
clients=$!
for _ in $(seq 1 3000); do
  compgen -G "$work/bundles/*.receipt.xml" >/dev/null && break
  sleep 0.05
done
kill -KILL "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=
wait "$clients" || true
acknowledged=$(receipt_ids "$work/bundles")
count=$(printf '%s' "$acknowledged" | grep -c . || true)
echo "acknowledged before the kill: $count of $n"
[ "$count" -ge 1 ] || fail "no deposit was acknowledged before the kill"
[ "$count" -lt "$n" ] || fail "every upload had finished before the kill: nothing was interrupted"
leftovers=$(find "$store/.incoming" "$store/.journal" -mindepth 1 -maxdepth 1 | wc -l)
echo "left by the killed server in .incoming and .journal: $leftovers"

# Restart: leftovers removed, every acknowledged deposit held, the store consistent.
start_server "$store" -j 8 --max-upload 1G
held=$(check_store "$store") || fail "after the restart, store and ledger disagree"
for id in $acknowledged; do
  ledger_has "$store" "$id" || fail "acknowledged deposit $id was lost"
done
[ "$held" -ge "$count" ] || fail "$count acknowledged, $held held"

# The restarted server serves again: everything deposited once more is held once.
deposit_all "$work/bundles" "$work/token"
for b in "$work"/bundles/*.zip; do
  [ "$(cat "${b%.zip}.rc")" = 0 ] || fail "$(basename "$b") refused after the restart: $(head -c 300 "${b%.zip}.out")"
done
stop_server
held=$(check_store "$store") || fail "store and ledger disagree after depositing again"
[ "$held" = "$n" ] || fail "$n bundles must be held, found $held"
finish
