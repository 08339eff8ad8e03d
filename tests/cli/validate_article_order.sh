# PB-METS-013: articles of the LOGICAL structMap follow the pages they start on. paperbag's own
# METS passes; the same METS with an article moved behind a later page's article gets a
# warning (exit 0), and fails under --strict (exit 1).
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
export SOURCE_DATE_EPOCH=1710720000
run "$PAPERBAG" export "$SOURCE_DIR/samples/riverton-courier-2024-03-18" --format xml -o "$work/xml"
expect_rc 0
run "$PAPERBAG" validate --skip PB-SCHEMA-MISSING --profile paperbag "$work/xml/mets.xml"
expect_rc 0
grep -q "PB-METS-013" "$work/out" && fail "paperbag's own METS breaks PB-METS-013: $(grep PB-METS-013 "$work/out")"

# Move the first article (it starts on page A1) to the end of the issue, behind articles
# that start on page A2.
python3 - "$work/xml/mets.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"mets": "http://www.loc.gov/METS/"}
ET.register_namespace("mets", ns["mets"])
for prefix, uri in [("mods", "http://www.loc.gov/mods/v3"), ("premis", "http://www.loc.gov/premis/v3"),
                    ("xlink", "http://www.w3.org/1999/xlink"), ("xsi", "http://www.w3.org/2001/XMLSchema-instance")]:
    ET.register_namespace(prefix, uri)
tree = ET.parse(sys.argv[1])
issue = tree.find(".//mets:structMap[@TYPE='LOGICAL']/mets:div", ns)
first = issue.find("mets:div[@ID='LOG_art-001']", ns)
issue.remove(first)
issue.append(first)
tree.write(sys.argv[1], xml_declaration=True, encoding="UTF-8")
PY
run "$PAPERBAG" validate --profile paperbag "$work/xml/mets.xml"
expect_out "article 'LOG_art-001' starts on page 1 but follows article"
expect_out "[PB-METS-013]"
[ "$rc" != 1 ] || fail "a PB-METS-013 warning alone must not fail the run"
run "$PAPERBAG" validate --profile paperbag --strict "$work/xml/mets.xml"
expect_rc 1
finish
