# shellcheck shell=bash
# Selects a JDK 21 or newer for Sextant's scripts, so nobody has to set JAVA_HOME by hand.
# Order: JAVA_HOME if it is >= 21; else `java` on PATH if >= 21; else the newest JDK under /usr/lib/jvm.
# Sourced by bin/test, appliance/bin/sextant and .ci/run. Exports JAVA_HOME and sets SEXTANT_JAVA.

sextant_java_major() {
  local v
  v=$("$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
  [[ -n "$v" ]] || { echo 0; return; }
  if [[ "$v" == 1.* ]]; then v=${v#1.}; fi
  echo "${v%%[.+-]*}"
}

sextant_select_jdk() {
  local need=21 cand major best="" best_major=0
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    major=$(sextant_java_major "$JAVA_HOME/bin/java")
    if (( major >= need )); then SEXTANT_JAVA="$JAVA_HOME/bin/java"; export JAVA_HOME; return 0; fi
  fi
  if command -v java >/dev/null 2>&1; then
    cand=$(readlink -f "$(command -v java)")
    major=$(sextant_java_major "$cand")
    if (( major >= need )); then
      JAVA_HOME=$(dirname "$(dirname "$cand")"); SEXTANT_JAVA="$cand"; export JAVA_HOME; return 0
    fi
  fi
  for cand in /usr/lib/jvm/*/bin/java; do
    [[ -x "$cand" ]] || continue
    major=$(sextant_java_major "$cand")
    if (( major > best_major )); then best_major=$major; best=$cand; fi
  done
  if [[ -n "$best" ]] && (( best_major >= need )); then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$best")")"); SEXTANT_JAVA="$JAVA_HOME/bin/java"; export JAVA_HOME
    return 0
  fi
  echo "sextant: no JDK ${need} or newer found (checked JAVA_HOME, java on PATH and /usr/lib/jvm/*)." >&2
  echo "sextant: install one, e.g. 'apt-get install openjdk-21-jdk' or a Temurin JDK, then try again." >&2
  return 1
}

sextant_select_jdk || exit 1
