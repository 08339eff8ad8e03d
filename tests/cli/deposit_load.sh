# Load on the intake server (issue #15): 20 concurrent `paperbag deposit` clients of 50 MiB
# bundles on loopback. Every bundle is accepted and stored once, the ledger agrees with the
# store, and the server's peak memory (VmHWM) stays under 200 MB: uploads are streamed to
# disk, never held in memory. DEPOSIT_LOAD_N and DEPOSIT_LOAD_MB change the load.
source "$(dirname "$0")/../support/cli_lib.sh"
source "$(dirname "$0")/../support/deposit_lib.sh"
set -e
command -v python3 >/dev/null || { echo "skipped: python3 is not installed"; exit 77; }
n=${DEPOSIT_LOAD_N:-20}
mb=${DEPOSIT_LOAD_MB:-50}

make_bundles "$work/bundles" "$n" "$mb"
[ "$(ls "$work"/bundles/*.zip | wc -l)" = "$n" ] || fail "$n bundles expected"
store=$work/store
"$PAPERBAG" serve add-depositor load --store "$store" >"$work/token"
start_server "$store" -j 8 --max-upload 1G

start=$(date +%s)
deposit_all "$work/bundles" "$work/token"
echo "deposited $n x $mb MiB in $(($(date +%s) - start)) s"
for b in "$work"/bundles/*.zip; do
  [ "$(cat "${b%.zip}.rc")" = 0 ] || fail "$(basename "$b") not accepted: $(head -c 300 "${b%.zip}.out")"
  grep -q ": accepted, receipt" "${b%.zip}.out" || fail "$(basename "$b") was not stored as new"
done
peak=$(peak_mib)
echo "server peak memory (VmHWM): $peak MiB"
[ "$peak" -lt 200 ] || fail "server peak memory $peak MiB (must stay under 200 MB)"

# Again, all at once: the same bytes are held already, so every client gets its first
# receipt back and nothing is stored twice.
deposit_all "$work/bundles" "$work/token"
for b in "$work"/bundles/*.zip; do
  grep -q "already held (first receipt)" "${b%.zip}.out" || fail "$(basename "$b") stored twice?"
done
stop_server
held=$(check_store "$store") || fail "store and ledger disagree"
[ "$held" = "$n" ] || fail "$n bundles must be held, found $held"
for id in $(receipt_ids "$work/bundles"); do
  ledger_has "$store" "$id" || fail "receipt $id is not in the ledger"
done
finish
