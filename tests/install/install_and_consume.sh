# Installs paperbag into a temporary prefix and builds a separate project against it with
# find_package(paperbag), then runs that program on a sample issue.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$BUILD_DIR" --prefix "$work/prefix" >/dev/null
cmake -S "$SOURCE_DIR/tests/install/consumer" -B "$work/build" -G Ninja \
      -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
out=$("$work/build/consumer" "$SOURCE_DIR/samples/riverton-courier-2024-03-18")
case $out in
  *"The Riverton Courier") echo "consumer printed: $out" ;;
  *) echo "unexpected consumer output: $out" >&2; exit 1 ;;
esac
