#!/usr/bin/env bash
# Writes the seed corpora of the container and metadata fuzz targets (fuzz/corpus/{bundle,
# validate_zip,mets,manifest}/): the sample issues built into bundles by PAPERBAG (the
# executable, first argument), their mets.xml and issue.xml, and hostile variants made here
# (unsafe names, links, duplicates, encryption flags, bomb ratios, truncation, DOCTYPEs,
# attribute floods, long text). Run it again after changing the samples; crash reproducers
# are added by hand as regress-<what>.<ext>.
set -euo pipefail
paperbag=${1:?usage: make_container_corpus.sh PAPERBAG}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$root/fuzz/corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out/bundle" "$out/validate_zip" "$out/mets" "$out/manifest"

SOURCE_DATE_EPOCH=1700000000 "$paperbag" build -q "$root/samples/riverton-courier-2024-03-18" \
  -o "$work/sample.zip" >/dev/null 2>&1 ||
  SOURCE_DATE_EPOCH=1700000000 "$paperbag" build "$root/samples/riverton-courier-2024-03-18" \
    -o "$work/sample.zip" >/dev/null
python3 - "$work/sample.zip" "$out" "$root/samples/riverton-courier-2024-03-18/issue.xml" <<'PY'
import io, sys, zipfile
sample, out, manifest = sys.argv[1], sys.argv[2], sys.argv[3]
src = zipfile.ZipFile(sample)
names = src.namelist()
bag = names[0].split("/")[0]
mets = src.read(f"{bag}/data/mets.xml")

def write(path, data):
    with open(path, "wb") as f:
        f.write(data)

def zip_of(entries, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in entries:
            if isinstance(name, zipfile.ZipInfo):
                z.writestr(name, data)
            else:
                z.writestr(name, data)
    return buf.getvalue()

# bundle and validate_zip: the sample bundle, whole and varied.
sample_bytes = open(sample, "rb").read()
for target in ("bundle", "validate_zip"):
    write(f"{out}/{target}/sample.zip", sample_bytes)
    write(f"{out}/{target}/truncated.zip", sample_bytes[: len(sample_bytes) // 2])
    write(f"{out}/{target}/empty.zip", b"")
    write(f"{out}/{target}/not-a-zip.zip", b"PK\x03\x04 this is not a zip")
    write(f"{out}/{target}/slip.zip", zip_of([("../evil.xml", b"<x/>"), ("/abs.xml", b"<x/>"),
                                             ("a\\b.xml", b"<x/>"), ("c:/d.xml", b"<x/>")]))
    write(f"{out}/{target}/control-name.zip", zip_of([("bag/data/\x1b[31mred.xml", b"<x/>")]))
    link = zipfile.ZipInfo("bag/data/link.xml")
    link.create_system = 3
    link.external_attr = (0o120777 << 16)
    write(f"{out}/{target}/symlink.zip", zip_of([(link, b"/etc/passwd")]))
    dup = io.BytesIO()
    with zipfile.ZipFile(dup, "w") as z:
        z.writestr("bag/data/a.xml", b"<a/>")
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            z.writestr("bag/data/a.xml", b"<b/>")
        z.writestr("bag/data/e\u0301.xml", b"<c/>")
        z.writestr("bag/data/\u00e9.xml", b"<d/>")
    write(f"{out}/{target}/duplicates.zip", dup.getvalue())
    enc = bytearray(zip_of([("bag/data/secret.xml", b"<s/>")], zipfile.ZIP_STORED))
    enc[6] |= 1  # the local header's encryption flag
    central = enc.find(b"PK\x01\x02")
    enc[central + 8] |= 1
    write(f"{out}/{target}/encrypted.zip", bytes(enc))
    write(f"{out}/{target}/bomb.zip", zip_of([("bag/data/zeros.xml", b"<a>" + b" " * (4 << 20) + b"</a>")]))
    write(f"{out}/{target}/doctype.zip", zip_of([("bag/data/mets.xml",
          b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><mets xmlns="http://www.loc.gov/METS/">&b;</mets>')]))
    write(f"{out}/{target}/attributes.zip", zip_of([("bag/data/alto/p.xml",
          b'<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#" ' + b" ".join(b'a%d="1"' % i for i in range(12000)) + b"/>")]))
    # the METS without its items, and the items without their METS
    write(f"{out}/{target}/only-mets.zip", zip_of([(f"{bag}/data/mets.xml", mets), (f"{bag}/bagit.txt", src.read(f"{bag}/bagit.txt"))]))
    write(f"{out}/{target}/no-mets.zip", zip_of([(n, src.read(n)) for n in names if not n.endswith("/mets.xml")]))

# mets: the sample's METS and hostile variants.
write(f"{out}/mets/sample.xml", mets)
write(f"{out}/mets/truncated.xml", mets[: len(mets) // 2])
write(f"{out}/mets/doctype.xml", b'<!DOCTYPE mets [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + mets.split(b"?>", 1)[-1])
write(f"{out}/mets/bad-numbers.xml", mets.replace(b'BEGIN="', b'BEGIN="-99999999999999999999').replace(b'ORDER="', b'ORDER="x'))
write(f"{out}/mets/no-structmap.xml", mets.replace(b"structMap", b"structMop"))
write(f"{out}/mets/empty.xml", b"")

# manifest: the sample's issue.xml and hostile variants.
issue = open(manifest, "rb").read()
write(f"{out}/manifest/sample.xml", issue)
write(f"{out}/manifest/truncated.xml", issue[: len(issue) // 2])
write(f"{out}/manifest/laughs.xml", b'<?xml version="1.0"?><!DOCTYPE i [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;">]><issue xmlns="urn:x-paperbag:issue:1"><title>&l2;</title></issue>')
write(f"{out}/manifest/attributes.xml", b'<issue xmlns="urn:x-paperbag:issue:1" ' + b" ".join(b'a%d="1"' % i for i in range(12000)) + b"/>")
write(f"{out}/manifest/escape.xml", issue.replace(b'href="', b'href="../../etc/'))
write(f"{out}/manifest/bad-date.xml", issue.replace(b"2024-03-18", b"2024-02-30"))
write(f"{out}/manifest/empty.xml", b"")
PY
echo "corpora written to $out/{bundle,validate_zip,mets,manifest}"
