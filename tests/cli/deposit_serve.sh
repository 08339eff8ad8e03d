# paperbag serve + paperbag deposit + paperbag ledger end to end on loopback: receipts,
# idempotent re-deposit, new versions, refusals with their SWORD status (wrong token, another
# depositor's collection, oversized, wrong Content-MD5, not a ZIP, path tricks, a slow
# client), an independent client (curl), gaps, crash recovery, the access log.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done

source "$(dirname "$0")/../support/deposit_lib.sh"
# serve's limits for these tests: small uploads, a short timeout for the slow client.
serve_here() { start_server "$store" --max-upload 2M --timeout 2 -j 4 "$@"; }

store="$work/store"
mkdir -p "$work/in" "$work/bundles" "$work/later"
cp -r "$SOURCE_DIR"/samples/*/ "$work/in/"
export SOURCE_DATE_EPOCH=1710720000
run "$PAPERBAG" build "$work/in/"*/ -o "$work/bundles"
expect_rc 0

run "$PAPERBAG" serve add-depositor courier --store "$store"
expect_rc 0
token=$(cat "$work/out")
[[ "$token" =~ ^courier\.[0-9a-f]{64}$ ]] || fail "token has an unexpected form: $token"
printf '%s\n' "$token" >"$work/courier.token"
"$PAPERBAG" serve add-depositor gazette --store "$store" >"$work/gazette.token"
grep -q "${token#courier.}" "$store/depositors" && fail "the store keeps the token itself"
[ "$(stat -c %a "$store/depositors")" = 600 ] || fail "depositors file is not 0600"

run "$PAPERBAG" ledger add-title riverton-courier --title "The Riverton Courier" --issn 2998-1034 \
  --calendar daily-except-sunday --skip 2024-03-29 --store "$store"
expect_rc 0
expect_out "daily-except-sunday, 1 non-publication date,"

serve_here
run curl -sS "$base/health"
expect_out '"status":"ok"'

# --- paperbag deposit: every sample accepted with a receipt ---------------------------------
run "$PAPERBAG" deposit "$work/bundles/"*.zip --to "$base/sword/servicedocument" \
  --token-file "$work/courier.token"
expect_rc 0
expect_out "riverton-courier-2024-03-18.zip: accepted"
expect_out "jianghe-daily-2024-03-18.zip: accepted"
receipt="$work/bundles/riverton-courier-2024-03-18.receipt.xml"
[ -f "$receipt" ] || fail "no receipt beside the bundle"
python3 - "$receipt" <<'PY' || fail "the receipt is not an Atom entry with edit and statement links"
import sys, xml.etree.ElementTree as ET
A = "{http://www.w3.org/2005/Atom}"
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == A + "entry", root.tag
rels = {l.get("rel") for l in root.findall(A + "link")}
assert "edit" in rels and "http://purl.org/net/sword/terms/statement" in rels, rels
assert root.find("{http://purl.org/net/sword/terms/}packaging").text == "http://purl.org/net/sword/package/BagIt"
PY
[ -f "$store/riverton-courier/2024/riverton-courier-2024-03-18.zip" ] || fail "bundle not stored under title/year"
cmp -s "$store/riverton-courier/2024/riverton-courier-2024-03-18.zip" "$work/bundles/riverton-courier-2024-03-18.zip" \
  || fail "stored bundle differs from the deposited one"

# The same bytes again: the first receipt.
cp "$receipt" "$work/first-receipt.xml"
run "$PAPERBAG" deposit "$work/bundles/riverton-courier-2024-03-18.zip" --to "$base/sword/servicedocument" \
  --token-file "$work/courier.token"
expect_rc 0
expect_out "already held (first receipt)"
cmp -s "$receipt" "$work/first-receipt.xml" || fail "a repeated deposit gave another receipt"

# Different bytes for an issue already held: a new version beside the old one.
SOURCE_DATE_EPOCH=1710806400 "$PAPERBAG" build "$work/in/riverton-courier-2024-03-18/" -o "$work/later" >/dev/null 2>&1
run "$PAPERBAG" deposit "$work/later/riverton-courier-2024-03-18.zip" --to "$base/sword/collection/courier" \
  --token-file "$work/courier.token"
expect_rc 0
expect_out "accepted"
[ -f "$store/riverton-courier/2024/riverton-courier-2024-03-18.v2.zip" ] || fail "no second version stored"
cmp -s "$store/riverton-courier/2024/riverton-courier-2024-03-18.zip" "$work/bundles/riverton-courier-2024-03-18.zip" \
  || fail "the first version was overwritten"
run "$PAPERBAG" ledger duplicates --store "$store"
expect_rc 0
expect_out "riverton-courier 2024-03-18 (Final): 2 versions"

# --- a tampered bundle: 400 with the verifier's reasons, quarantined, nothing stored ---------
python3 - "$work/bundles/riverton-courier-2024-03-18.zip" "$work/tampered.zip" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info)
        if info.filename.endswith("data/text/page-01.txt"):
            data = data.replace(b"e", b"a", 1)
        zout.writestr(info, data)
PY
run "$PAPERBAG" deposit "$work/tampered.zip" --to "$base/sword/servicedocument" --token-file "$work/courier.token"
expect_rc 1
expect_err "refused (HTTP 400)"
expect_err "PB-BAG-CHECKSUM"
[ -f "$work/tampered.receipt.xml" ] && fail "a refused deposit got a receipt"
ls "$store/.quarantine/" | grep -q "tampered.zip$" || fail "the refused upload was not quarantined"

# --- curl, an independent client ----------------------------------------------------------
run curl -sS -u "courier:$token" "$base/sword/servicedocument"
python3 - "$work/out" "$base" <<'PY' || fail "the service document is not the expected AtomPub service"
import sys, xml.etree.ElementTree as ET
APP = "{http://www.w3.org/2007/app}"
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == APP + "service", root.tag
cols = root.findall(f"{APP}workspace/{APP}collection")
assert [c.get("href") for c in cols] == [sys.argv[2] + "/sword/collection/courier"], cols
PY
sed -e 's/2024-03-18/2024-03-19/g' -e 's/<number>78</<number>79</' \
  "$work/in/riverton-courier-2024-03-18/issue.xml" >"$work/issue19.xml"
mkdir -p "$work/in19/riverton-courier-2024-03-19"
cp "$work/in/riverton-courier-2024-03-18/"page-*.txt "$work/in19/riverton-courier-2024-03-19/"
mv "$work/issue19.xml" "$work/in19/riverton-courier-2024-03-19/issue.xml"
"$PAPERBAG" build "$work/in19/riverton-courier-2024-03-19/" -o "$work/b19" >/dev/null 2>&1
b19="$work/b19/riverton-courier-2024-03-19.zip"
md5=$(md5sum "$b19" | cut -d' ' -f1)
post() {  # post FILE MD5 FILENAME AUTH COLLECTION [curl options]: status in $work/status
  local file=$1 sum=$2 name=$3 auth=$4 col=$5
  shift 5
  curl -sS -o "$work/body" -w '%{http_code}' -H "Authorization: $auth" \
    -H "Content-Type: application/zip" -H "Packaging: http://purl.org/net/sword/package/BagIt" \
    -H "Content-MD5: $sum" -H "Content-Disposition: attachment; filename=$name" \
    --data-binary "@$file" "$@" "$base/sword/collection/$col" >"$work/status" || true
}
post "$b19" "$md5" riverton-courier-2024-03-19.zip "Bearer $token" courier
[ "$(cat "$work/status")" = 201 ] || fail "curl deposit: expected 201, got $(cat "$work/status"): $(head -c 300 "$work/body")"
python3 - "$work/body" <<'PY' || fail "curl's response is not an Atom entry"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "{http://www.w3.org/2005/Atom}entry", root.tag
stmt = [l.get("href") for l in root.findall("{http://www.w3.org/2005/Atom}link") if l.get("rel").endswith("/statement")]
open(sys.argv[1] + ".statement", "w").write(stmt[0])
PY
run curl -sS -H "Authorization: Bearer $token" "$(cat "$work/body.statement")"
python3 - "$work/out" <<'PY' || fail "the statement is not an Atom feed with the report"
import sys, json, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "{http://www.w3.org/2005/Atom}feed", root.tag
report = root.find(".//{http://purl.org/net/sword/terms/}verboseDescription").text
assert json.loads(report)["files"][0]["verdict"] == "valid"
PY

# --- refusals, each with its status and a SWORD error document ------------------------------
expect_status() {  # expect_status CODE WHAT
  [ "$(cat "$work/status")" = "$1" ] || fail "$2: expected $1, got $(cat "$work/status"): $(head -c 300 "$work/body")"
  python3 -c 'import sys, xml.etree.ElementTree as ET; r = ET.parse(sys.argv[1]).getroot(); assert r.tag == "{http://purl.org/net/sword/}error", r.tag' \
    "$work/body" || fail "$2: the body is not a SWORD error document"
}
post "$b19" "$md5" x.zip "Bearer courier.0000000000000000000000000000000000000000000000000000000000000000" courier
expect_status 401 "wrong token"
post "$b19" "$md5" x.zip "Bearer $(cat "$work/gazette.token")" courier
expect_status 403 "another depositor's collection"
head -c 3000000 /dev/urandom >"$work/big.zip"
post "$work/big.zip" "$(md5sum "$work/big.zip" | cut -d' ' -f1)" big.zip "Bearer $token" courier
expect_status 413 "oversized upload"
# Without a Content-Length (chunked), the limit holds while streaming.
post "$work/big.zip" "$(md5sum "$work/big.zip" | cut -d' ' -f1)" big.zip "Bearer $token" courier -H "Transfer-Encoding: chunked"
expect_status 413 "oversized chunked upload"
[ -z "$(ls -A "$store/.incoming")" ] || fail "a refused upload left its bytes in .incoming"
post "$b19" 00000000000000000000000000000000 x.zip "Bearer $token" courier
expect_status 412 "wrong Content-MD5"
echo "not a zip" >"$work/text.zip"
post "$work/text.zip" "$(md5sum "$work/text.zip" | cut -d' ' -f1)" text.zip "Bearer $token" courier
expect_status 415 "not a ZIP"
for name in ../../evil.zip /etc/evil.zip 'a/b.zip' '..%2Fevil.zip' '.hidden.zip' 'evil.exe'; do
  post "$b19" "$md5" "$name" "Bearer $token" courier
  expect_status 400 "filename '$name'"
done
find "$work" -name 'evil*' | grep -q . && fail "a path trick created a file"
# A client that sends one byte per second: timed out (408) soon after the grace period.
python3 - "$base" "$token" <<'PY' || fail "a slow client was not timed out"
import socket, sys, time, urllib.parse
url = urllib.parse.urlparse(sys.argv[1])
s = socket.create_connection((url.hostname, url.port), timeout=30)
s.sendall(("POST /sword/collection/courier HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
           "Content-Type: application/zip\r\nPackaging: http://purl.org/net/sword/package/BagIt\r\n"
           "Content-MD5: 00000000000000000000000000000000\r\n"
           "Content-Disposition: attachment; filename=slow.zip\r\nContent-Length: 100000\r\n\r\n" % sys.argv[2]).encode())
start = time.time()
s.setblocking(False)
reply = b""
while time.time() - start < 20:
    try:
        s.send(b"P")
    except OSError:
        pass
    time.sleep(1)
    try:
        chunk = s.recv(65536)
        if chunk == b"":
            break
        reply += chunk
        if b"\r\n\r\n" in reply:
            break
    except BlockingIOError:
        pass
    except OSError:
        break
assert reply.startswith(b"HTTP/1.1 408"), reply[:200]
assert time.time() - start < 15
PY

# --- the ledger --------------------------------------------------------------------------
run "$PAPERBAG" ledger gaps --store "$store" --title riverton-courier --from 2024-03-01 --to 2024-03-31
expect_rc 0
# 31 days - 5 Sundays - Good Friday (skipped) - the 18th and 19th received = 23 missing.
expect_out "23 issues missing"
expect_out "riverton-courier 2024-03-20 missing"
grep -q "2024-03-1[789]\|2024-03-29\|2024-03-31" "$work/out" && fail "gaps lists a received, Sunday or skipped date"
run "$PAPERBAG" ledger gaps --store "$store" --title riverton-courier --from 2024-03-18 --to 2024-03-21 --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [g["date"] for g in d]==["2024-03-20","2024-03-21"], d' "$work/out" \
  || fail "gaps --format json"
run "$PAPERBAG" ledger report --store "$store" --format csv
expect_rc 0
expect_out "received,courier,"
expect_out "refused,courier,"
run "$PAPERBAG" ledger gaps --store "$store" --title nosuch --from 2024-03-01 --to 2024-03-31
expect_rc 2
expect_err "no title 'nosuch'"

# ledger import: bundles already held are known; a folder of bundles becomes a ledger.
run "$PAPERBAG" ledger import --store "$store"
expect_rc 0
expect_out "imported 0, already held 4, skipped 0"
mkdir -p "$work/imp"
cp "$work/bundles/"*.zip "$work/imp/"
run "$PAPERBAG" ledger import --store "$work/imp"
expect_rc 0
expect_out "imported 2, already held 0, skipped 0"
run "$PAPERBAG" ledger gaps --store "$work/imp" --title riverton-courier --from 2024-03-18 --to 2024-03-19 --format csv
expect_out "riverton-courier,2024-03-19,"
grep -q "2024-03-18" "$work/out" && fail "an imported issue is listed as missing"

# --- access log: Combined Log Format, never a token ----------------------------------------
grep -q '"POST /sword/collection/courier HTTP/1.1" 201 ' "$store/access.log" || fail "access log lacks the deposit"
grep -qE '^127\.0\.0\.1 - courier \[[0-9]{2}/[A-Z][a-z]{2}/[0-9]{4}:[0-9:]{8} \+0000\] "GET /sword/servicedocument HTTP/1.1" 200 [0-9]+ "-" "' "$store/access.log" \
  || fail "access log is not in Combined Log Format"
grep -q "${token#courier.}" "$store/access.log" "$work/serve.err" && fail "a token reached a log"

# --- crash safety: SIGKILL, leftovers removed on restart ----------------------------------
kill -KILL "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
mkdir -p "$store/.incoming/deadbeef" "$store/.journal"
echo partial >"$store/.incoming/deadbeef/half.zip"
mkdir -p "$store/riverton-courier/2024"
echo partial >"$store/riverton-courier/2024/unrecorded.zip"
echo "riverton-courier/2024/unrecorded.zip" >"$store/.journal/interrupted"
serve_here
[ -e "$store/.incoming/deadbeef" ] && fail "an unfinished upload survived the restart"
[ -e "$store/riverton-courier/2024/unrecorded.zip" ] && fail "an unrecorded move survived the restart"
[ -f "$store/riverton-courier/2024/riverton-courier-2024-03-18.zip" ] || fail "restart lost a stored bundle"
run curl -sS "$base/health"
expect_out '"status":"ok"'
stop_server

# --- the client when no server listens: exit 2 ------------------------------------------
run "$PAPERBAG" deposit "$b19" --to "$base/sword/servicedocument" --token-file "$work/courier.token" --retries 1
expect_rc 2
expect_err "PB-DEPOSIT-UNREACHABLE"
# --- HTTPS (Poco NetSSL): the client verifies the server against --ca-file ----------------
if command -v openssl >/dev/null; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 1 \
    -subj /CN=127.0.0.1 -addext "subjectAltName=IP:127.0.0.1" >/dev/null 2>&1
  serve_here --tls-cert "$work/cert.pem" --tls-key "$work/key.pem"
  [[ "$base" == https://* ]] || fail "TLS server does not announce https"
  run curl -sS --cacert "$work/cert.pem" "$base/health"
  expect_out '"status":"ok"'
  run "$PAPERBAG" deposit "$b19" --to "$base/sword/servicedocument" --token-file "$work/courier.token" \
    --ca-file "$work/cert.pem"
  expect_rc 0
  expect_out "already held"
  run "$PAPERBAG" deposit "$b19" --to "$base/sword/servicedocument" --token-file "$work/courier.token" --retries 0
  expect_rc 2
  expect_err "certificate verify failed"
  stop_server
fi

# A non-loopback address needs TLS or --insecure.
run "$PAPERBAG" serve --store "$store" --listen 0.0.0.0:0
expect_rc 2
expect_err "not a loopback address"
finish
