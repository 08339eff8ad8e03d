# Installs paperbag into a temporary prefix and builds a separate project against it with
# find_package(paperbag), then runs that program on a sample issue.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$BUILD_DIR" --prefix "$work/prefix" >/dev/null
man_page=$(find "$work/prefix" -path '*/man1/paperbag.1')
[ -n "$man_page" ] || { echo "cmake --install did not install the man page" >&2; exit 1; }
cmp -s "$man_page" "$SOURCE_DIR/docs/paperbag.1" || { echo "installed man page differs" >&2; exit 1; }
cmake -S "$SOURCE_DIR/tests/install/consumer" -B "$work/build" -G Ninja \
      -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
out=$("$work/build/consumer" "$SOURCE_DIR/samples/riverton-courier-2024-03-18")
case $out in
  *"The Riverton Courier") echo "consumer printed: $out" ;;
  *) echo "unexpected consumer output: $out" >&2; exit 1 ;;
esac
