#!/usr/bin/env bash
# The main job, end to end, with no cloud account: builds and installs the plugin, starts its sandbox, runs a
# real Maven release build of the demo project against it, and prints what the sandbox received, checking
# every uploaded file against the file on disk.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvnw="$root/mvnw"
# DEMO_MVN: the Maven that builds the demo project, e.g. target/maven-homes/apache-maven-4.0.0-rc-5/bin/mvn
# (unpacked by ./mvnw -Pmaven-versions verify); the wrapper's by default
demo_mvn="${DEMO_MVN:-$mvnw}"
work="$root/target/demo-run"
rm -rf "$work" && mkdir -p "$work"

echo "==> Building and installing the plugin (tests are run by .ci/run)"
"$mvnw" -B -q install -DskipTests -Dinvoker.skip=true

echo "==> Starting the sandbox"
"$mvnw" -B -q -N dev.worklink:worklink-maven-plugin:0.1.0-SNAPSHOT:sandbox -Dworklink.sandbox.port=0 \
  -Dworklink.sandbox.recordFile="$work/record.jsonl" -Dworklink.sandbox.readyFile="$work/sandbox.url" \
  > "$work/sandbox.log" 2>&1 &
sandbox_pid=$!
trap 'kill $sandbox_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  [ -s "$work/sandbox.url" ] && break
  kill -0 $sandbox_pid 2>/dev/null || { cat "$work/sandbox.log"; echo "The sandbox did not start." >&2; exit 1; }
  sleep 0.5
done
url="$(tr -d '\n' < "$work/sandbox.url")"
echo "    sandbox at $url"

echo "==> Releasing the demo project: mvn deploy (worklink goals are bound to deploy)"
if ! "$demo_mvn" -B -f demo/pom.xml -s demo/settings.xml clean deploy -Dsandbox.url="$url" > "$work/demo-build.log" 2>&1; then
  cat "$work/demo-build.log"; echo "The demo build failed." >&2; exit 1
fi
grep -E "worklink|Attached|Skipped|Linked|Credentials|BUILD" "$work/demo-build.log" || true

java "$root/demo/ShowRecord.java" "$work/record.jsonl" "$root/demo/target" "$root/demo" "$root/demo/src/site" "$root/demo/src/main/extension"
echo "==> Reports: demo/target/worklink/{attach,link,thumbnail,icon,project-image}.json"
