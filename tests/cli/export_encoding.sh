# paperbag export: --encoding overrides detection; a foreign stretch is reported with its
# byte range; unmatched jumps are reported at file:line of the marker.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e

page='本报讯 西河镇近日召开春耕生产动员大会，部署全年粮食生产任务。\n\n西河镇部署春耕生产\n'
printf "$page" | iconv -f UTF-8 -t GB18030 >"$work/gb.txt"
printf "$page" | iconv -f UTF-8 -t UTF-16LE >"$work/le.txt"   # no BOM: never detected

# Detected.
run "$PAPERBAG" export "$work/gb.txt" --title T --date 2024-03-18 --lang zh-Hans
expect_rc 0
expect_out '"headline":"西河镇部署春耕生产"'
# Overridden: the same bytes read as Big5 are other characters.
run "$PAPERBAG" export "$work/gb.txt" --title T --date 2024-03-18 --lang zh-Hans --encoding Big5
expect_rc 0
grep -qF '西河镇部署春耕生产' "$work/out" && fail "--encoding Big5 was not used"
# UTF-16LE without a BOM works only when named.
run "$PAPERBAG" export "$work/le.txt" --title T --date 2024-03-18 --lang zh-Hans --encoding UTF-16LE
expect_rc 0
expect_out '"headline":"西河镇部署春耕生产"'
# An unknown encoding is a usage error (exit 2), reported before anything is read.
run "$PAPERBAG" export "$work/gb.txt" --title T --date 2024-03-18 --encoding no-such-charset
expect_rc 2
expect_err "--encoding 'no-such-charset' is not an encoding ICU knows [PB-USAGE]"

# A GB18030 stretch in a UTF-8 page: one warning with the byte range, the rest read.
{ printf '本报讯 东山县今年新建学校十二所，改造校舍面积达到三万平方米，新增学位四千余个。\n\n'
  printf '西河镇召开春耕生产动员大会。' | iconv -f UTF-8 -t GB18030
  printf '\n\n东山县新建学校十二所\n'; } >"$work/mixed.txt"
run "$PAPERBAG" export "$work/mixed.txt" --title T --date 2024-03-18 --lang zh-Hans
expect_rc 0
expect_err "mixed.txt (offset 120): warning: "
expect_err " invalid byte sequences in bytes 120.."
expect_out '"headline":"东山县新建学校十二所"'

# An unmatched jump: file and line of the marker.
printf '本报讯 西河镇近日召开春耕生产动员\n\n大会。（下转2版）\n\n西河镇部署春耕\n' >"$work/p1.txt"
printf '本报讯 东山县今年新建学校十二所。\n' >"$work/p2.txt"
run "$PAPERBAG" export "$work/p1.txt" "$work/p2.txt" --title T --date 2024-03-18
expect_rc 0
expect_err "p1.txt:3: warning: continued on page 2, but no continuation was found there [PB-SEG-JUMP-UNMATCHED]"
finish
