#!/usr/bin/env bash
# The orphan sweep at scale: N files under a root and N rows (all but the orphans name a file), one sweep in
# delete mode through the MBean, timed, with its statements and heap; on H2 (a file database) and PostgreSQL.
# The driver is com.example.uploads.bench.SweepMain in test-app/benchmark.
#   bash src/bench/sweep.sh                  # 1,000,000 files and rows, 10,000 orphans, H2 then PostgreSQL
#   bash src/bench/sweep.sh 100000 1000 h2   # files, orphans, databases (h2, postgresql or both)
#   SWEEP_WRONG_DATABASE=true bash src/bench/sweep.sh 100000 0 h2   # no row names any file: the sweep must refuse
# PostgreSQL needs 127.0.0.1:5432, user postgres, database test. JAVA_HOME, if set, chooses the JVM; the child
# JVM runs with -Xmx128m (SWEEP_HEAP to change), H2's own cache included, so that a sweep whose memory grew with
# the files would fail.
set -euo pipefail
cd "$(dirname "$0")/../.."
files="${1:-1000000}"
orphans="${2:-10000}"
databases="${3:-h2 postgresql}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -q -B -DskipTests package -pl test-app/benchmark -am
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/uploads"
for database in $databases; do
  # The files stay from one database to the next (the driver writes the deleted orphans again).
  rm -rf "$work/db" "$work/home" "$work/reports"
  mkdir -p "$work/home"
  case "$database" in
    h2) db=(-Dperf.url="jdbc:h2:file:$work/db/sweep") ;;
    postgresql)
      schema="sweep_$$"
      psql -q -h 127.0.0.1 -U postgres -d test -c "create schema $schema" >/dev/null
      db=(-Dperf.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" -Dperf.user=postgres -Dperf.password=) ;;
    *) echo "unknown database $database" >&2; exit 2 ;;
  esac
  echo "== $database: $files files, $files rows, $orphans orphans"
  set +e
  "$java" -Xmx"${SWEEP_HEAP:-128m}" -Duser.home="$work/home" -javaagent:agent/target/file-cleanup-agent.jar \
    -Dfilecleanup.roots="$work/uploads" -Dfilecleanup.attributes=Document.filePath -Dfilecleanup.logLevel=warn \
    -Dfilecleanup.journal=none -Dfilecleanup.sweep=delete -Dfilecleanup.sweep.at=none \
    -Dfilecleanup.sweep.minAge=0s -Dfilecleanup.sweep.rate=100000000 \
    -Dfilecleanup.sweep.reports="$work/reports" \
    "${db[@]}" -Dperf.root="$work/uploads" -Dsweep.files="$files" -Dsweep.orphans="$orphans" \
    -Dsweep.wrongDatabase="${SWEEP_WRONG_DATABASE:-false}" \
    -cp test-app/benchmark/target/benchmarks.jar com.example.uploads.bench.SweepMain 2>&1 \
    | grep -v " deleted .*(orphan sweep)$"
  status=${PIPESTATUS[0]}
  set -e
  if [[ "$database" == postgresql ]]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "drop schema $schema cascade" >/dev/null
  fi
  [[ $status == 0 ]] || exit "$status"
done
