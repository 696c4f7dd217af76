#!/usr/bin/env bash
# Benchmarks of worklink:attach (issues #5, #15): throughput against curl as the receiving server sees it (the Java
# sandbox and bench/receiver.py, a Python one), memory against file size, parallel uploads,
# overhead against plain Maven, token and connection reuse (and the attachAtEnd upload phase). Each figure is taken
# side by side with its reference in the same run, against the sandbox running as its own JVM on loopback.
#
#   bench/run.sh                 the full run (about 4 minutes on 2 cores): prints the table, writes bench/RESULTS.md
#                                (with bench/ANALYSIS.md, the hand-written profile of the missed targets, appended)
#   BENCH_QUICK=1 bench/run.sh   small sizes and fewer runs, to check the script (writes bench/target/RESULTS-quick.md)
#
# Other knobs: BENCH_SKIP_INSTALL=1 (use the plugin already in the local repository), BENCH_PROFILE=1 (record the
# plugin's throughput runs with JFR and summarize their top frames in bench/target/profile.txt),
# BENCH_MVN=/path/to/mvn (default: the Maven Wrapper), BENCH_M2_REPO (default: ~/.m2/repository),
# BENCH_THROUGHPUT_RUNS (default 5: plugin and curl runs per receiver in #1; at least 3), BENCH_SECTIONS (e.g. "1 3":
# run only those sections, and write bench/target/RESULTS-sections.md instead of bench/RESULTS.md).
#
# Needs: JDK 17+, curl (the reference uploader), python3 (bench/receiver.py, a receiver not written in Java), GNU time (/usr/bin/time -v, for peak memory), awk, truncate.
# As root on Debian/Ubuntu, missing curl and time are installed with apt-get. CI does not run this.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
work="$bench/target"
mvn="${BENCH_MVN:-$root/mvnw}"
m2="${BENCH_M2_REPO:-$HOME/.m2/repository}"
quick="${BENCH_QUICK:-0}"
version="0.1.0-SNAPSHOT"
started=$(date +%s)
want() { [ -z "${BENCH_SECTIONS:-}" ] || [[ " $BENCH_SECTIONS " == *" $1 "* ]]; }

MiB=$((1024 * 1024))
if [ "$quick" = 1 ]; then
  big=$((64 * MiB)); big_label="64 MiB"; mid=$((32 * 1000 * 1000)); mid_label="32 MB"
  throughput_runs=2; memory_runs=1; parallel_runs=1; overhead_runs=3
  results="$work/RESULTS-quick.md"
else
  big=$((1024 * MiB)); big_label="1 GiB"; mid=$((200 * 1000 * 1000)); mid_label="200 MB"
  throughput_runs=${BENCH_THROUGHPUT_RUNS:-5}; memory_runs=1; parallel_runs=3; overhead_runs=5
  results="$bench/RESULTS.md"
fi
if [ -n "${BENCH_SECTIONS:-}" ]; then results="$work/RESULTS-sections.md"; fi
small=$((10 * 1000 * 1000)); small_label="10 MB"
parallel_files=40; parallel_size=$MiB; latency_ms=100
multi_modules=10; multi_size=$MiB

project_id=0123456789abcdef0123456789abcb01
issue_id=956239067176935501
token=sandbox-ready-token-0000000000000000

# ---------------------------------------------------------------------------------------------------------------
# tools

need() { # need PROGRAM PACKAGE: a program on the PATH (or an absolute path), installed with apt-get if missing and root
  have() { case "$1" in /*) [ -x "$1" ] ;; *) command -v "$1" >/dev/null 2>&1 ;; esac; }
  have "$1" && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing $2 (for $1)"
    apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null
  fi
  have "$1" || { echo "bench/run.sh needs $1 (package $2)." >&2; exit 1; }
}
need curl curl
need /usr/bin/time time
command -v java >/dev/null 2>&1 || { echo "bench/run.sh needs a JDK 17 or later (java on the PATH)." >&2; exit 1; }
command -v awk >/dev/null 2>&1 || { echo "bench/run.sh needs awk." >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || { echo "bench/run.sh needs python3 (the receiver not written in Java, bench/receiver.py)." >&2; exit 1; }
/usr/bin/time -v true >/dev/null 2>&1 || { echo "bench/run.sh needs GNU time at /usr/bin/time (package time)." >&2; exit 1; }
# Figures from a clean Maven: no options from the caller's environment.
unset MAVEN_OPTS MAVEN_ARGS

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -1; }
# json_field FILE NAME: every value of a numeric or string field of a JSON document, one per line
json_field() { grep -oE "\"$2\" *: *(\"[^\"]*\"|[-0-9.eE+]+)" "$1" | sed -E 's/^"[^"]*" *: *"?//; s/"$//'; }
# log_seconds LOG PATTERN: the time of day, in seconds, of the first log line matching PATTERN (HH:mm:ss.SSS prefix)
log_seconds() { grep -m1 -E "$2" "$1" | awk '{ split($1, t, ":"); printf "%.3f", t[1] * 3600 + t[2] * 60 + t[3] }'; }
# sandbox_cpu: CPU seconds the sandbox process has used so far (user + system)
sandbox_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$sandbox_pid/stat"; }

admin() { # admin METHOD PATH [JSON]
  if [ $# -ge 3 ]; then
    curl -sS -f -X "$1" -H 'Content-Type: application/json' --data "$3" "$url$2"
  else
    curl -sS -f -X "$1" "$url$2"
  fi
}
stat_of() { admin GET /__sandbox/stats | grep -oE "\"$1\" *: *[0-9]+" | grep -oE '[0-9]+$'; }

# maven LOG ARGS...: one Maven build, its log kept; a failed build stops the benchmarks with its log
maven() {
  local log="$1"; shift
  if ! "$mvn" -B -ntp -s "$bench/settings.xml" -Dsandbox.url="$url" \
      -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
      "$@" > "$log" 2>&1; then
    tail -40 "$log" >&2
    echo "A benchmark build failed; its log: $log" >&2
    exit 1
  fi
}

# upload LOG REPORT ARGS...: worklink:attach of the single-module bench project
upload() {
  local log="$1" report="$2"; shift 2
  maven "$log" -f "$bench/projects/upload/pom.xml" worklink:attach -Dworklink.reportFile="$report" \
    -Dworklink.skipExisting=false "$@"
}

uploaded_count() { json_field "$1" status | grep -c '^uploaded$' || true; }

# ---------------------------------------------------------------------------------------------------------------
# the plugin, the sandbox, the files

mkdir -p "$work/logs" "$work/reports" "$work/files"
rm -f "$work"/logs/* "$work"/reports/*

source_state="installed from the local repository (BENCH_SKIP_INSTALL=1)"
if [ "${BENCH_SKIP_INSTALL:-0}" != 1 ] && git -C "$root" rev-parse --short HEAD >/dev/null 2>&1; then
  changed=$(git -C "$root" status --porcelain -- src pom.xml | wc -l)
  source_state="built from commit $(git -C "$root" rev-parse --short HEAD)"
  if [ "$changed" -gt 0 ]; then source_state="$source_state with $changed uncommitted file(s) under src/ and pom.xml"; fi
fi
if [ "${BENCH_SKIP_INSTALL:-0}" != 1 ]; then
  echo "==> Building and installing the plugin (./mvnw -B -q install -DskipTests -Dinvoker.skip=true, on a copy in bench/target/plugin-build)"
  # A copy of the sources with its own target/, so that the benchmark does not touch target/ of a build running beside it.
  rm -rf "$work/plugin-build" && mkdir -p "$work/plugin-build"
  cp -r "$root/pom.xml" "$root/mvnw" "$root/.mvn" "$root/src" "$work/plugin-build/"
  (cd "$work/plugin-build" && ./mvnw -B -q install -DskipTests -Dinvoker.skip=true)
fi
plugin_jar="$m2/dev/worklink/worklink-maven-plugin/$version/worklink-maven-plugin-$version.jar"
[ -f "$plugin_jar" ] || { echo "The plugin is not installed at $plugin_jar." >&2; exit 1; }

echo "==> Resolving the sandbox's classpath (the installed plugin jar and Jackson)"
(cd "$root" && "$root/mvnw" -B -q -N dependency:build-classpath -Dmdep.outputFile="$work/jackson.cp" \
  -DincludeGroupIds=com.fasterxml.jackson.core > "$work/logs/classpath.log" 2>&1) \
  || { cat "$work/logs/classpath.log" >&2; exit 1; }
sandbox_cp="$plugin_jar:$(cat "$work/jackson.cp")"

echo "==> Starting the sandbox in its own JVM"
rm -f "$work/sandbox.url"
java -cp "$sandbox_cp" dev.worklink.sandbox.SandboxMain --port 0 --attachment-limit $((2 * 1024 * MiB)) \
  --ready-file "$work/sandbox.url" --quiet > "$work/logs/sandbox.log" 2>&1 &
sandbox_pid=$!
trap 'kill $sandbox_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  [ -s "$work/sandbox.url" ] && break
  kill -0 $sandbox_pid 2>/dev/null || { cat "$work/logs/sandbox.log" >&2; echo "The sandbox did not start." >&2; exit 1; }
  sleep 0.2
done
url="$(tr -d '\n' < "$work/sandbox.url")"
upload_url="$url/v1/ipdprojectservice/projects/$project_id/issues/$issue_id/attachments/upload"
echo "    $url (pid $sandbox_pid)"

echo "==> Starting the Python receiver (bench/receiver.py)"
rm -f "$work/receiver.url"
python3 "$bench/receiver.py" --ready-file "$work/receiver.url" > "$work/logs/receiver.log" 2>&1 &
receiver_pid=$!
trap 'kill $sandbox_pid $receiver_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  [ -s "$work/receiver.url" ] && break
  kill -0 $receiver_pid 2>/dev/null || { cat "$work/logs/receiver.log" >&2; echo "The Python receiver did not start." >&2; exit 1; }
  sleep 0.2
done
receiver_url="$(tr -d '\n' < "$work/receiver.url")"
echo "    $receiver_url (pid $receiver_pid)"

echo "==> Making sparse files in bench/target/files"
f_big="$work/files/big-$big.bin"; f_small="$work/files/small-$small.bin"
f_mid="$work/files/mid-$mid.bin"
[ "$(stat -c %s "$f_big" 2>/dev/null || echo 0)" = "$big" ] || { rm -f "$work"/files/big-*.bin; truncate -s "$big" "$f_big"; }
rm -f "$work"/files/again-*.bin
truncate -s "$small" "$f_small"
[ "$(stat -c %s "$f_mid" 2>/dev/null || echo 0)" = "$mid" ] || { rm -f "$work"/files/mid-*.bin; truncate -s "$mid" "$f_mid"; }
mkdir -p "$work/files/parallel" "$work/files/multi"
parallel_list=""
for i in $(seq -w 1 $parallel_files); do
  truncate -s $parallel_size "$work/files/parallel/part-$i.bin"
  parallel_list="$parallel_list${parallel_list:+,}$work/files/parallel/part-$i.bin"
done
for i in $(seq -w 1 $multi_modules); do truncate -s $multi_size "$work/files/multi/bench-m$i.zip"; done

echo "==> Warming up (page cache, the sandbox's JIT): not measured"
maven "$work/logs/warmup-validate.log" -f "$bench/projects/upload/pom.xml" validate
curl -sS -f -o /dev/null -H "X-Auth-Token: $token" -H 'Expect:' -F "attachment=@$f_big" "$upload_url"
# A sparse file's first read fills the page cache with fresh pages, which is slow on a VM: not what is measured.
cat "$f_mid" > /dev/null
upload "$work/logs/warmup-attach.log" "$work/reports/warmup.json" -Dworklink.serverId=codearts-token \
  -Dworklink.files="$f_small"
admin POST /__sandbox/reset >/dev/null

rows=()
details=()
row() { rows+=("| $1 | $2 | $3 | $4 | $5 | $6 | **$7** |"); }
verdict() { awk "BEGIN { exit !($1) }" && echo PASS || echo MISS; }

# ---------------------------------------------------------------------------------------------------------------
if want 1; then
echo "==> 1. Throughput as the server sees it: $mid_label, worklink:attach against curl -F, alternating, $throughput_runs runs each, on the Java sandbox and on the Python receiver"
# Each receiver times a request from its parsed headers to its last body byte (the sandbox's bodyNanos, the Python
# receiver's bodyNanos): what a service sees of an upload, whatever the client's own clock says. The Python receiver
# also records the CPU each thread of the Maven JVM used in that window (its /__receiver/watch); curl's CPU is its
# whole process (/usr/bin/time), which is nothing but the transfer.
sandbox_body_seconds() { admin GET /__sandbox/record | grep -oE '"bodyNanos" *: *[0-9]+' | grep -oE '[0-9]+$' | sort -n | tail -1 | awk '{ printf "%.3f", $1 / 1e9 }'; }
receiver_last() { # receiver_last FIELD: bodySeconds or clientCpu of the last request the Python receiver recorded
  curl -sS -f "$receiver_url/__receiver/record" | python3 -c "import json, sys
r = json.load(sys.stdin)[-1]
print('%.3f' % (r['bodyNanos'] / 1e9) if '$1' == 'bodySeconds' else '%.2f' % sum(r.get('clientThreadCpu', {}).values()))"
}
declare -A served_plugin served_curl served_transfer cpu_plugin cpu_curl
for target in sandbox receiver; do
  served_plugin[$target]=""; served_curl[$target]=""; served_transfer[$target]=""; cpu_plugin[$target]=""; cpu_curl[$target]=""
done
for target in sandbox receiver; do
  if [ $target = sandbox ]; then target_url="$url"; else target_url="$receiver_url"; fi
  for run in $(seq 1 $throughput_runs); do
    admin POST /__sandbox/reset >/dev/null; curl -sS -f -X POST "$receiver_url/__receiver/reset" >/dev/null
    report="$work/reports/throughput-$target-$run.json"; log="$work/logs/throughput-$target-plugin-$run.log"
    opts=""
    if [ "${BENCH_PROFILE:-0}" = 1 ]; then
      opts="-XX:StartFlightRecording=filename=$work/throughput-$target-$run.jfr,settings=profile"
    fi
    # In the background, to tell the Python receiver which process to watch (mvn execs the JVM: $! is its pid).
    MAVEN_OPTS="$opts" "$mvn" -B -ntp -s "$bench/settings.xml" -Dsandbox.url="$target_url" \
      -f "$bench/projects/upload/pom.xml" worklink:attach -Dworklink.reportFile="$report" -Dworklink.skipExisting=false \
      -Dworklink.serverId=codearts-token -Dworklink.parallelUploads=1 -Dworklink.files="$f_mid" -Dworklink.maxFileSize=2GB \
      > "$log" 2>&1 &
    jvm=$!
    curl -sS -f -X POST "$receiver_url/__receiver/watch?pid=$jvm" >/dev/null
    wait $jvm || { tail -40 "$log" >&2; echo "A benchmark build failed; its log: $log" >&2; exit 1; }
    curl -sS -f -X POST "$receiver_url/__receiver/watch" >/dev/null
    [ "$(uploaded_count "$report")" = 1 ] || { echo "The plugin did not upload the file: $report" >&2; exit 1; }
    if [ $target = sandbox ]; then p=$(sandbox_body_seconds); else p=$(receiver_last bodySeconds); cpu_plugin[$target]="${cpu_plugin[$target]} $(receiver_last clientCpu)"; fi
    served_plugin[$target]="${served_plugin[$target]} $p"
    served_transfer[$target]="${served_transfer[$target]} $(calc "%.3f" "$(json_field "$report" transferSeconds)")"

    admin POST /__sandbox/reset >/dev/null; curl -sS -f -X POST "$receiver_url/__receiver/reset" >/dev/null
    # Expect: off, as HttpClient sends the body at once too (no 100-continue round trip)
    /usr/bin/time -f '%U %S' -o "$work/logs/throughput-$target-curl-$run.time" \
      curl -sS -f -o /dev/null -H "X-Auth-Token: $token" -H 'Expect:' -F "attachment=@$f_mid" \
      "$target_url/v1/ipdprojectservice/projects/$project_id/issues/$issue_id/attachments/upload"
    if [ $target = sandbox ]; then c=$(sandbox_body_seconds); else c=$(receiver_last bodySeconds); fi
    served_curl[$target]="${served_curl[$target]} $c"
    cpu_curl[$target]="${cpu_curl[$target]} $(awk '{ printf "%.2f", $1 + $2 }' "$work/logs/throughput-$target-curl-$run.time")"
    echo "    $target, run $run: plugin ${p} s, curl ${c} s (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done
gib_of_mid=$(calc "%.6f" "$mid / 1073741824")
for target in sandbox receiver; do
  p=$(echo "${served_plugin[$target]}" | median); c=$(echo "${served_curl[$target]}" | median)
  ratio=$(calc "%.2f" "$c / $p")
  if [ $target = sandbox ]; then
    row 1a "Throughput as the server sees it: one $mid_label file, the Java sandbox (token mode, parallelUploads=1)" \
      "plugin ≥ 0.9 × curl, medians of $throughput_runs" \
      "plugin **$(calc "%.0f" "$mid / $p / 1e6") MB/s** ($p s)" "curl -F **$(calc "%.0f" "$mid / $c / 1e6") MB/s** ($c s)" \
      "$ratio ×" "$(verdict "$ratio >= 0.9")"
  else
    pc=$(echo "${cpu_plugin[$target]}" | median); cc=$(echo "${cpu_curl[$target]}" | median)
    row 1b "Throughput as the server sees it: one $mid_label file, a Python receiver (bench/receiver.py)" \
      "plugin ≥ 0.9 × curl, medians of $throughput_runs" \
      "plugin **$(calc "%.0f" "$mid / $p / 1e6") MB/s** ($p s); CPU $(calc "%.2f" "$pc / $gib_of_mid") s/GiB" \
      "curl -F **$(calc "%.0f" "$mid / $c / 1e6") MB/s** ($c s); CPU $(calc "%.2f" "$cc / $gib_of_mid") s/GiB" \
      "$ratio ×" "$(verdict "$ratio >= 0.9")"
  fi
done
details+=("- Throughput (1a, 1b): seconds from the receiver's parsed request headers to the last body byte it read, per run"
  "  (plugin and curl alternating): Java sandbox: plugin${served_plugin[sandbox]}; curl${served_curl[sandbox]}."
  "  Python receiver: plugin${served_plugin[receiver]}; curl${served_curl[receiver]}. MB/s = $mid bytes / the median."
  "  The plugin's own transferSeconds (connection to response) in the same runs: sandbox${served_transfer[sandbox]};"
  "  receiver${served_transfer[receiver]}. CPU seconds per run: plugin = every thread of the Maven JVM between the"
  "  Python receiver's headers and last byte${cpu_plugin[receiver]}; curl = the whole curl process${cpu_curl[receiver]}"
  "  (against the sandbox:${cpu_curl[sandbox]}). s/GiB = the median / $gib_of_mid GiB. The sandbox parses and SHA-256-hashes"
  "  every byte it reads, 8 KiB a read; the Python receiver only reads, 1 MiB a read.")
fi

# ---------------------------------------------------------------------------------------------------------------
if want 2; then
echo "==> 2. Memory: peak RSS of the Maven JVM (MAVEN_OPTS=-Xmx64m) uploading $small_label and $big_label"
rss_of() { # rss_of LABEL FILE RUN -> KiB
  local report="$work/reports/memory-$1-$3.json" log="$work/logs/memory-$1-$3.log"
  admin POST /__sandbox/reset >/dev/null
  MAVEN_OPTS=-Xmx64m /usr/bin/time -v -o "$work/logs/memory-$1-$3.time" \
    "$mvn" -B -ntp -s "$bench/settings.xml" -Dsandbox.url="$url" -f "$bench/projects/upload/pom.xml" worklink:attach \
    -Dworklink.reportFile="$report" -Dworklink.skipExisting=false -Dworklink.serverId=codearts-token \
    -Dworklink.files="$2" -Dworklink.maxFileSize=2GB > "$log" 2>&1 || { tail -40 "$log" >&2; echo "Failed: $log" >&2; exit 1; }
  [ "$(uploaded_count "$report")" = 1 ] || { echo "The plugin did not upload $2: $report" >&2; exit 1; }
  grep 'Maximum resident set size' "$work/logs/memory-$1-$3.time" | grep -oE '[0-9]+$'
}
rss_small=""; rss_big=""
for run in $(seq 1 $memory_runs); do
  rss_small="$rss_small $(rss_of small "$f_small" "$run")"
  rss_big="$rss_big $(rss_of big "$f_big" "$run")"
done
ks=$(echo "$rss_small" | maximum); kb=$(echo "$rss_big" | maximum)
ms=$(calc "%.0f" "$ks / 1024"); mb=$(calc "%.0f" "$kb / 1024"); delta=$(calc "%.0f" "($kb - $ks) / 1024")
echo "    $small_label: $ms MiB, $big_label: $mb MiB"
row 2 "Memory: peak RSS of the Maven JVM, \`-Xmx64m\`" "$big_label − $small_label < 32 MiB; both succeed" \
  "$big_label: **$mb MiB**" "$small_label: **$ms MiB**" "Δ $delta MiB" "$(verdict "$delta < 32")"
details+=("- Memory: \"Maximum resident set size\" of \`/usr/bin/time -v\` around the whole \`mvn worklink:attach\` (the Maven JVM;"
  "  the sandbox is another process). KiB, per run: $small_label$rss_small; $big_label$rss_big.")
fi

# ---------------------------------------------------------------------------------------------------------------
if want 3; then
echo "==> 3. Parallel uploads: $parallel_files files of 1 MiB, ${latency_ms} ms latency per request, parallelUploads 1, 4, 8"
declare -A phase
for n in 1 4 8; do
  times=""
  for run in $(seq 1 $parallel_runs); do
    admin POST /__sandbox/reset >/dev/null
    admin POST /__sandbox/misbehave "{\"latencyMillis\":$latency_ms,\"count\":100000}" >/dev/null
    report="$work/reports/parallel-$n-$run.json"; log="$work/logs/parallel-$n-$run.log"
    upload "$log" "$report" -Dworklink.serverId=codearts-token -Dworklink.files="$parallel_list" \
      -Dworklink.parallelUploads=$n
    [ "$(uploaded_count "$report")" = $parallel_files ] || { echo "Not every file was uploaded: $report" >&2; exit 1; }
    # The upload phase, by the plugin's own log clock: from its credentials line (inputs checked, nothing sent yet)
    # to the last "Attached" line (the last upload answered); the report is written after.
    t0=$(log_seconds "$log" '\[INFO\] Credentials: ')
    t1=$(grep -E '\[INFO\] Attached ' "$log" | tail -1 | awk '{ split($1, t, ":"); printf "%.3f", t[1] * 3600 + t[2] * 60 + t[3] }')
    t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { d = b - a; if (d < 0) d += 86400; printf "%.2f", d }')
    times="$times $t"
  done
  phase[$n]=$(echo "$times" | median)
  details+=("- Parallel, parallelUploads=$n: upload phase, seconds per run:$times.")
  echo "    parallelUploads=$n: ${phase[$n]} s (runs:$times)"
done
speedup=$(calc "%.1f" "${phase[1]} / ${phase[8]}")
row 3 "Parallel: $parallel_files × 1 MiB, ${latency_ms} ms sandbox latency per request" "parallelUploads 8 ≥ 5 × faster than 1" \
  "8: **${phase[8]} s** (4: ${phase[4]} s)" "1: **${phase[1]} s**" "$speedup ×" "$(verdict "$speedup >= 5")"
details+=("  Upload phase = from the plugin's \"Credentials:\" log line to its last \"Attached\" line (log timestamps, ms);"
  "  the floor is $parallel_files × ${latency_ms} ms / parallelUploads: $(calc "%.1f" "$parallel_files * $latency_ms / 1000") s, $(calc "%.1f" "$parallel_files * $latency_ms / 4000") s, $(calc "%.1f" "$parallel_files * $latency_ms / 8000") s.")
admin POST /__sandbox/reset >/dev/null
fi

# ---------------------------------------------------------------------------------------------------------------
if want 4; then
echo "==> 4. Overhead: mvn worklink:attach -Dworklink.dryRun against mvn validate, $overhead_runs runs each, alternating"
validate_times=""; dry_times=""
requests_before=$(stat_of requests)
for run in $(seq 1 $overhead_runs); do
  t0=$(now); maven "$work/logs/overhead-validate-$run.log" -f "$bench/projects/upload/pom.xml" validate; t1=$(now)
  validate_times="$validate_times $(elapsed "$t0" "$t1")"
  t0=$(now)
  maven "$work/logs/overhead-dryrun-$run.log" -f "$bench/projects/upload/pom.xml" worklink:attach -Dworklink.dryRun=true \
    -Dworklink.reportFile="$work/reports/overhead-$run.json"
  t1=$(now)
  dry_times="$dry_times $(elapsed "$t0" "$t1")"
  [ "$(json_field "$work/reports/overhead-$run.json" status | grep -c '^dry-run$')" = 1 ] \
    || { echo "The dry run did not plan the upload" >&2; exit 1; }
done
[ "$(stat_of requests)" = "$requests_before" ] || { echo "A dry run sent a request" >&2; exit 1; }
v=$(echo "$validate_times" | median); d=$(echo "$dry_times" | median)
over=$(calc "%.2f" "$d - $v")
row 4 "Overhead: \`mvn worklink:attach -Dworklink.dryRun\` (IAM password server)" "at most 0.5 s more than \`mvn validate\`, medians of $overhead_runs" \
  "dry run **$(calc "%.2f" "$d") s**" "validate **$(calc "%.2f" "$v") s**" "+$over s" "$(verdict "$over <= 0.5")"
details+=("- Overhead: wall time of the whole mvn command (JVM start included), seconds per run: validate$validate_times;"
  "  dry run$dry_times. The dry run sent no request (the sandbox's request count did not move).")
fi

# ---------------------------------------------------------------------------------------------------------------
if want 5; then
echo "==> 5. Token and connection reuse: a $multi_modules-module build, IAM password credentials"
multi() { # multi LABEL ARGS... -> "iamCalls connections requests uploaded"
  admin POST /__sandbox/reset >/dev/null
  maven "$work/logs/reuse-$1.log" -f "$bench/projects/multi/pom.xml" worklink:attach -Dbench.files.dir="$work/files/multi" \
    -Dworklink.reportFile="$work/reports/reuse-$1.json" "${@:2}"
  local up; up=$(grep -c '\[INFO\] Attached bench-m' "$work/logs/reuse-$1.log" || true)
  echo "$(stat_of iamCalls) $(stat_of connectionsAccepted) $(stat_of requests) $up"
}
read -r iam_end conn_end req_end up_end <<< "$(multi at-end -Dworklink.attachAtEnd=true)"
read -r iam_each conn_each req_each up_each <<< "$(multi per-module -Dworklink.attachAtEnd=false)"
echo "    attachAtEnd: $up_end uploads, $iam_end IAM call(s), $conn_end connection(s); per module: $up_each uploads, $iam_each IAM call(s), $conn_each connection(s)"
row 5 "Reuse: $multi_modules modules, \`attachAtEnd\`, IAM password" "1 IAM call; connections ≤ parallelUploads (4) for $multi_modules uploads" \
  "**$iam_end** IAM call, **$conn_end** connections, $up_end uploads" \
  "without attachAtEnd: $iam_each IAM call, $conn_each connection(s), $up_each uploads" "$up_end uploads / $conn_end conn." \
  "$(verdict "$iam_end == 1 && $conn_end <= 4 && $up_end == $multi_modules && $iam_each == 1 && $up_each == $multi_modules")"
details+=("- Reuse: the sandbox's \`/__sandbox/stats\` after each build (connections = distinct client ports of service calls)."
  "  attachAtEnd: $req_end requests ($up_end uploads + IAM); without it, modules upload one after another: $req_each requests.")
fi

if want 6; then
echo "==> 6. attachAtEnd upload phase: $multi_modules modules, ${latency_ms} ms latency per upload, parallelUploads 4 against 1"
declare -A end_phase
for n in 1 4; do
  admin POST /__sandbox/reset >/dev/null
  # on uploads only: the one IAM call before them would add the same 100 ms to both figures
  admin POST /__sandbox/misbehave "{\"pathContains\":\"/attachments/upload\",\"latencyMillis\":$latency_ms,\"count\":100000}" >/dev/null
  log="$work/logs/at-end-parallel-$n.log"
  maven "$log" -f "$bench/projects/multi/pom.xml" worklink:attach -Dbench.files.dir="$work/files/multi" \
    -Dworklink.reportFile="$work/reports/at-end-parallel-$n.json" -Dworklink.attachAtEnd=true -Dworklink.parallelUploads=$n
  [ "$(grep -c '\[INFO\] Attached bench-m' "$log")" = $multi_modules ] || { echo "Not every module's file was uploaded: $log" >&2; exit 1; }
  # from "this is the last module" to the last "Attached" line
  t0=$(log_seconds "$log" 'attachAtEnd: this is the last module')
  t1=$(grep -E '\[INFO\] Attached ' "$log" | tail -1 | awk '{ split($1, t, ":"); printf "%.3f", t[1] * 3600 + t[2] * 60 + t[3] }')
  end_phase[$n]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { d = b - a; if (d < 0) d += 86400; printf "%.2f", d }')
  echo "    parallelUploads=$n: ${end_phase[$n]} s"
done
admin POST /__sandbox/reset >/dev/null
end_speedup=$(calc "%.1f" "${end_phase[1]} / ${end_phase[4]}")
row 6 "Extra (not in the issue): the attachAtEnd upload phase, $multi_modules modules × 1 file, ${latency_ms} ms latency per upload" \
  "parallelUploads 4 ≥ 2 × faster than 1 (ideal $multi_modules / $(( (multi_modules + 3) / 4 )) round trips = 3.3 ×; #3 asks 5 × of an ideal 8 ×, the same share)" \
  "4: **${end_phase[4]} s**" "1: **${end_phase[1]} s**" "$end_speedup ×" "$(verdict "$end_speedup >= 2")"
details+=("- attachAtEnd phase: from the \"this is the last module\" log line to the last \"Attached\" line; same build, IAM password.")
fi

# ---------------------------------------------------------------------------------------------------------------
total=$(( $(date +%s) - started ))
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  {
    for f in "$work"/throughput-*.jfr; do
      echo "== $f: top frames of jdk.ExecutionSample (Java code on CPU)"
      jfr print --events jdk.ExecutionSample "$f" | grep -A1 'stackTrace = \[' | grep -vE 'stackTrace|^--' \
        | sed -E 's/line:.*//; s/^ +//' | sort | uniq -c | sort -rn | head -15
      echo "== $f: top frames of jdk.NativeMethodSample (threads in native code)"
      jfr print --events jdk.NativeMethodSample "$f" | grep -A1 'stackTrace = \[' | grep -vE 'stackTrace|^--' \
        | sed -E 's/line:.*//; s/^ +//' | sort | uniq -c | sort -rn | head -10
    done
  } > "$work/profile.txt"
  echo "==> JFR summary: $work/profile.txt"
fi

maven_version=$("$mvn" -v 2>/dev/null | head -1 | sed 's/ (.*//')
java_version=$(java -version 2>&1 | head -1)
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown)
table=$(
  echo "| # | benchmark | target | measured | reference (same run) | ratio | result |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
)
{
  echo "# Benchmarks"
  echo
  echo "Generated by \`bench/run.sh\`$( [ "$quick" = 1 ] && echo ' (BENCH_QUICK=1: small sizes, not the reference run)') on $(date -u +%Y-%m-%dT%H:%MZ)."
  echo "Machine: $(nproc) cores ($cpu), $(free -g 2>/dev/null | awk '/^Mem:/ { print $2 " GiB" }') memory; $java_version; $maven_version; $(curl --version | head -1 | cut -d' ' -f1-2)."
  echo "Plugin $version $source_state."
  echo "The sandbox runs as its own JVM (\`SandboxMain\`) on 127.0.0.1; the plugin runs in a fresh \`mvn\` for every figure. Whole run: ${total} s."
  echo
  echo "$table"
  echo
  echo "## How each figure was taken"
  echo
  printf '%s\n' "${details[@]}"
  echo "- Logs and reports of every build: \`bench/target/logs\`, \`bench/target/reports\`."
  if [ -f "$bench/ANALYSIS.md" ] && [ "$quick" != 1 ]; then
    echo
    cat "$bench/ANALYSIS.md"
  fi
} > "$results"

echo
echo "$table"
echo
echo "Written to ${results#"$root"/} (${total} s)."
