#!/usr/bin/env bash
# Performs the migration guide's chapters on a scratch copy of sample-legacy-app, taken back to its
# state before step 2, on 127.0.0.1; fails on the first step that does not do what the guide says.
# Needs a build of the repository first (buf and shadow-proxy/target/shadow-proxy.jar come with it): ./mvnw -B -ntp verify
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
guide="$repo/migration-guide"
buf="$repo/openapi-to-proto/target/tools/buf/node_modules/@bufbuild/buf/bin/buf"
version="0.1.0-SNAPSHOT"
work="$(mktemp -d)"
app_pid=""
proxy_pid=""
cleanup() {
  if [[ -n "$proxy_pid" ]]; then
    kill "$proxy_pid" 2>/dev/null || true
    wait "$proxy_pid" 2>/dev/null || true
  fi
  if [[ -n "$app_pid" ]]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true # the app's own exit status (143) is not the walkthrough's
  fi
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo; echo "== $*"; }
fail() { echo "WALKTHROUGH FAILED: $*" >&2; exit 1; }
expect() { # expect FILE PATTERN WHAT: the guide says WHAT; grep -E PATTERN must find it in FILE
  grep -qE -- "$2" "$1" || { echo "--- $1 (tail)" >&2; tail -40 "$1" >&2; fail "$3"; }
}
# the fenced block (XML, Java) that follows <!-- walkthrough:NAME --> in a chapter
guide_block() { awk -v mark="<!-- walkthrough:$2 -->" '$0 == mark {on = 1; next} on && !inside && /^```/ {inside = 1; next} inside && /^```/ {exit} inside' "$1"; }

[[ -x "$buf" ]] || fail "buf is missing at $buf: build the repository first (./mvnw -B -ntp verify)"

step "0. The toolkit in the local Maven repository, as a team gets it from Maven Central"
(cd "$repo" && ./mvnw -q -B -ntp install -DskipTests -Dinvoker.skip=true -pl plugin-runtime,maven-plugin -am)

step "A legacy service: sample-legacy-app before step 2 (no protos, no plugin, no runtime, no typed-call hook)"
app="$work/sample-legacy-app"
hook="src/main/java/io/rest2grpc/sample/config/TypedCallsConfig.java"
mkdir -p "$app"
(cd "$repo/sample-legacy-app" && tar --exclude=./target --exclude=./src/main/proto --exclude="./$hook" -cf - .) | (cd "$app" && tar xf -)
cp -r "$repo/mvnw" "$repo/.mvn" "$app/"
sed -i '/rest2grpc:step-2 begin/,/rest2grpc:step-2 end/d' "$app/pom.xml"
grep -qE "rest2grpc-(runtime|maven-plugin)|protobuf-maven-plugin" "$app/pom.xml" && fail "the scratch pom still has step 2"
cd "$app"

step "1. Convert the spec (01-convert-the-spec.md)"
./mvnw -B -ntp "io.rest2grpc:rest2grpc-maven-plugin:$version:convert" > "$work/convert.log" 2>&1 || { tail -40 "$work/convert.log"; fail "convert failed"; }
[[ -f src/main/proto/openapi.rest2grpc-lock.json ]] || fail "no lock beside the protos"
[[ -f target/rest2grpc/openapi-report.json ]] || fail "no conversion report under target/rest2grpc"
grep -h -E '^service |^  rpc ' src/main/proto/*/*/*.proto > "$work/names.txt"
expect "$work/names.txt" '^service OrdersService \{' "the services are listed by the guide's grep"
expect "$work/names.txt" '^  rpc GetOrder\(GetOrderRequest\) returns \(Order\)' "GetOrder is named after its operationId"
diff -r "$repo/sample-legacy-app/src/main/proto" src/main/proto > /dev/null \
  || fail "the scratch conversion differs from the sample app's committed protos"

step "2. Add the 29 lines of 02-serve-grpc-beside-rest.md to the pom"
guide_block "$guide/02-serve-grpc-beside-rest.md" dependencies > "$work/dependencies.xml"
guide_block "$guide/02-serve-grpc-beside-rest.md" plugins > "$work/plugins.xml"
lines=$(( $(wc -l < "$work/dependencies.xml") + $(wc -l < "$work/plugins.xml") ))
(( lines <= 29 )) || fail "the guide's pom lines are $lines, more than the 29 it promises"
# the project's own </dependencies> (two spaces in), and its </plugins>
awk -v deps="$work/dependencies.xml" -v plugins="$work/plugins.xml" '
  $0 == "  </dependencies>" { while ((getline line < deps) > 0) print line }
  $0 == "    </plugins>" { while ((getline line < plugins) > 0) print line }
  { print }' pom.xml > pom.xml.new && mv pom.xml.new pom.xml
guide_block "$guide/02-serve-grpc-beside-rest.md" hook > "$hook"
diff "$repo/sample-legacy-app/$hook" "$hook" > /dev/null || fail "the guide's TypedCallsConfig differs from the sample app's"
./mvnw -B -ntp package -DskipTests > "$work/package.log" 2>&1 || { tail -60 "$work/package.log"; fail "the build with the plugin failed"; }
expect "$work/package.log" 'The protos in .* are what the spec converts to' "verify-protos checks the committed protos"
expect "$work/package.log" 'Generated 6 gRPC services' "generate writes a service per proto service"
expect "$work/package.log" '22 RPCs: 17 typed, 5 bridged, 0 without a handler in this module; 1 handlers without an RPC' "the report's summary"
expect "$work/package.log" 'GET /v1/orders/\{id\} -> sample_legacy_orders.v1.OrdersService.GetOrder <- OrderController#getOrder \(OrderController.java:77\) \[typed\]' "the report names GetOrder's handler, called typed"
[[ -f target/rest2grpc/generate-report.json ]] || fail "no generate report under target/rest2grpc"
./mvnw -B -ntp compile > "$work/compile-again.log" 2>&1 || { tail -60 "$work/compile-again.log"; fail "the second build failed"; }
expect "$work/compile-again.log" 'The gRPC services in .* are up to date' "a build with unchanged inputs skips generate"
expect "$work/compile-again.log" 'Nothing to compile - all classes are up to date' "and compiles nothing"

step "3. Run it (with chapter 2's page-token key and chapter 3's marker key); call it with buf curl, and REST beside it"
# what application.yml takes from the secret store (chapter 2: rest2grpc.page-tokens, chapter 3: rest2grpc.shadow.keys)
page_token_secret="$(openssl rand -base64 32)"
marker_secret="$(openssl rand -base64 32)"
java -jar target/sample-legacy-app-$version.jar --server.port=0 --spring.grpc.server.port=0 \
  --rest2grpc.page-tokens.current-key-id=k1 "--rest2grpc.page-tokens.secrets.k1=$page_token_secret" \
  "--rest2grpc.shadow.keys.proxy=$marker_secret" > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  grep -q 'gRPC Server started' "$work/app.log" && grep -q 'Tomcat started on port' "$work/app.log" && break
  kill -0 "$app_pid" 2>/dev/null || { tail -40 "$work/app.log"; fail "the app stopped"; }
  sleep 1
done
http_port=$(sed -nE 's/.*Tomcat started on port ([0-9]+).*/\1/p' "$work/app.log" | head -1)
grpc_port=$(sed -nE 's/.*gRPC Server started, listening on address: .*:([0-9]+)\]+.*/\1/p' "$work/app.log" | head -1)
[[ -n "$http_port" && -n "$grpc_port" ]] || { tail -40 "$work/app.log"; fail "the app did not start REST and gRPC within 120 s"; }
"$buf" curl --protocol grpc --http2-prior-knowledge --list-services "http://127.0.0.1:$grpc_port" > "$work/services.txt"
expect "$work/services.txt" '^sample_legacy_orders.v1.OrdersService$' "reflection lists the generated services"
expect "$work/services.txt" '^grpc.health.v1.Health$' "the health service is on"
"$buf" curl --protocol grpc --http2-prior-knowledge -H 'Authorization: Bearer sample-reader-token' -d '{"id": "1001"}' \
  "http://127.0.0.1:$grpc_port/sample_legacy_orders.v1.OrdersService/GetOrder" > "$work/grpc.json"
grep -q 'answers every gRPC call through the bridge' "$work/app.log" && fail "the hook does not cover every servlet filter"
expect "$work/grpc.json" '"id": "1001"' "GetOrder answers order 1001 over gRPC"
expect "$work/grpc.json" '"sku": "BOOK-ANALYTICAL-ENGINE"' "with the order's items"
curl -sf -H 'Authorization: Bearer sample-reader-token' "http://127.0.0.1:$http_port/v1/orders/1001" > "$work/rest.json"
expect "$work/rest.json" '"sku":"BOOK-ANALYTICAL-ENGINE"' "REST still answers beside gRPC"
if "$buf" curl --protocol grpc --http2-prior-knowledge -d '{"id": "1001"}' \
    "http://127.0.0.1:$grpc_port/sample_legacy_orders.v1.OrdersService/GetOrder" > "$work/denied.json" 2>&1; then
  fail "a call without a token succeeded"
fi
expect "$work/denied.json" 'unauthenticated' "a call without a token is UNAUTHENTICATED, as REST answers 401"

step "4. The shadow proxy in front of the app (03-shadow-traffic.md): reads through it, compared over gRPC"
proxy_jar="$repo/shadow-proxy/target/shadow-proxy.jar"
[[ -f "$proxy_jar" ]] || fail "no $proxy_jar: build the repository first (./mvnw -B -ntp verify)"
guide_block "$guide/03-shadow-traffic.md" config > shadow-proxy.yaml
grep -q '^rest-upstream: ' shadow-proxy.yaml || fail "chapter 3 has no proxy configuration under <!-- walkthrough:config -->"
# the chapter's file and start command; the command line wins over the file: the scratch app's ports, free ports for the proxy
SHADOW_MARKER_KEY="proxy=$marker_secret" java -jar "$proxy_jar" --config shadow-proxy.yaml --page-token-key "k1=$page_token_secret" \
  --rest-upstream "http://127.0.0.1:$http_port" --grpc-upstream "127.0.0.1:$grpc_port" --listen 127.0.0.1:0 --admin 127.0.0.1:0 \
  > "$work/proxy.log" 2>&1 &
proxy_pid=$!
for _ in $(seq 1 300); do
  grep -q '^shadow-proxy: listening on' "$work/proxy.log" && break
  kill -0 "$proxy_pid" 2>/dev/null || { cat "$work/proxy.log" >&2; fail "the proxy stopped"; }
  sleep 0.1
done
proxy_port=$(sed -nE 's|^shadow-proxy: listening on /127\.0\.0\.1:([0-9]+), report on .*|\1|p' "$work/proxy.log")
admin_port=$(sed -nE 's|^shadow-proxy: listening on .*, report on http://127\.0\.0\.1:([0-9]+)/$|\1|p' "$work/proxy.log")
[[ -n "$proxy_port" && -n "$admin_port" ]] || { cat "$work/proxy.log" >&2; fail "the proxy did not listen on 127.0.0.1 within 30 s"; }
proxy="http://127.0.0.1:$proxy_port"
admin="http://127.0.0.1:$admin_port"
for _ in $(seq 1 50); do
  curl -sf "$admin/ready" > "$work/ready.txt" 2>/dev/null && break
  sleep 0.1
done
expect "$work/ready.txt" '^ready$' "/ready answers ready: REST accepts connections"

# the chapter's reads: GetOrder, a later page of each paging style that mints page tokens, a 404; each through the
# proxy and straight to REST, with the same request id (a problem's body names it): the same status, the same bytes
reader=(-H 'Authorization: Bearer sample-reader-token')
targets=(/v1/orders/1001 '/v1/orders?offset=2&limit=2' '/v1/users/1/orders?page=1&size=1' /v1/orders/999999)
statuses=""
for i in "${!targets[@]}"; do
  target="${targets[$i]}"
  via=$(curl -s -o "$work/via-proxy.$i" -w '%{http_code}' -H "X-Request-Id: walkthrough-$i" "${reader[@]}" "$proxy$target")
  direct=$(curl -s -o "$work/direct.$i" -w '%{http_code}' -H "X-Request-Id: walkthrough-$i" "${reader[@]}" "http://127.0.0.1:$http_port$target")
  [[ "$via" == "$direct" ]] || fail "GET $target: $via through the proxy, $direct from REST directly"
  cmp -s "$work/via-proxy.$i" "$work/direct.$i" || fail "GET $target: the body through the proxy is not REST's, byte for byte"
  statuses+="$via "
done
[[ "$statuses" == "200 200 200 404 " ]] || fail "the chapter's reads answered $statuses, not 200 200 200 404"

# the marker: a limited token (3 requests a minute) gets its 429 on the 4th request, as without the proxy, and a
# request leaves one audit event, REST's (the shadow calls are exempt)
limited=""
for _ in 1 2 3 4; do
  limited+="$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer sample-limited-token' "$proxy/v1/users/1") "
done
[[ "$limited" == "200 200 200 429 " ]] || fail "sample-limited-token through the proxy answered $limited, not 200 200 200 429: the shadow calls counted"
curl -s -o /dev/null -H 'X-Request-Id: marker-check-1' "${reader[@]}" "$proxy/v1/orders/1001"
# a traffic-dependent read, compared by shape
curl -sf -o /dev/null -H 'Authorization: Bearer sample-admin-token' "$proxy/v1/audit-events?limit=20" || fail "the audit trail through the proxy"

# every request above is accounted for once its comparison is done, off the client's path
accounted() { curl -s "$admin/metrics" | awk '/^shadow_requests_total/ {n += $2} END {print n + 0}'; }
for _ in $(seq 1 200); do
  (( $(accounted) >= 10 )) && break
  sleep 0.1
done
(( $(accounted) == 10 )) || { curl -s "$admin/verdict" >&2; fail "the proxy accounts for $(accounted) shadowed requests, not 10"; }
curl -s -H 'Authorization: Bearer sample-admin-token' "http://127.0.0.1:$http_port/v1/audit-events?limit=100" > "$work/trail.json"
[[ $(grep -o '"request_id":"marker-check-1"' "$work/trail.json" | wc -l) == 1 ]] \
  || fail "marker-check-1 is not in the audit trail exactly once: the shadow call was audited"

curl -s "$admin/metrics" > "$work/metrics.txt"
for counted in 'matched",rpc="sample_legacy_orders.v1.OrdersService.GetOrder"} 3.0' \
    'matched",rpc="sample_legacy_orders.v1.OrdersService.ListOrders"} 1.0' \
    'matched",rpc="sample_legacy_orders.v1.UsersService.ListUserOrders"} 1.0' \
    'matched",rpc="sample_legacy_orders.v1.UsersService.GetUser"} 3.0' \
    'skipped",rpc="sample_legacy_orders.v1.UsersService.GetUser"} 1.0' \
    'matched",rpc="sample_legacy_orders.v1.AdminService.ListAuditEvents"} 1.0'; do
  grep -qF "shadow_requests_total{outcome=\"$counted" "$work/metrics.txt" || { grep -E '^shadow_(requests|mismatches)_total' "$work/metrics.txt" | grep -v ' 0.0$' >&2; fail "/metrics lacks shadow_requests_total{outcome=\"$counted"; }
done
if grep -E '^shadow_requests_total\{outcome="(mismatched|grpc_error|dropped)"|^shadow_mismatches_total' "$work/metrics.txt" | grep -v ' 0.0$' >&2; then
  fail "/metrics counts mismatches, gRPC errors or drops"
fi
curl -s "$admin/verdict" > "$work/verdict.json"
[[ $(grep -c '"rpc" : ' "$work/verdict.json") == 5 && $(grep -c '"parity" : 1.0,' "$work/verdict.json") == 5 ]] \
  || { cat "$work/verdict.json" >&2; fail "/verdict does not show the 5 RPCs at \"parity\" : 1.0"; }
[[ $(grep -c '"full_parity_since" : "' "$work/verdict.json") == 5 ]] || fail "/verdict has no full_parity_since for each RPC"

step "Passthrough on (03-shadow-traffic.md): clients still answered by REST, nothing more shadowed; then the proxy drains"
curl -s -X POST "$admin/passthrough?on=true" > "$work/passthrough.json"
expect "$work/passthrough.json" '"passthrough" : true' "POST /passthrough?on=true switches it on"
counts() { curl -s "$admin/metrics" | grep -E '^shadow_requests_total|^shadow_latency_seconds_count'; }
counts > "$work/counts.before"
via=$(curl -s -o "$work/via-proxy.passthrough" -w '%{http_code}' -H "X-Request-Id: walkthrough-0" "${reader[@]}" "$proxy/v1/orders/1001")
[[ "$via" == 200 ]] && cmp -s "$work/via-proxy.passthrough" "$work/direct.0" || fail "with passthrough on, GET /v1/orders/1001 is not REST's answer"
sleep 0.5
counts > "$work/counts.after"
diff "$work/counts.before" "$work/counts.after" >&2 || fail "with passthrough on, the request was still shadowed"
curl -s "$admin/verdict" > "$work/verdict.json"
expect "$work/verdict.json" '"passthrough" : true' "/verdict says passthrough is on"
kill "$proxy_pid"
for _ in $(seq 1 150); do
  kill -0 "$proxy_pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$proxy_pid" 2>/dev/null && fail "the proxy did not drain and stop within 15 s of SIGTERM"
wait "$proxy_pid" 2>/dev/null || true # its exit status after SIGTERM (143) is not the walkthrough's
proxy_pid=""

step "5. Take ownership of OrdersService (02b-take-ownership.md): eject it; the parity test passes unchanged"
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true # its exit status after SIGTERM (143) is not the walkthrough's
app_pid=""
./mvnw -B -ntp "io.rest2grpc:rest2grpc-maven-plugin:$version:eject" -Dservice=OrdersService > "$work/eject.log" 2>&1 \
  || { tail -40 "$work/eject.log"; fail "eject failed"; }
expect "$work/eject.log" 'Ejected sample_legacy_orders.v1.OrdersService: rest2grpc:generate no longer writes it' "eject says the service is the team's now"
expect "$work/eject.log" 'wrote .*/src/main/java/io/rest2grpc/sample/order/OrdersServiceGrpcService.java$' "the service goes beside its controllers"
expect "$work/eject.log" 'wrote .*/src/main/proto/rest2grpc-baseline.binpb$' "the first baseline image goes beside the protos"
expect "$work/eject.log" 'Every ejected handler calls the service layer' "every ejected handler of OrderController calls the service layer"
for rpc in UpdateOrder UploadAttachment DownloadAttachment; do
  expect "$work/eject.log" "^\[WARNING\]   OrdersServiceGrpcService#[a-zA-Z]+ \(OrdersServiceGrpcService.java:[0-9]+\): sample_legacy_orders.v1.OrdersService/$rpc$" "$rpc is listed as bridged"
done
[[ $(grep -c '^\[WARNING\]   OrdersServiceGrpcService#' "$work/eject.log") == 3 ]] || fail "eject lists other bridged methods than the guide's three"
# the app's tests as they were, and the bridged-methods test eject adds beside them
bridged_test=src/test/java/io/rest2grpc/sample/order/OrdersServiceGrpcServiceBridgedMethodsTest.java
diff -r -x "$(basename "$bridged_test")" "$repo/sample-legacy-app/src/test" src/test > "$work/tests.diff" || true
[[ "$(cat "$work/tests.diff")" == "Only in src/test/java/io/rest2grpc/sample: order" && "$(find "$(dirname "$bridged_test")" -type f)" == "$bridged_test" ]] \
  || { cat "$work/tests.diff" >&2; fail "the scratch copy's tests differ from the sample app's by more than $bridged_test"; }
./mvnw -B -ntp test -Dtest=ParityTest > "$work/parity.log" 2>&1 || { grep -E '^\[ERROR\]|DIFF' "$work/parity.log" | head -40; fail "the parity test fails with OrdersService ejected"; }
expect "$work/parity.log" 'Not generated: sample_legacy_orders.v1.OrdersService, which io.rest2grpc.sample.order.OrdersServiceGrpcService in the module.s sources implements \(ejected\)' "generate leaves the ejected service alone"
expect "$work/parity.log" 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, .* in io.rest2grpc.sample.parity.ParityTest' "ParityTest passes"

echo
echo "Walkthrough: every step did what the guide says."
