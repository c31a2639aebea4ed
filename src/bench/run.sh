#!/usr/bin/env bash
# Runs the JMH benchmarks of test-app/benchmark without the agent, then with it and each journal (none, file,
# table), and prints each table. Extra arguments go to JMH (for example -f 3 -wi 5 -i 10 for a longer, steadier
# run, or -t 4 for four committing threads, which share the file journal's forced writes).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests package -pl test-app/benchmark -am
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/uploads"
jar=test-app/benchmark/target/benchmarks.jar
agent="-javaagent:$PWD/agent/target/file-cleanup-agent.jar -Dfilecleanup.roots=$work/uploads"
agent="$agent -Dfilecleanup.attributes=Document.filePath -Dfilecleanup.logLevel=warn"
echo "== without the agent"
java -jar "$jar" -foe true "$@" TransactionBenchmark 2>&1 | sed -n '/^Benchmark/,$p'
for journal in none "file:$work/journal" table; do
  echo "== with the agent, filecleanup.journal=${journal%%:*}"
  rm -rf "$work/journal"
  java -jar "$jar" -foe true "$@" \
    -jvmArgsAppend "$agent -Dfilecleanup.journal=$journal -Dfilecleanup.journal.createTable=true" \
    TransactionBenchmark 2>&1 | sed -n '/^Benchmark/,$p'
done
