# Helpers for the tests that start paperbag serve (deposit_load, deposit_crash, view_serve):
# source after cli_lib.sh. Bundles are made on the fly (never stored in the repository).

server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=
}
trap 'stop_server; rm -rf "$work"' EXIT

# start_server STORE [OPTIONS...]: paperbag serve on a free loopback port with OPTIONS
# (limits, TLS, staff); sets $base.
start_server() {
  local store=$1
  shift
  # Not the previous server's announcement: the new one truncates the file only once started.
  rm -f "$work/serve.out"
  "$PAPERBAG" serve --store "$store" --listen 127.0.0.1:0 "$@" \
    >"$work/serve.out" 2>"$work/serve.err" &
  server_pid=$!
  for _ in $(seq 1 600); do
    grep -q "listening on" "$work/serve.out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; fail "server died"; exit 1; }
    sleep 0.1
  done
  base=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/serve.out")
  [ -n "$base" ] || { fail "server did not announce its address"; exit 1; }
}

# peak_mib: the server's peak resident memory so far (VmHWM), in MiB.
peak_mib() { awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$server_pid/status"; }

# make_bundles DIR COUNT MB: COUNT bundles of riverton issues (2024-04-01, ...), each with a
# page scan of MB MiB of random bytes (incompressible, so the bundle is about MB MiB).
make_bundles() {
  local dir=$1 count=$2 mb=$3 i date folder
  local sample=$SOURCE_DIR/samples/riverton-courier-2024-03-18
  mkdir -p "$work/issues"
  for ((i = 1; i <= count; i++)); do
    date=$(date -u -d "2024-04-01 + $((i - 1)) days" +%F)
    folder=$work/issues/riverton-courier-$date
    mkdir -p "$folder"
    cp "$sample"/page-*.txt "$folder/"
    sed -e "s/2024-03-18/$date/g" \
        -e 's|<file role="text" href="page-01.txt"/>|<file role="text" href="page-01.txt"/><file role="image" href="scan.jpg"/>|' \
        "$sample/issue.xml" >"$folder/issue.xml"
    head -c "$((mb << 20))" /dev/urandom >"$folder/scan.jpg"
  done
  SOURCE_DATE_EPOCH=1710720000 "$PAPERBAG" build "$work"/issues/*/ -o "$dir" -j 2 >"$work/build.out" 2>&1 ||
    { cat "$work/build.out" >&2; fail "cannot build the test bundles"; exit 1; }
  rm -rf "$work/issues"
}

# deposit_all DIR TOKEN [RETRIES]: one `paperbag deposit` per bundle of DIR, all at once;
# waits for every client. Each client's exit code goes to BUNDLE.rc.
deposit_all() {
  local dir=$1 token=$2 retries=${3:-4} b pids=()
  for b in "$dir"/*.zip; do
    ( set +e
      "$PAPERBAG" deposit "$b" --to "$base/sword/servicedocument" --token-file "$token" \
        --retries "$retries" >"${b%.zip}.out" 2>&1
      echo $? >"${b%.zip}.rc" ) &
    pids+=($!)
  done
  for b in "${pids[@]}"; do wait "$b" || true; done
}

# check_store STORE: the store and its ledger agree. Every bundle file under a title folder
# has exactly one ledger row naming it with the file's SHA-256 and size (so nothing partial
# lies under a bundle's name), every row has its file, every digest is held once, and no
# upload or journalled move is left over. Prints the number of bundles held.
check_store() {
  python3 - "$1" <<'PY'
import hashlib, os, sqlite3, sys
store = sys.argv[1]
files = {}
for root, dirs, names in os.walk(store):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    for n in names:
        if n.endswith(".zip"):
            p = os.path.join(root, n)
            h = hashlib.sha256()
            with open(p, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
            files[os.path.relpath(p, store)] = (h.hexdigest(), os.path.getsize(p))
rows = sqlite3.connect(os.path.join(store, "ledger.sqlite")).execute(
    "SELECT path, sha256, size FROM issues").fetchall()
problems = []
held = {path: (sha, size) for path, sha, size in rows}
if len(held) != len(rows):
    problems.append("a path has two ledger rows")
if len({sha for _, sha, _ in rows}) != len(rows):
    problems.append("the same bytes are held twice")
for path, (sha, size) in files.items():
    if path not in held:
        problems.append(f"{path}: a file under a bundle's name without its ledger row")
    elif held[path] != (sha, size):
        problems.append(f"{path}: the file is not the bytes its ledger row records (partial?)")
for path in held:
    if path not in files:
        problems.append(f"{path}: a ledger row without its file")
for folder in (".incoming", ".journal"):
    left = os.listdir(os.path.join(store, folder)) if os.path.isdir(os.path.join(store, folder)) else []
    if left:
        problems.append(f"{folder} still holds {left[:3]}")
for p in problems:
    print("INCONSISTENT:", p, file=sys.stderr)
print(len(files))
sys.exit(1 if problems else 0)
PY
}

# receipt_ids DIR: the deposit id of every receipt saved in DIR, one a line.
receipt_ids() {
  python3 - "$1" <<'PY'
import glob, os, sys, xml.etree.ElementTree as ET
for r in sorted(glob.glob(os.path.join(sys.argv[1], "*.receipt.xml"))):
    print(ET.parse(r).getroot().find("{http://www.w3.org/2005/Atom}id").text.rsplit(":", 1)[1])
PY
}

# ledger_has STORE ID: true when the ledger of STORE holds deposit ID.
ledger_has() {
  python3 -c 'import sqlite3,sys; sys.exit(0 if sqlite3.connect(sys.argv[1]).execute("select 1 from issues where id=?", (sys.argv[2],)).fetchone() else 1)' \
    "$1/ledger.sqlite" "$2"
}
