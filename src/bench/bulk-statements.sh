#!/usr/bin/env bash
# Counts the statements of bulk deletes and updates of 10,000 rows (or the first argument) on H2, without and
# with the agent: the difference is the agent's select of the rows a statement touches
# (com.example.uploads.bench.BulkStatementCount in test-app/benchmark).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests package -pl test-app/benchmark -am
uploads=$(mktemp -d)
trap 'rm -rf "$uploads"' EXIT
jar=test-app/benchmark/target/benchmarks.jar
echo "== without the agent"
java -cp "$jar" com.example.uploads.bench.BulkStatementCount "$@" 2>/dev/null
echo "== with the agent"
java -javaagent:"$PWD/agent/target/file-cleanup-agent.jar" -Dfilecleanup.roots="$uploads" \
  -Dfilecleanup.attributes=Document.filePath,Gallery.images -Dfilecleanup.logLevel=warn \
  -cp "$jar" com.example.uploads.bench.BulkStatementCount "$@" 2>/dev/null
