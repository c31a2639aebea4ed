#!/usr/bin/env bash
# Builds the agent and the test application, then runs the demo with the agent attached:
# an upload folder listed after each step (upload, replace, delete, rollback) beside the agent's log.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests package -pl test-app/jpa -am
uploads=$(mktemp -d)
trap 'rm -rf "$uploads"' EXIT
java -javaagent:agent/target/file-cleanup-agent.jar \
  -Dfilecleanup.roots="$uploads" \
  -Dfilecleanup.attributes=Document.filePath \
  -cp "test-app/jpa/target/classes:$(cat test-app/jpa/target/runtime-classpath.txt)" \
  com.example.uploads.Demo "$uploads" 2>&1
