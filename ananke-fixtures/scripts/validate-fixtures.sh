#!/usr/bin/env bash
# Checks the committed fixtures with each language's own tools, where this machine has them,
# and with the tree-sitter grammars Clew parses with (no ERROR or MISSING node). Not part of
# the Maven build: it needs rustc, node/npm, python3, go and the natives Clew's build caches.
#
#   ananke-fixtures/scripts/validate-fixtures.sh [FIXTURE_DIR]   (default: test/fixtures)
set -uo pipefail
cd "$(dirname "$0")/../.."
DIR=${1:-test/fixtures}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
status=0
run() { echo "+ $*"; "$@" || status=1; }

echo "== TypeScript: tsc --strict (typescript@5, @types/node@20 from the npm registry)"
if command -v npm >/dev/null; then
  (cd "$WORK" && npm install --silent --no-audit --no-fund typescript@5 @types/node@20 >/dev/null 2>&1)
  for f in "$DIR"/typescript/*/*.ts; do
    run "$WORK/node_modules/.bin/tsc" --noEmit --strict --target es2022 --module nodenext \
      --moduleResolution nodenext --typeRoots "$WORK/node_modules/@types" --types node "$f"
  done
fi

echo "== Python: compile() to bytecode, as py_compile does, without writing __pycache__"
for f in "$DIR"/python/*/*.py; do
  run python3 -c 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")' "$f"
done

echo "== Rust: rustc --edition 2021 --crate-type lib (std only)"
for f in "$DIR"/rust/*/*.rs; do run rustc --edition 2021 --crate-type lib -o "$WORK/out.rlib" "$f"; done

echo "== Go: gofmt -l (must list nothing) and go vet"
if command -v go >/dev/null; then
  unformatted=$(gofmt -l "$DIR"/go)
  [ -z "$unformatted" ] || { echo "not gofmt-formatted: $unformatted"; status=1; }
  for f in "$DIR"/go/*/*.go; do
    mod="$WORK/go/$(basename "$(dirname "$f")")"
    mkdir -p "$mod" && cp "$f" "$mod/" && printf 'module example.com/services\n\ngo 1.19\n' > "$mod/go.mod"
    (cd "$mod" && run env GOFLAGS=-mod=mod GOPROXY=off go vet ./...)
  done
fi

echo "== All languages: tree-sitter (the grammars Clew builds)"
NATIVE=${ANANKE_NATIVE_DIR:-$(ls -d "${ANANKE_NATIVE_CACHE:-$HOME/.cache/ananke/native}"/*/ 2>/dev/null | head -1)}
if [ -n "$NATIVE" ]; then
  run python3 ananke-fixtures/scripts/ts_check.py "$NATIVE" "$DIR"/*/*/*.*
else
  echo "no tree-sitter natives found: build ananke-clew first"; status=1
fi
if [ $status -eq 0 ]; then echo "validate-fixtures: all checks passed"; else echo "validate-fixtures: FAILED"; fi
exit $status
