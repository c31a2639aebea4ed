#!/usr/bin/env bash
# Runs the JMH benchmarks of test-app/benchmark twice, without and with the agent, and prints both tables.
# Extra arguments go to JMH (for example -f 3 -wi 5 -i 10 for a longer, steadier run).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests package -pl test-app/benchmark -am
uploads=$(mktemp -d)
trap 'rm -rf "$uploads"' EXIT
jar=test-app/benchmark/target/benchmarks.jar
echo "== without the agent"
java -jar "$jar" -foe true "$@" TransactionBenchmark 2>&1 | sed -n '/^Benchmark/,$p'
echo "== with the agent"
java -jar "$jar" -foe true "$@" \
  -jvmArgsAppend "-javaagent:$PWD/agent/target/file-cleanup-agent.jar -Dfilecleanup.roots=$uploads -Dfilecleanup.attributes=Document.filePath -Dfilecleanup.logLevel=warn" \
  TransactionBenchmark 2>&1 | sed -n '/^Benchmark/,$p'
