#!/usr/bin/env bash
# Unary calls on the running sample app, gRPC (the service rest2grpc-maven-plugin generated) against
# REST (the controller): GetOrder and ListOrders (a paged list), typed calls, and ListUsers, which this
# build routes through the bridge (-Drest2grpc.bridgedDtos=...UserPage: the bridge's overhead over its
# REST call, measured on a real method), each loaded by h2load from a second process at
# the same concurrency: CONNECTIONS
# cleartext HTTP/2 connections with one request in flight each. REST is served over h2c for the run
# (server.http2.enabled): h2load's HTTP/1.1 client cannot read Tomcat 10's status lines, which have no
# reason phrase. Prints throughput and latency percentiles from h2load's per-request log. Not part of
# .ci/run.
#   bash benchmarks/grpc-vs-rest.sh                      # CONNECTIONS=8 DURATION=20 WARMUP=10 ROUNDS=3
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS="${CONNECTIONS:-8}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-10}"
ROUNDS="${ROUNDS:-3}"
TOKEN="sample-reader-token"
work="$(mktemp -d)"
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v h2load > /dev/null || { echo "h2load is missing: apt-get install nghttp2-client" >&2; exit 2; }
./mvnw -q -B -ntp -pl sample-legacy-app -am package -DskipTests -Dinvoker.skip=true \
  -Drest2grpc.bridgedDtos=io.rest2grpc.sample.user.UserPage
java -Xmx1g -jar sample-legacy-app/target/sample-legacy-app-0.1.0-SNAPSHOT.jar --server.port=0 --server.http2.enabled=true --spring.grpc.server.port=0 \
  --spring.config.additional-location=file:benchmarks/grpc-vs-rest/bench.yml > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  grep -q 'gRPC Server started' "$work/app.log" && grep -q 'Tomcat started on port' "$work/app.log" && break
  sleep 1
done
http=$(sed -nE 's/.*Tomcat started on port ([0-9]+).*/\1/p' "$work/app.log" | head -1)
grpc=$(sed -nE 's/.*gRPC Server started, listening on address: .*:([0-9]+)\]+.*/\1/p' "$work/app.log" | head -1)
[[ -n "$http" && -n "$grpc" ]] || { tail -30 "$work/app.log"; echo "the app did not start" >&2; exit 1; }

# GetOrderRequest{id: 1001} as one gRPC frame: uncompressed, length 3, field 1 varint 1001
printf '\x00\x00\x00\x00\x03\x08\xe9\x07' > "$work/get-order.grpc"
rest=(h2load -c "$CONNECTIONS" -m 1 -H "authorization: Bearer $TOKEN" "http://127.0.0.1:$http/v1/orders/1001")
grpc_call=(h2load -c "$CONNECTIONS" -m 1 -d "$work/get-order.grpc" -H 'content-type: application/grpc' -H 'te: trailers'
  -H "authorization: Bearer $TOKEN" "http://127.0.0.1:$grpc/sample_legacy_orders.v1.OrdersService/GetOrder")
# ListOrdersRequest{} (the first page, the API's default size) as one empty gRPC frame
printf '\x00\x00\x00\x00\x00' > "$work/empty.grpc"
rest_list=(h2load -c "$CONNECTIONS" -m 1 -H "authorization: Bearer $TOKEN" "http://127.0.0.1:$http/v1/orders")
grpc_list=(h2load -c "$CONNECTIONS" -m 1 -d "$work/empty.grpc" -H 'content-type: application/grpc' -H 'te: trailers'
  -H "authorization: Bearer $TOKEN" "http://127.0.0.1:$grpc/sample_legacy_orders.v1.OrdersService/ListOrders")
# ListUsersRequest{} likewise
rest_users=(h2load -c "$CONNECTIONS" -m 1 -H "authorization: Bearer $TOKEN" "http://127.0.0.1:$http/v1/users")
grpc_users=(h2load -c "$CONNECTIONS" -m 1 -d "$work/empty.grpc" -H 'content-type: application/grpc' -H 'te: trailers'
  -H "authorization: Bearer $TOKEN" "http://127.0.0.1:$grpc/sample_legacy_orders.v1.UsersService/ListUsers")

# a gRPC answer is HTTP 200 whatever its status: check one call's grpc-status before loading
curl -s --http2-prior-knowledge -o /dev/null -D "$work/headers" --data-binary @"$work/get-order.grpc" -H 'content-type: application/grpc' \
  -H 'te: trailers' -H "authorization: Bearer $TOKEN" "http://127.0.0.1:$grpc/sample_legacy_orders.v1.OrdersService/GetOrder" || true
grep -qi '^grpc-status: 0' "$work/headers" || { cat "$work/headers"; echo "GetOrder over gRPC did not answer OK" >&2; exit 1; }

run() { # run NAME DURATION -- command...: h2load's summary line and the latency percentiles of its log
  local name=$1 seconds=$2; shift 3
  rm -f "$work/$name.log" # h2load appends to its log
  "$@" -D "$seconds" --log-file="$work/$name.log" > "$work/$name.out"
  local rps failed
  rps=$(sed -nE 's/^finished in .*, ([0-9.]+) req\/s.*/\1/p' "$work/$name.out")
  failed=$(sed -nE 's/^requests: .* ([0-9]+) failed.*/\1/p' "$work/$name.out")
  sort -n -k3 "$work/$name.log" | awk -v name="$name" -v rps="$rps" -v failed="$failed" '
    { t[NR] = $3; if ($2 != 200) bad++ }
    END { printf "%-10s %9.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  (%d requests, %d failed, %d non-200)\n",
          name, rps, t[int(NR*0.50)]/1000, t[int(NR*0.90)]/1000, t[int(NR*0.99)]/1000, NR, failed, bad }'
}

echo "GetOrder and ListOrders (typed), ListUsers (bridged), $CONNECTIONS connections, ${DURATION}s per run, $ROUNDS rounds (after ${WARMUP}s warm-up each)"
run rest "$WARMUP" -- "${rest[@]}" > /dev/null
run grpc "$WARMUP" -- "${grpc_call[@]}" > /dev/null
run rest-list "$WARMUP" -- "${rest_list[@]}" > /dev/null
run grpc-list "$WARMUP" -- "${grpc_list[@]}" > /dev/null
run rest-users "$WARMUP" -- "${rest_users[@]}" > /dev/null
run grpc-users "$WARMUP" -- "${grpc_users[@]}" > /dev/null
for round in $(seq 1 "$ROUNDS"); do
  run rest "$DURATION" -- "${rest[@]}"
  run grpc "$DURATION" -- "${grpc_call[@]}"
  run rest-list "$DURATION" -- "${rest_list[@]}"
  run grpc-list "$DURATION" -- "${grpc_list[@]}"
  run rest-users "$DURATION" -- "${rest_users[@]}"
  run grpc-users "$DURATION" -- "${grpc_users[@]}"
done
