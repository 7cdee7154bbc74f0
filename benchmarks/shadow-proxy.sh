#!/usr/bin/env bash
# shadow-proxy side by side with nginx (issue 18, "Benchmark"): GET /v1/orders/1001 through each proxy in front of
# fixed-response upstreams on 127.0.0.1, so the figures measure the proxies. The upstreams answer the same canned
# order: nginx `return 200` as REST, a grpc-java GetOrder as the gRPC side (benchmarks/shadow-stubs, derived from the
# sample app's contract by the engine so that the proxy's verdict is 100 % parity). wrk runs on core WRK_CPU, every
# server on core SERVER_CPU. Scenarios, interleaved ROUNDS times after a warm-up, medians reported: the REST stub
# directly; nginx as a plain reverse proxy; nginx `mirror` to a REST candidate; shadow-proxy at 100 % and at 10 %;
# nginx `mirror` to a candidate answering after SLOW_MS; shadow-proxy at 100 % with a gRPC side answering after
# SLOW_MS. `soak` instead loads one shadow-proxy at 100 % at a moderate rate for SOAK_SECONDS and reads its heap
# after a full GC each minute. Not part of .ci/run. On a machine shared with builds, run it under the build lock.
#   bash benchmarks/shadow-proxy.sh          # CONNECTIONS=50 DURATION=15 ROUNDS=3 WARMUP=60: about 10 minutes
#   bash benchmarks/shadow-proxy.sh soak     # SOAK_SECONDS=300 SOAK_CONNECTIONS=8 SOAK_DELAY_MS=3
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-bench}"
CONNECTIONS="${CONNECTIONS:-50}"
DURATION="${DURATION:-15}"
ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP:-60}"                # per shadow-proxy (JIT); nginx targets get NGINX_WARMUP
NGINX_WARMUP="${NGINX_WARMUP:-3}"
SLOW_MS="${SLOW_MS:-500}"
SOAK_SECONDS="${SOAK_SECONDS:-300}"
SOAK_CONNECTIONS="${SOAK_CONNECTIONS:-8}"
SOAK_DELAY_MS="${SOAK_DELAY_MS:-3}"   # each connection waits this long before its next request: a moderate rate
WRK_CPU="${WRK_CPU:-0}"
SERVER_CPU="${SERVER_CPU:-1}"
MVN="${MVN:-./mvnw -o -B -ntp -q}"
DESCRIPTOR_SET="${DESCRIPTOR_SET:-sample-legacy-app/target/classes/META-INF/rest2grpc/descriptor-set.binpb}"
PROXY_JAR="${PROXY_JAR:-shadow-proxy/target/shadow-proxy.jar}" # another jar: one built elsewhere from a known commit
PATH_UNDER_TEST="/v1/orders/1001"

for tool in nginx wrk taskset jq curl jcmd python3; do
  command -v "$tool" > /dev/null || { echo "$tool is missing (apt-get install nginx wrk jq curl)" >&2; exit 2; }
done
[[ "$MODE" == bench || "$MODE" == soak ]] || { echo "usage: $0 [bench|soak]" >&2; exit 2; }

work="$(mktemp -d /tmp/shadow-proxy-bench.XXXXXX)"
chmod 755 "$work" # nginx workers run as nobody
pids=()
jvms=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

if [[ ! -f "$PROXY_JAR" || ! -f "$DESCRIPTOR_SET" ]]; then # the defaults: this work tree's
  $MVN -pl shadow-proxy -am package -DskipTests -Dinvoker.skip=true
fi
$MVN -f benchmarks/shadow-stubs/pom.xml package
# copies: a rebuild during the run must not change what is measured
cp "$PROXY_JAR" "$work/shadow-proxy.jar"
cp benchmarks/shadow-stubs/target/shadow-stubs.jar "$work/shadow-stubs.jar"
cp "$DESCRIPTOR_SET" "$work/descriptor-set.binpb"
stubs=(java -cp "$work/shadow-stubs.jar:$work/shadow-proxy.jar")
on_server=(taskset -c "$SERVER_CPU")

free_ports() { # free_ports N: N distinct free ports of 127.0.0.1
  python3 -c 'import socket,sys
s=[socket.socket() for _ in range(int(sys.argv[1]))]
for x in s: x.bind(("127.0.0.1",0))
print(" ".join(str(x.getsockname()[1]) for x in s))' "$1"
}
read -r REST CAND CAND_STATUS SLOW_REST GRPC GRPC_SLOW PLAIN MIRROR MIRROR_SLOW SP100 SP100_ADMIN SP10 SP10_ADMIN \
  SP_SLOW SP_SLOW_ADMIN <<< "$(free_ports 15)"

start() { # start NAME command...: in the background on the servers' core, output to NAME.log
  local name=$1; shift
  "${on_server[@]}" "$@" > "$work/$name.log" 2>&1 &
  pids+=($!)
}

start_jvm() { # start_jvm NAME command...: start, and remember it among the JVMs
  start "$@"
  jvms+=("${pids[-1]}")
}

jvm_affinity() { # jvm_affinity CPUS: move every JVM started, all its threads, to these cores
  local pid
  for pid in "${jvms[@]}"; do taskset -a -p -c "$1" "$pid" > /dev/null; done
}

wait_http() { # wait_http URL: until it answers 200, 60 s at most
  for _ in $(seq 1 120); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" == 200 ]] && return 0
    sleep 0.5
  done
  echo "no answer from $1" >&2; tail -20 "$work"/*.log >&2; exit 1
}

nginx_instance() { # nginx_instance NAME SERVER_BLOCKS: one nginx, one worker, no access log, long keep-alive
  mkdir -p "$work/$1"
  cat > "$work/$1/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/$1/nginx.pid;
error_log $work/$1/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work/$1/body;
  proxy_temp_path $work/$1/proxy;
  fastcgi_temp_path $work/$1/fastcgi;
  uwsgi_temp_path $work/$1/uwsgi;
  scgi_temp_path $work/$1/scgi;
  proxy_http_version 1.1;
  proxy_set_header Connection "";
$2
}
EOF
  start "nginx-$1" nginx -p "$work/$1" -c "$work/$1/nginx.conf"
}

nginx_pids() { # the master and worker of the nginx instance NAME
  local master; master=$(cat "$work/$1/nginx.pid")
  echo "$master $(pgrep -P "$master" | tr '\n' ' ')"
}

shadow_proxy() { # shadow_proxy NAME LISTEN ADMIN GRPC_PORT SAMPLE
  start_jvm "$1" java -jar "$work/shadow-proxy.jar" --rest-upstream "http://127.0.0.1:$REST" --grpc-upstream "127.0.0.1:$4" \
    --descriptor-set "$work/descriptor-set.binpb" --listen "127.0.0.1:$2" --admin "127.0.0.1:$3" --sample "$5"
  echo "${pids[-1]}" > "$work/$1.pid"
}

verdict() { # verdict ADMIN_PORT: GetOrder's matched,mismatched,grpc_error,dropped,skipped (0s before any)
  curl -s "http://127.0.0.1:$1/verdict" | jq -r '[.methods[] | select(.rpc | endswith(".GetOrder")) | .counts] | first // {}
    | [.matched, .mismatched, .grpc_error, .dropped, .skipped] | map(. // 0) | @csv'
}

cpu_ms() { # cpu_ms PID...: user + system CPU time of these processes, in ms
  local ticks=0 pid
  for pid in "$@"; do
    ticks=$((ticks + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo $((ticks * 1000 / $(getconf CLK_TCK)))
}

candidate_counts() { # accepted connections and requests of the REST candidate nginx so far
  curl -s "http://127.0.0.1:$CAND_STATUS/status" | awk 'NR == 3 {print $1 "," $3}'
}

wrk_load() { # wrk_load PORT SECONDS CONNECTIONS [wrk options]: wrk on its own core, its report on stdout
  local port=$1 seconds=$2 connections=$3; shift 3
  taskset -c "$WRK_CPU" wrk -t1 -c"$connections" -d"${seconds}s" --latency "$@" "http://127.0.0.1:$port$PATH_UNDER_TEST"
}

wrk_fields() { # wrk_fields REPORT: req/s,p50 ms,p99 ms,requests,non-2xx,socket errors
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    / requests in / { requests = $1 } /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    END { printf "%.0f,%.3f,%.3f,%d,%d,%d\n", rps, p50, p99, requests, bad, errors }' "$1"
}

sample_load() { # the 1-minute load average now, into load.txt
  cut -d' ' -f1 /proc/loadavg >> "$work/load.txt"
}

load_summary() {
  sort -n "$work/load.txt" | awk '{a[NR] = $1} END {printf "min %s, median %s, max %s (%d samples)\n", a[1], a[int((NR + 1) / 2)], a[NR], NR}'
}

# --- upstreams, shared by both modes
"${stubs[@]}" io.rest2grpc.benchmarks.stubs.NginxAnswer "$work/descriptor-set.binpb" > "$work/answer.conf"
nginx_instance stub "  server { listen 127.0.0.1:$REST; location / { include $work/answer.conf; } }"
start_jvm grpc-stub "${stubs[@]}" io.rest2grpc.benchmarks.stubs.GrpcStub "$work/descriptor-set.binpb" "$GRPC" 0
wait_http "http://127.0.0.1:$REST$PATH_UNDER_TEST"

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "uptime-before: $(uptime)"
echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | sed 's/\s*:\s*/: /'); mem: $(free -m | awk '/Mem:/ {print $2}') MiB"
echo "java: $(java -version 2>&1 | tr '\n' ' ')"
echo "nginx: $(nginx -v 2>&1); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- shadow-proxy transcoding || echo ' (shadow-proxy or transcoding modified in the work tree)')"
echo "shadow-proxy.jar: $PROXY_JAR, sha256 $(sha256sum "$work/shadow-proxy.jar" | cut -c1-16), built $(date -u -r "$PROXY_JAR" +%Y-%m-%dT%H:%M:%SZ)"
echo "canned answer: $(wc -c < "$work/answer.conf") bytes of nginx directives; $(curl -s "http://127.0.0.1:$REST$PATH_UNDER_TEST" | wc -c)-byte JSON body"

if [[ "$MODE" == soak ]]; then
  shadow_proxy soak "$SP100" "$SP100_ADMIN" "$GRPC" 1.0
  wait_http "http://127.0.0.1:$SP100$PATH_UNDER_TEST"
  echo 'function delay() return '"$SOAK_DELAY_MS"' end' > "$work/delay.lua"
  java_pid=$(cat "$work/soak.pid")
  echo "soak: shadow-proxy at 100 %, wrk -t1 -c$SOAK_CONNECTIONS, ${SOAK_DELAY_MS} ms between a connection's requests, ${SOAK_SECONDS}s"
  wrk_load "$SP100" "$SOAK_SECONDS" "$SOAK_CONNECTIONS" -s "$work/delay.lua" > "$work/soak.wrk" &
  wrk_pid=$!
  pids+=("$wrk_pid")
  started=$SECONDS
  for minute in $(seq 1 $((SOAK_SECONDS / 60))); do
    at=$((minute * 60 < SOAK_SECONDS ? minute * 60 : SOAK_SECONDS - 5)) # the last reading while the load still runs
    ((started + at > SECONDS)) && sleep $((started + at - SECONDS))
    sample_load
    jcmd "$java_pid" GC.run > /dev/null
    used_kb=$(jcmd "$java_pid" GC.heap_info \
      | awk '/(generation|heap) +total/ && match($0, /used [0-9]+K/) { sum += substr($0, RSTART + 5, RLENGTH - 6) } END { print sum }')
    rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$java_pid/status")
    echo "heap after full GC at ${at}s: used $((used_kb / 1024)) MiB (RSS $((rss_kb / 1024)) MiB); verdict $(verdict "$SP100_ADMIN")"
    echo "$at,$used_kb" >> "$work/heap.csv"
  done
  wait "$wrk_pid" || true
  sleep 1
  echo "wrk: $(wrk_fields "$work/soak.wrk") (req/s,p50 ms,p99 ms,requests,non-2xx,socket errors)"
  echo "verdict (matched,mismatched,grpc_error,dropped,skipped): $(verdict "$SP100_ADMIN")"
  awk -F, 'NR == 1 { first = $2; t1 = $1 } { last = $2; t = $1 }
    END { r = last / first; printf "heap at %ss / at %ss: %.3f -> %s (target: within 10 %%)\n", t, t1, r, (r <= 1.10 && r >= 0.90) ? "met" : "NOT met" }' \
    "$work/heap.csv"
  echo "uptime-after: $(uptime)"
  echo "load average (1 min) at each heap reading: $(load_summary)"
  exit 0
fi

# --- bench: the candidates, the proxies
nginx_instance candidate "  server { listen 127.0.0.1:$CAND; location / { include $work/answer.conf; } }
  server { listen 127.0.0.1:$CAND_STATUS; location = /status { stub_status; } }"
start_jvm slow-rest-stub "${stubs[@]}" io.rest2grpc.benchmarks.stubs.RestStub "$work/descriptor-set.binpb" "$SLOW_REST" "$SLOW_MS"
start_jvm grpc-stub-slow "${stubs[@]}" io.rest2grpc.benchmarks.stubs.GrpcStub "$work/descriptor-set.binpb" "$GRPC_SLOW" "$SLOW_MS"
mirror_server() { # mirror_server PORT UPSTREAM
  echo "  server { listen 127.0.0.1:$1;
    location / { mirror /mirror; proxy_pass http://rest; }
    location = /mirror { internal; proxy_pass http://$2\$request_uri; } }"
}
nginx_instance proxy "  upstream rest { server 127.0.0.1:$REST; keepalive 64; keepalive_requests 1000000; }
  upstream candidate { server 127.0.0.1:$CAND; keepalive 64; keepalive_requests 1000000; }
  upstream slow_candidate { server 127.0.0.1:$SLOW_REST; keepalive 64; keepalive_requests 1000000; }
  server { listen 127.0.0.1:$PLAIN; location / { proxy_pass http://rest; } }
$(mirror_server "$MIRROR" candidate)
$(mirror_server "$MIRROR_SLOW" slow_candidate)"
shadow_proxy shadow-100 "$SP100" "$SP100_ADMIN" "$GRPC" 1.0
shadow_proxy shadow-10 "$SP10" "$SP10_ADMIN" "$GRPC" 0.1
shadow_proxy shadow-100-slow "$SP_SLOW" "$SP_SLOW_ADMIN" "$GRPC_SLOW" 1.0
for port in "$CAND" "$SLOW_REST" "$PLAIN" "$MIRROR" "$SP100" "$SP10" "$SP_SLOW"; do wait_http "http://127.0.0.1:$port$PATH_UNDER_TEST"; done
wait_http "http://127.0.0.1:$CAND_STATUS/status"

# every target answers the same bytes; each shadow-proxy's first comparison matched
direct_body=$(curl -s "http://127.0.0.1:$REST$PATH_UNDER_TEST")
for port in "$PLAIN" "$MIRROR" "$SP100" "$SP10" "$SP_SLOW" "$SLOW_REST"; do
  [[ "$(curl -s "http://127.0.0.1:$port$PATH_UNDER_TEST")" == "$direct_body" ]] || { echo "port $port answers another body" >&2; exit 1; }
done
sleep $((SLOW_MS / 1000 + 1))
for admin in "$SP100_ADMIN" "$SP_SLOW_ADMIN"; do
  [[ "$(verdict "$admin" | cut -d, -f1-3)" =~ ^[1-9][0-9]*,0,0$ ]] || { curl -s "http://127.0.0.1:$admin/verdict" >&2; exit 1; }
done

scenarios=(direct nginx-plain nginx-mirror shadow-100 shadow-10 nginx-mirror-slow shadow-100-slow)
declare -A port=([direct]=$REST [nginx-plain]=$PLAIN [nginx-mirror]=$MIRROR [shadow-100]=$SP100 [shadow-10]=$SP10
  [nginx-mirror-slow]=$MIRROR_SLOW [shadow-100-slow]=$SP_SLOW)
declare -A admin=([shadow-100]=$SP100_ADMIN [shadow-10]=$SP10_ADMIN [shadow-100-slow]=$SP_SLOW_ADMIN)
declare -A cpu_pids=([direct]="$(nginx_pids stub)" [nginx-plain]="$(nginx_pids proxy)" [nginx-mirror]="$(nginx_pids proxy)"
  [nginx-mirror-slow]="$(nginx_pids proxy)" [shadow-100]="$(cat "$work/shadow-100.pid")" [shadow-10]="$(cat "$work/shadow-10.pid")"
  [shadow-100-slow]="$(cat "$work/shadow-100-slow.pid")")

minus() { # minus A B: the difference of two rows of counts, field by field
  awk -v a="$1" -v b="$2" 'BEGIN { n = split(a, x, ","); split(b, y, ","); for (i = 1; i <= n; i++) printf "%s%d", (i > 1 ? "," : ""), x[i] - y[i] }'
}

measure() { # measure ROUND NAME SECONDS: one load, one csv row
  local round=$1 name=$2 seconds=$3 before_v after_v before_c after_c cpu0 cpu1 procs shadow=",,,,," reader=""
  if [[ -n "${admin[$name]:-}" ]]; then
    before_v=$(verdict "${admin[$name]}")
    # the counts 1 s before the load ends too: what wrk's closing its connections does is told apart
    (sleep $((seconds - 1)); verdict "${admin[$name]}" > "$work/$name.$round.verdict") &
    reader=$!
    pids+=("$reader")
  fi
  before_c=$(candidate_counts)
  read -ra procs <<< "${cpu_pids[$name]}"
  cpu0=$(cpu_ms "${procs[@]}")
  wrk_load "${port[$name]}" "$seconds" "$CONNECTIONS" > "$work/$name.$round.wrk"
  sample_load
  [[ -z "$reader" ]] || wait "$reader"
  cpu1=$(cpu_ms "${procs[@]}")
  sleep $((SLOW_MS / 1000 + 1)) # shadow calls and mirror subrequests still in flight finish
  after_c=$(candidate_counts)
  if [[ -n "${admin[$name]:-}" ]]; then
    after_v=$(verdict "${admin[$name]}")
    shadow="$(minus "$after_v" "$before_v"),$(minus "$(cut -d, -f2 "$work/$name.$round.verdict")" "$(cut -d, -f2 <<< "$before_v")")"
  fi
  echo "$round,$name,$(wrk_fields "$work/$name.$round.wrk"),$((cpu1 - cpu0)),$shadow,$(minus "$after_c" "$before_c")" \
    | tee -a "$work/raw.csv"
}

echo "settings: CONNECTIONS=$CONNECTIONS DURATION=$DURATION ROUNDS=$ROUNDS WARMUP=$WARMUP NGINX_WARMUP=$NGINX_WARMUP SLOW_MS=$SLOW_MS" \
  "wrk -t1 on cpu $WRK_CPU, servers on cpu $SERVER_CPU"
echo "round,scenario,req/s,p50 ms,p99 ms,requests,non-2xx,socket errors,proxy cpu ms,matched,mismatched,grpc_error,dropped,skipped,mismatched till 1 s before the end,candidate connections,candidate requests"
# JIT compilers starved of CPU on one core take minutes to reach the steady state: the JVMs warm up on both cores
jvm_affinity "$WRK_CPU,$SERVER_CPU"
for name in "${scenarios[@]}"; do
  seconds=$NGINX_WARMUP
  [[ "$name" == shadow-* ]] && seconds=$WARMUP
  measure warmup "$name" "$seconds"
done
jvm_affinity "$SERVER_CPU"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${scenarios[@]}"; do measure "$round" "$name" "$DURATION"; done
done
echo "uptime-after: $(uptime)"
echo "load average (1 min) at the end of each load: $(load_summary)"
for name in shadow-100 shadow-10 shadow-100-slow; do
  echo "verdict $name, whole run: $(curl -s "http://127.0.0.1:${admin[$name]}/verdict" | jq -c '.methods[] | {rpc, counts, parity, samples}')"
done

python3 - "$work/raw.csv" "$SLOW_MS" <<'EOF'
import csv, statistics, sys
rows = [r for r in csv.reader(open(sys.argv[1])) if r[0] != "warmup"]
slow = sys.argv[2]
names = ["direct", "nginx-plain", "nginx-mirror", "shadow-100", "shadow-10", "nginx-mirror-slow", "shadow-100-slow"]
label = {"direct": "direct to the REST stub", "nginx-plain": "nginx reverse proxy", "nginx-mirror": "nginx + `mirror`",
         "shadow-100": "shadow-proxy, 100 % compared", "shadow-10": "shadow-proxy, 10 %",
         "nginx-mirror-slow": f"nginx + `mirror`, candidate answers in {slow} ms",
         "shadow-100-slow": f"shadow-proxy, 100 %, gRPC answers in {slow} ms"}
med = {}
print("\n| scenario | req/s | p50 ms | p99 ms | errors (non-2xx + socket) | CPU ms / 1k req of the proxy (direct: of the stub) | shadow: matched / mismatched / grpc_error / dropped / skipped | mirrored: candidate requests / new connections |")
print("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |")
for n in names:
    rs = [r for r in rows if r[1] == n]
    m = {k: statistics.median(float(r[i]) for r in rs) for k, i in (("rps", 2), ("p50", 3), ("p99", 4))}
    m["cpu"] = statistics.median(1000 * float(r[8]) / max(1, float(r[5])) for r in rs)
    med[n] = m
    errors = sum(int(r[6]) + int(r[7]) for r in rs)
    requests = sum(int(r[5]) for r in rs)
    shadow = "–"
    if rs[0][9] != "":
        s = [sum(int(r[i]) for r in rs) for i in range(9, 14)]
        early = sum(int(r[14]) for r in rs)
        shadow = " / ".join(f"{v:,}" for v in s) + f" ({100 * sum(s) / requests:.1f} % of {requests:,}; mismatched till 1 s before the end: {early})"
    mirrored = "–"
    if n == "nginx-mirror":
        conns, reqs = (sum(int(r[i]) for r in rs) for i in (15, 16))
        mirrored = f"{reqs:,} ({100 * reqs / requests:.1f} %) / {conns / max(1, reqs):.3f} per request"
    print(f"| {label[n]} | {m['rps']:,.0f} | {m['p50']:.2f} | {m['p99']:.2f} | {errors} | {m['cpu']:.1f} | {shadow} | {mirrored} |")

def verdict(ok):
    return "**met**" if ok else "**NOT met**"
s, mir, plain, s10, sl = med["shadow-100"], med["nginx-mirror"], med["nginx-plain"], med["shadow-10"], med["shadow-100-slow"]
print("\n| target | figures | verdict |")
print("| --- | --- | --- |")
print(f"| 100 % with comparison ≥ 2x nginx `mirror`'s throughput, lower p99 | {s['rps'] / mir['rps']:.2f}x "
      f"({s['rps']:,.0f} vs {mir['rps']:,.0f} req/s); p99 {s['p99']:.2f} vs {mir['p99']:.2f} ms | "
      f"{verdict(s['rps'] >= 2 * mir['rps'] and s['p99'] < mir['p99'])} |")
print(f"| 10 % ≥ 0.8x nginx plain | {s10['rps'] / plain['rps']:.2f}x ({s10['rps']:,.0f} vs {plain['rps']:,.0f} req/s) | "
      f"{verdict(s10['rps'] >= 0.8 * plain['rps'])} |")
dr, dp = sl["rps"] / s["rps"] - 1, sl["p99"] / s["p99"] - 1
print(f"| {slow} ms gRPC side moves throughput and p99 by ≤ 10 % | req/s {dr:+.1%} ({sl['rps']:,.0f} vs {s['rps']:,.0f}); "
      f"p99 {dp:+.1%} ({sl['p99']:.2f} vs {s['p99']:.2f} ms) | {verdict(abs(dr) <= 0.10 and abs(dp) <= 0.10)} |")
ms = med["nginx-mirror-slow"]
print(f"| (nginx, for comparison: {slow} ms candidate against healthy `mirror`) | req/s {ms['rps'] / mir['rps'] - 1:+.1%}; "
      f"p99 {ms['p99'] / mir['p99'] - 1:+.1%} ({ms['p99']:.2f} vs {mir['p99']:.2f} ms) | – |")
EOF
