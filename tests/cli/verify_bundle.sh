# paperbag verify and inspect on bundles made by another tool (Python's zipfile): exit codes
# 0/1/2, findings with codes, text and JSON.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
command -v python3 >/dev/null || { echo "skipped: python3 is not installed"; exit 77; }

# make_bag OUT [tamper]: a BagIt bag in a ZIP; tamper changes one thing after the manifest.
make_bag() {
  python3 - "$@" <<'PY'
import hashlib, sys, zipfile
out = sys.argv[1]
tamper = sys.argv[2] if len(sys.argv) > 2 else ""
payload = {"data/mets.xml": b"<mets/>\n", "data/text/p1.txt": "第一版\n".encode(),
           "data/images/p1.jpg": bytes(range(256)) * 40}
manifest = "".join(f"{hashlib.sha256(v).hexdigest()}  {k}\n" for k, v in sorted(payload.items()))
octets = sum(len(v) for v in payload.values())
if tamper == "flip":
    payload["data/text/p1.txt"] = "第二版\n".encode()
if tamper == "extra":
    payload["data/extra.txt"] = b"x"
if tamper == "missing":
    del payload["data/mets.xml"]
files = {"bag/bagit.txt": b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
         "bag/bag-info.txt": f"Source-Organization: Test\nPayload-Oxum: {octets}.3\n".encode(),
         "bag/manifest-sha256.txt": manifest.encode()}
files.update({"bag/" + k: v for k, v in payload.items()})
if tamper == "dotdot":
    files["bag/../evil.txt"] = b"x"
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in files.items():
        z.writestr(name, data)
    if tamper == "symlink":
        info = zipfile.ZipInfo("bag/data/link")
        info.external_attr = 0o120777 << 16
        z.writestr(info, "/etc/passwd")
PY
}

make_bag "$work/good.zip"
# Structure and fixity only.
run "$PAPERBAG" verify --no-xml "$work/good.zip"
expect_rc 0
expect_out "good.zip: valid [BagIt bundle"

# With XML validation (the default): '<mets/>' has no namespace, so no schema is known for
# it: skipped with a warning (--unknown=warn), never "valid"; "not validated", exit 2, with
# --unknown=fail.
run "$PAPERBAG" verify "$work/good.zip"
expect_rc 0
expect_out "good.zip!/bag/data/mets.xml: warning: skipped: no schema is known"
expect_out "good.zip!/bag/data/mets.xml: skipped"
run "$PAPERBAG" verify --unknown=fail "$work/good.zip"
expect_rc 2
expect_out "good.zip!/bag/data/mets.xml: not validated"
expect_out "[PB-SCHEMA-UNKNOWN]"

run "$PAPERBAG" verify --no-xml --format json "$work/good.zip"
expect_rc 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); f=d["files"][0]; assert f["verdict"]=="valid" and f["kind"]=="BagIt bundle", d' "$work/out" \
  || fail "verify --format json is not the expected JSON"
run "$PAPERBAG" verify --no-xml --format junit "$work/good.zip"
expect_rc 0
expect_out "<testsuite"

for case in flip:PB-BAG-CHECKSUM extra:PB-BAG-UNLISTED missing:PB-BAG-MISSING-FILE \
            dotdot:PB-BAG-UNSAFE-NAME symlink:PB-BAG-SYMLINK; do
  tamper=${case%%:*} code=${case#*:}
  make_bag "$work/$tamper.zip" "$tamper"
  run "$PAPERBAG" verify "$work/$tamper.zip"
  expect_rc 1
  expect_out "[$code]"
  expect_out "$tamper.zip: invalid: "
done
expect_out "$work/symlink.zip!/bag/data/link: error: entry is a symbolic link [PB-BAG-SYMLINK]"

# Several bundles: the worst result wins; a missing file is exit 2.
run "$PAPERBAG" verify --no-xml "$work/good.zip" "$work/flip.zip"
expect_rc 1
run "$PAPERBAG" verify --no-xml "$work/good.zip" "$work/none.zip"
expect_rc 2
expect_out "none.zip: error: cannot open: No such file or directory [PB-IO]"
head -c 100 "$work/good.zip" >"$work/cut.zip"
run "$PAPERBAG" verify "$work/cut.zip"
expect_rc 1
expect_out "[PB-BAG-ZIP]"
run "$PAPERBAG" verify
expect_rc 2

# inspect lists bag-info and the files with sizes.
run "$PAPERBAG" inspect "$work/good.zip"
expect_rc 0
expect_out "bag:       bag"
expect_out "Source-Organization: Test"
expect_out "10240	deflated	data/images/p1.jpg"
run "$PAPERBAG" inspect --json "$work/good.zip"
expect_rc 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["payload_files"]==3 and d["bag_info"]["Source-Organization"]=="Test", d' "$work/out" \
  || fail "inspect --json on a bundle is not the expected JSON"
run "$PAPERBAG" inspect "$work/dotdot.zip"
expect_rc 1
expect_out "PB-BAG-UNSAFE-NAME"

finish
