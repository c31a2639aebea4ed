#!/usr/bin/env bash
# Times the reference check's query on a PostgreSQL table of 1,000,000 rows, without and with an index on the
# column (dev.filecleanup.cleanup.ReferenceQueryBench). Needs PostgreSQL on 127.0.0.1:5432, user postgres,
# database test; -Dbench.url=... -Dbench.user=... -Dbench.password=... -Dbench.rows=N change that.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile -pl agent
./mvnw -q -B dependency:build-classpath -pl agent -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -cp "agent/target/test-classes:agent/target/classes:$(cat agent/target/bench.classpath)" "$@" \
  dev.filecleanup.cleanup.ReferenceQueryBench
