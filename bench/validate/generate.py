#!/usr/bin/env python3
"""Writes the benchmark corpus: N files mixing METS (with MODS/PREMIS and checksummed
files), ALTO 4 pages and NewsML-G2 newsItems, or one huge ALTO file (--huge MB)."""
import argparse, hashlib, os

ALTO_HEAD = '''<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#" SCHEMAVERSION="4.4">
  <Description><MeasurementUnit>pixel</MeasurementUnit></Description>
  <Styles><TextStyle ID="TS1" FONTSIZE="10"/></Styles>
  <Layout>
    <Page ID="P1" PHYSICAL_IMG_NR="1" HEIGHT="10000" WIDTH="8000">
      <PrintSpace HPOS="0" VPOS="0" HEIGHT="10000" WIDTH="8000">
'''
ALTO_TAIL = '''      </PrintSpace>
    </Page>
  </Layout>
</alto>
'''

def alto_block(b, lines, words):
    out = [f'        <TextBlock ID="B{b}" HPOS="10" VPOS="{b*10}" HEIGHT="40" WIDTH="300" STYLEREFS="TS1">\n']
    for l in range(lines):
        out.append(f'          <TextLine ID="B{b}L{l}" HPOS="10" VPOS="{b*10+l}" HEIGHT="20" WIDTH="300">\n')
        for w in range(words):
            out.append(f'            <String ID="B{b}L{l}W{w}" CONTENT="word{w}" HPOS="{w*50}" VPOS="{l}" HEIGHT="20" WIDTH="45" WC="0.93"/>\n')
            out.append(f'            <SP WIDTH="5" HPOS="{w*50+45}" VPOS="{l}"/>\n')
        out.append('          </TextLine>\n')
    out.append('        </TextBlock>\n')
    return "".join(out)

def alto(blocks):
    return ALTO_HEAD + "".join(alto_block(b, 4, 10) for b in range(blocks)) + ALTO_TAIL

def newsml(i):
    paras = "".join(f"<p>Paragraph {p} of article {i}, with <em>some</em> text.</p>" for p in range(20))
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:bench:article:{i}" version="1"
          standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="en">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:bench"/>
    <versionCreated>2024-03-18T00:00:00Z</versionCreated></itemMeta>
  <contentMeta><headline>Article {i}</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Article {i}</title></head><body>{paras}</body></html>
  </inlineXML></contentSet>
</newsItem>
'''

def mets(i, page_files):
    files = []
    fptrs = []
    for n, (name, data) in enumerate(page_files):
        digest = hashlib.sha256(data.encode()).hexdigest()
        files.append(f'<file ID="F{n}" MIMETYPE="text/xml" SIZE="{len(data.encode())}" CHECKSUM="{digest}" CHECKSUMTYPE="SHA-256"><FLocat LOCTYPE="URL" xlink:href="{name}"/></file>')
        fptrs.append(f'<div TYPE="page" ORDER="{n+1}"><fptr FILEID="F{n}"/></div>')
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<mets xmlns="http://www.loc.gov/METS/" xmlns:mods="http://www.loc.gov/mods/v3"
      xmlns:premis="http://www.loc.gov/premis/v3" xmlns:xlink="http://www.w3.org/1999/xlink" OBJID="issue-{i}">
  <dmdSec ID="DMD1"><mdWrap MDTYPE="MODS"><xmlData><mods:mods version="3.8">
    <mods:titleInfo><mods:title>Bench Gazette {i}</mods:title></mods:titleInfo>
    <mods:originInfo><mods:dateIssued encoding="w3cdtf">2024-03-18</mods:dateIssued></mods:originInfo>
  </mods:mods></xmlData></mdWrap></dmdSec>
  <amdSec ID="AMD1"><digiprovMD ID="PROV1"><mdWrap MDTYPE="PREMIS:EVENT"><xmlData><premis:event>
    <premis:eventIdentifier><premis:eventIdentifierType>local</premis:eventIdentifierType><premis:eventIdentifierValue>e{i}</premis:eventIdentifierValue></premis:eventIdentifier>
    <premis:eventType>creation</premis:eventType><premis:eventDateTime>2024-03-18T10:00:00Z</premis:eventDateTime>
  </premis:event></xmlData></mdWrap></digiprovMD></amdSec>
  <fileSec><fileGrp USE="ocr">{"".join(files)}</fileGrp></fileSec>
  <structMap TYPE="PHYSICAL"><div TYPE="issue" DMDID="DMD1" ADMID="PROV1">{"".join(fptrs)}</div></structMap>
</mets>
'''

def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--files", type=int, default=2000)
    p.add_argument("--huge", type=int, default=0, help="write one ALTO file of about this many MB")
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    if a.huge:
        block = alto_block(0, 4, 10)
        count = a.huge * 1024 * 1024 // len(block)
        with open(os.path.join(a.out, f"huge-{a.huge}mb.xml"), "w") as f:
            f.write(ALTO_HEAD)
            for b in range(count):
                f.write(alto_block(b, 4, 10))
            f.write(ALTO_TAIL)
        return
    # Per 10 files: 1 METS issue describing 6 ALTO pages, 6 ALTO pages, 3 NewsML-G2 items.
    n = 0
    issue = 0
    while n < a.files:
        d = os.path.join(a.out, f"issue-{issue:04d}")
        os.makedirs(d, exist_ok=True)
        pages = []
        for pg in range(6):
            name = f"alto-{pg:02d}.xml"
            data = alto(12)
            open(os.path.join(d, name), "w").write(data)
            pages.append((name, data))
        open(os.path.join(d, "mets.xml"), "w").write(mets(issue, pages))
        for art in range(3):
            open(os.path.join(d, f"news-{art}.xml"), "w").write(newsml(issue * 10 + art))
        n += 10
        issue += 1

main()
