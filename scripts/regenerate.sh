#!/usr/bin/env bash
# scripts/regenerate.sh: rewrite the files generated from the command model and the compiled classes
# (src/main/java/dev/litectl/cli/CommandModels.java, completions/litectl.{bash,zsh} and the report classes'
# native-image reflection config), then run the tests
# that check them. Run it after adding or changing a command, an option or a JSON report class, and commit.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B ${MVN_OFFLINE:-} test -Dtest='CommandModelsTest,CompletionCommandTest,NativeMetadataTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlitectl.regenerate=true
mvn -q -B ${MVN_OFFLINE:-} test -Dtest='CommandModelsTest,CompletionCommandTest,NativeMetadataTest' -Dsurefire.failIfNoSpecifiedTests=false
git status --short completions src/main/resources/META-INF/native-image src/main/java/dev/litectl/cli/CommandModels.java
