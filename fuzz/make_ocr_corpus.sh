#!/usr/bin/env bash
# Writes the seed corpora of the OCR fuzz targets (fuzz/corpus/{alto,hocr,page}/): the test
# excerpts of tests/data/ocr plus hostile variants made here (deep nesting, huge and negative
# coordinates, repeated IDs, entities, truncation, HTML5 tag soup, invalid UTF-8). Run it again
# after changing the excerpts; crash reproducers are added by hand as regress-<what>.<ext>.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=$root/tests/data/ocr
out=$root/fuzz/corpus
mkdir -p "$out/alto" "$out/hocr" "$out/page"

alto() { printf '<alto xmlns="http://www.loc.gov/standards/alto/ns-v%s#"><Layout><Page ID="P" WIDTH="%s" HEIGHT="%s"><PrintSpace>%s</PrintSpace></Page></Layout></alto>' "$1" "$2" "$3" "$4"; }
string() { printf '<String ID="%s" HPOS="%s" VPOS="%s" WIDTH="%s" HEIGHT="%s" CONTENT="%s"%s/>' "$@"; }
block() { printf '<TextBlock ID="%s"><TextLine>%s</TextLine></TextBlock>' "$1" "$2"; }
repeat() { local n=$1 s=$2 out=""; for ((i = 0; i < n; i++)); do out+=$s; done; printf '%s' "$out"; }

cp "$data"/alto*.xml "$out/alto/"
alto 4 100 100 "$(block B "$(string S 1 1 5 5 w '')")" >"$out/alto/minimal.xml"
alto 3 100 100 "$(repeat 300 '<ComposedBlock>')$(block B "$(string S 1 1 5 5 deep '')")$(repeat 300 '</ComposedBlock>')" >"$out/alto/deep-nesting.xml"
alto 2 1e308 -5 "$(block B "$(string S 1e300 -1e300 -5 nan huge '')$(string S 0x10 1 inf 1 hex '')")" >"$out/alto/huge-coordinates.xml"
alto 4 100 100 "$(block B "$(string S 1 1 5 5 a '')")$(block B "$(string S 1 1 5 5 b '')")" >"$out/alto/repeated-ids.xml"
alto 4 100 100 "$(block B "$(string S 1 1 5 5 Haus ' SUBS_TYPE="HypPart1" SUBS_CONTENT="Haustür"')<HYP CONTENT="-"/>$(string T 1 10 5 5 tür ' SUBS_TYPE="HypPart2"')$(string U 1 20 5 5 lone ' SUBS_TYPE="HypPart2"')")" >"$out/alto/hyphenation.xml"
printf '<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>' >"$out/alto/entity-bomb.xml"
alto 4 100 100 "$(block B "$(string S 1 1 5 5 '&b;' '')")" >>"$out/alto/entity-bomb.xml"
alto 4 100 100 "$(block B "$(string S 1 1 5 5 ok '')")" | head -c 150 >"$out/alto/truncated.xml"
printf '<alto><Layout><Page WIDTH="10" HEIGHT="10"><TextBlock><TextLine><String CONTENT="\xc3\x28"/></TextLine></TextBlock></Page></Layout></alto>' >"$out/alto/invalid-utf8.xml"
printf '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description><MeasurementUnit>furlong</MeasurementUnit></Description><ReadingOrder><OrderedGroup><ElementRef REF="X"/><ElementRef REF="B"/></OrderedGroup></ReadingOrder><Layout><Page WIDTH="10" HEIGHT="10"/><Page/></Layout></alto>' >"$out/alto/odd-unit-two-pages.xml"
: >"$out/alto/empty.xml"

cp "$data"/hocr*.* "$out/hocr/"
printf '<html><body><div class="ocr_page" title="bbox 0 0 0 0">%s<span class="ocr_line" title="bbox 1 1 5 5"><span class="ocrx_word" title="bbox 1 1 5 5; x_wconf 900">deep</span></span>%s</div></body></html>' "$(repeat 400 '<div>')" "$(repeat 400 '</div>')" >"$out/hocr/deep-nesting.hocr"
printf '<html><body><div class="ocr_page" title="bbox 0 0 -10 1e309"><p class="ocr_par"><span class="ocr_line" title="bbox 9 9 1 1"><span class="ocrx_word" title="bbox a b c d; x_fsize -3">bad</span><span class="ocrx_word" title="bbox 1e300 0 1e301 5">huge</span></span></p></div></body></html>' >"$out/hocr/bad-boxes.hocr"
printf '<!DOCTYPE html><html><body><div class=ocr_page title="bbox 0 0 50 50"><span class=ocr_line title="bbox 1 1 40 9"><span class=ocrx_word>unclosed<p><span class=ocrx_word>soup&nbsp;&amp;' >"$out/hocr/tag-soup.hocr"
printf '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><div class="ocr_page"><span class="ocr_line"><span class="ocrx_word">&x;</span></span></div></body></html>' >"$out/hocr/external-entity.hocr"
printf '<html><body><div class="ocr_page"></div><div class="ocr_page"><span class="ocr_line">second page</span></div></body></html>' >"$out/hocr/two-pages.hocr"

cp "$data"/page*.xml "$out/page/"
printf '<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15"><Page imageWidth="100" imageHeight="100"><ReadingOrder><OrderedGroup><RegionRefIndexed index="x" regionRef="r"/><OrderedGroupIndexed index="1"><RegionRefIndexed index="0" regionRef="nope"/></OrderedGroupIndexed></OrderedGroup></ReadingOrder><TextRegion id="r"><Coords points="1,1 a,b 5"/><TextRegion id="r"><TextEquiv><Unicode>nested</Unicode></TextEquiv></TextRegion></TextRegion></Page></PcGts>' >"$out/page/bad-coords-nested.xml"
printf '<PcGts><Page imageWidth="-1" imageHeight="nan"><TextRegion id="r"><Coords><Point x="1" y="1"/><Point x="1e300" y="5"/></Coords><TextLine><Word><Glyph><TextEquiv><Unicode>g</Unicode></TextEquiv></Glyph></Word></TextLine></TextRegion></Page></PcGts>' >"$out/page/points-glyphs.xml"
printf '<PcGts><Page imageWidth="10" imageHeight="10">%s<TextRegion id="d"><TextEquiv><Unicode>deep</Unicode></TextEquiv></TextRegion>%s</Page></PcGts>' "$(repeat 300 '<TableRegion>')" "$(repeat 300 '</TableRegion>')" >"$out/page/deep-tables.xml"
echo "corpus written to $out"
