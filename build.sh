#!/usr/bin/env bash
# Builds Ananke with a Java 25 JDK found on this machine.
#   ./build.sh          build the application (no tests): then ./ananke runs it
#   ./build.sh test     build and run the whole test suite
#   ./build.sh MVN-ARGS pass anything else to Maven, e.g. ./build.sh -pl ananke-core test
set -euo pipefail
cd "$(dirname "$0")"
. scripts/java25.sh
for tool in mvn gcc npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "build.sh: '$tool' is required but not on the PATH" >&2; exit 2; }
done
# Maven itself (its Guava) trips a JDK 25 warning about sun.misc.Unsafe; it is harmless.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
MVN=(mvn -B -ntp -q)
case "${1:-}" in
  "")   exec "${MVN[@]}" install -DskipTests ;;
  test) shift; exec mvn -B -ntp install "$@" ;;
  *)    exec mvn -B -ntp "$@" ;;
esac
