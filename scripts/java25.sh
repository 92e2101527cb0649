# Sourced by the build scripts: finds a Java 25+ JDK and exports JAVA_HOME and PATH.
# Order: $JAVA_HOME if it is 25+, then JDKs under /usr/lib/jvm, then `java` on the PATH.
ananke_java_version() { # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
ananke_find_jdk() {
  local c v
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$c" ] && [ -d "$c" ] || continue
    v=$(ananke_java_version "$c")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then echo "$c"; return 0; fi
  done
  if command -v javac >/dev/null 2>&1; then
    c=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(ananke_java_version "$c")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then echo "$c"; return 0; fi
  fi
  return 1
}
if ! ANANKE_JDK=$(ananke_find_jdk); then
  echo "ananke: no Java 25 JDK found (looked at \$JAVA_HOME, /usr/lib/jvm and the PATH)." >&2
  echo "ananke: install a JDK 25 or point JAVA_HOME at one." >&2
  exit 2
fi
export JAVA_HOME="$ANANKE_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
