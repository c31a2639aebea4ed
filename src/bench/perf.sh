#!/usr/bin/env bash
# Measures what the agent costs its host, each figure against the same host without the agent in the same run,
# and prints a markdown table: startup of a JVM without Hibernate and of a Hibernate application (paired child
# JVMs, alternating without/with), steady-state transactions under JMH, background deletion throughput on H2 and
# PostgreSQL beside the disk's raw unlink rate, heap per pending released file, and the agent's classes.
# The driver is com.example.uploads.bench.Perf in test-app/benchmark; --help lists its options.
#   bash src/bench/perf.sh            # the full run (about 15 minutes on 2 cores)
#   bash src/bench/perf.sh --quick    # a shorter one
#   bash src/bench/perf.sh --smoke    # functional checks only, for CI: exits non-zero when something is broken
# PostgreSQL rows need 127.0.0.1:5432, user postgres, database test (--pg-url ... to change, --no-pg to skip);
# they are skipped with a message when it cannot be reached. JAVA_HOME, if set, chooses the JVM.
set -euo pipefail
cd "$(dirname "$0")/../.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=test-app/benchmark/target/benchmarks.jar
if [[ " $* " != *" --help "* || ! -f "$jar" ]]; then
  ./mvnw -q -B -DskipTests package -pl test-app/benchmark -am
fi
exec "$java" -cp "$jar" com.example.uploads.bench.Perf --agent "$PWD/agent/target/file-cleanup-agent.jar" "$@"
