# paperbag schemas list|install|status: install from a folder and over HTTP from a loopback
# server (with a redirect), pinned SHA-256 checked, generated catalog used by validate.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
official=$SHARED_DIR/schemas
[ -f "$official/catalog.xml" ] || { echo "SKIP: $official not found"; exit 77; }
export HOME=$work/home XDG_DATA_HOME=$work/data
unset XML_CATALOG_FILES PAPERBAG_SCHEMA_DIR
alto=$SOURCE_DIR/tests/data/validate/valid/alto4.xml
mets=$SOURCE_DIR/tests/data/validate/valid/mets.xml

run "$PAPERBAG" schemas list
expect_rc 0
expect_out "alto/alto-4-4.xsd  ALTO 4.4"
expect_out "http://www.loc.gov/standards/alto/v4/alto-4-4.xsd"

run "$PAPERBAG" schemas status
expect_rc 1
expect_out "schema directory: $work/data/paperbag/schemas"
expect_out "missing   mets/mets.xsd"

# Before installing: not validated (exit 2).
run "$PAPERBAG" validate "$alto"
expect_rc 2

run "$PAPERBAG" schemas install --from "$official"
expect_rc 0
expect_out "installed the official schemas in $work/data/paperbag/schemas"
run "$PAPERBAG" schemas status
expect_rc 0
expect_out "27 of 27 official schemas installed and matching"
xmllint --noout "$work/data/paperbag/schemas/catalog.xml" || fail "generated catalog is not well-formed"

# validate finds the installed schemas by itself, METS with everything embedded included.
run "$PAPERBAG" validate "$alto" "$mets"
expect_rc 0
expect_out "2 files: 2 valid"

# A modified file is reported by status and repaired by install.
echo "<!-- changed -->" >>"$work/data/paperbag/schemas/alto/alto-4-4.xsd"
run "$PAPERBAG" schemas status
expect_rc 1
expect_out "MODIFIED  alto/alto-4-4.xsd"
run "$PAPERBAG" schemas install --from "$official"
expect_rc 0
run "$PAPERBAG" schemas status
expect_rc 0

# A source whose file does not match the pinned digest: refused, exit 2.
cp -r "$official" "$work/tampered"
echo "<!-- evil -->" >>"$work/tampered/premis/premis-v3-0.xsd"
run "$PAPERBAG" schemas install --from "$work/tampered" --dir "$work/other"
expect_rc 2
expect_err "premis/premis-v3-0.xsd: error: SHA-256"
expect_err "does not match the pinned 03b8a77a20b32b882ad799e12262671d07ad18210c60233f4e613a1289491cba; not installed [PB-SCHEMA-DIGEST]"
[ -f "$work/other/premis/premis-v3-0.xsd" ] && fail "a file with the wrong digest was installed"

# Over HTTP from a loopback server serving the schema folder; /r/... redirects to /...
cat >"$work/server.py" <<'PY'
import functools, http.server, sys
class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/r/"):
            self.send_response(302)
            self.send_header("Location", self.path[2:])
            self.end_headers()
            return
        super().do_GET()
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=sys.argv[1]))
print(server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$work/server.py" "$official" >"$work/port" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
run "$PAPERBAG" schemas install --mirror "http://127.0.0.1:$port/r/" --dir "$work/http"
expect_rc 0
run "$PAPERBAG" schemas status --dir "$work/http"
expect_rc 0
expect_out "27 of 27 official schemas installed and matching"
# A mirror that does not have the files: an error naming the URL, exit 2.
run "$PAPERBAG" schemas install --mirror "http://127.0.0.1:$port/nowhere/" --dir "$work/http2" --timeout 5
expect_rc 2
expect_err "HTTP 404"

finish
