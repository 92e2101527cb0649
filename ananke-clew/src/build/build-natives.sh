#!/usr/bin/env bash
# Builds the tree-sitter runtime and the grammars Clew parses with, from the C sources their
# npm packages ship, into shared libraries that end up inside the ananke-clew jar.
#
#   build-natives.sh OUT_DIR
#
# writes OUT_DIR/<platform>/lib*.so and OUT_DIR/<platform>/natives.list ("<file> <sha256>" per
# line; the run-time loader keys its extraction directory on these hashes).
#
# Why a cache outside target/: compiling the grammars takes ~20 s of gcc on this machine, and
# `mvn clean` must not redo it. The cache directory is keyed by a hash of this script (so of
# every version and flag below), the compiler version and the platform: change any of them and
# the libraries are rebuilt. Root: $ANANKE_NATIVE_CACHE, default ~/.cache/ananke/native.
#
# The runtime version must match the Java binding's (io.github.tree-sitter:jtreesitter 0.25.x
# in ananke-clew/pom.xml): the binding calls the runtime's C API directly.
set -euo pipefail

# name | npm package@version | folder of parser.c inside the package | symbol (tree_sitter_<x>)
GRAMMARS='
typescript|tree-sitter-typescript@0.23.2|typescript/src|typescript
tsx|tree-sitter-typescript@0.23.2|tsx/src|tsx
javascript|tree-sitter-javascript@0.25.0|src|javascript
python|tree-sitter-python@0.25.0|src|python
rust|tree-sitter-rust@0.24.0|src|rust
go|tree-sitter-go@0.25.0|src|go
zig|@tree-sitter-grammars/tree-sitter-zig@1.1.2|src|zig
java|tree-sitter-java@0.23.5|src|java
'
RUNTIME='tree-sitter@0.25.1'
# -fno-semantic-interposition: lib.c is one translation unit, but in a shared library gcc may
# neither inline nor call directly a public function another library could interpose; allowing it
# makes the parse about a tenth faster (measured on the fixtures). -O3 for the grammars: a few
# per cent, for ten seconds more of gcc once per version change.
RUNTIME_CFLAGS='-O3 -fno-semantic-interposition -fPIC -shared -std=c11 -D_POSIX_C_SOURCE=200112L -D_DEFAULT_SOURCE'
GRAMMAR_CFLAGS='-O3 -fPIC -shared -std=c11'

die() { echo "build-natives: error: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: build-natives.sh OUT_DIR"
OUT_ROOT=$1

for tool in gcc npm tar sha256sum; do
  command -v "$tool" >/dev/null 2>&1 ||
    die "'$tool' is required to build the tree-sitter parsers but is not on the PATH (install it, e.g. apt-get install gcc npm)"
done

case "$(uname -s)" in
  Linux) OS=linux; EXT=so ;;
  Darwin) OS=macos; EXT=dylib ;;
  *) die "unsupported OS $(uname -s): Clew builds its parsers for Linux and macOS only" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) ARCH=x86_64 ;;
  aarch64 | arm64) ARCH=aarch64 ;;
  *) ARCH=$(uname -m) ;;
esac
PLATFORM="$OS-$ARCH"
OUT="$OUT_ROOT/$PLATFORM"

C_SOURCES="$(cd "$(dirname "$0")/../main/c" && pwd)"
SELF_HASH=$(cat "$0" "$C_SOURCES"/*.c | sha256sum | cut -c1-64)
KEY=$(printf '%s\n%s\n%s\n' "$SELF_HASH" "$(gcc -dumpfullversion 2>/dev/null || gcc -dumpversion)" "$PLATFORM" |
  sha256sum | cut -c1-16)
CACHE_ROOT=${ANANKE_NATIVE_CACHE:-$HOME/.cache/ananke/native}
CACHE="$CACHE_ROOT/$KEY"
TARBALLS="$CACHE_ROOT/tarballs"

install_from_cache() {
  rm -rf "$OUT"
  mkdir -p "$OUT"
  cp "$CACHE"/lib*."$EXT" "$CACHE/natives.list" "$OUT/"
}

if [ -f "$CACHE/natives.list" ]; then
  install_from_cache
  exit 0
fi

echo "build-natives: building tree-sitter parsers into $CACHE (once per version change)" >&2
mkdir -p "$TARBALLS"
WORK=$(mktemp -d "$CACHE_ROOT/.work.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Fetch a package tarball once (npm pack names it <scope->name-version.tgz) and unpack it.
unpack() { # spec dest
  local spec=$1 dest=$2 file
  file=$(printf '%s' "$spec" | sed -e 's/^@//' -e 's#/#-#' -e 's/@\([^@]*\)$/-\1/').tgz
  if [ ! -f "$TARBALLS/$file" ]; then
    (cd "$WORK" && npm pack --silent "$spec" >/dev/null) ||
      die "npm pack $spec failed (is the npm registry reachable?)"
    mv "$WORK/$file" "$TARBALLS/$file"
  fi
  mkdir -p "$dest"
  tar xzf "$TARBALLS/$file" -C "$dest"
}

BUILT="$WORK/out"
mkdir -p "$BUILT"
PIDS=()

unpack "$RUNTIME" "$WORK/runtime"
LIB="$WORK/runtime/package/vendor/tree-sitter/lib"
[ -f "$LIB/src/lib.c" ] || die "$RUNTIME has no vendor/tree-sitter/lib/src/lib.c: the package layout changed"
# The runtime library also holds our own C (src/main/c): ananke_flatten, which exports a whole
# tree to an int array in one call.
# shellcheck disable=SC2086
gcc $RUNTIME_CFLAGS -I"$LIB/include" -I"$LIB/src" "$LIB/src/lib.c" "$C_SOURCES"/*.c -o "$BUILT/libtree-sitter.$EXT" &
PIDS+=($!)

while IFS='|' read -r name spec srcdir symbol; do
  [ -n "$name" ] || continue
  pkg="$WORK/pkg-$(printf '%s' "$spec" | tr '/@' '__')"
  [ -d "$pkg" ] || unpack "$spec" "$pkg"
  src="$pkg/package/$srcdir"
  [ -f "$src/parser.c" ] || die "$spec has no $srcdir/parser.c"
  files=("$src/parser.c")
  [ -f "$src/scanner.c" ] && files+=("$src/scanner.c")
  # shellcheck disable=SC2086
  gcc $GRAMMAR_CFLAGS -I"$src" "${files[@]}" -o "$BUILT/libtree-sitter-$name.$EXT" &
  PIDS+=($!)
done <<<"$GRAMMARS"

for pid in "${PIDS[@]}"; do
  wait "$pid" || die "gcc failed (see the messages above)"
done

(cd "$BUILT" && for f in lib*."$EXT"; do echo "$f $(sha256sum "$f" | cut -c1-64)"; done) >"$BUILT/natives.list"
rm -rf "$CACHE"
mv "$BUILT" "$CACHE"
install_from_cache
echo "build-natives: done ($(wc -l <"$CACHE/natives.list") libraries)" >&2
