#!/usr/bin/env bash
# Performs the migration guide's chapters on a scratch copy of sample-legacy-app, taken back to its
# state before step 2, on 127.0.0.1; fails on the first step that does not do what the guide says.
# Needs a build of the repository first (buf comes with it): ./mvnw -B -ntp verify
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
guide="$repo/migration-guide"
buf="$repo/openapi-to-proto/target/tools/buf/node_modules/@bufbuild/buf/bin/buf"
version="0.1.0-SNAPSHOT"
work="$(mktemp -d)"
app_pid=""
cleanup() {
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

step "2. Add the 30 lines of 02-serve-grpc-beside-rest.md to the pom"
guide_block "$guide/02-serve-grpc-beside-rest.md" dependencies > "$work/dependencies.xml"
guide_block "$guide/02-serve-grpc-beside-rest.md" plugins > "$work/plugins.xml"
lines=$(( $(wc -l < "$work/dependencies.xml") + $(wc -l < "$work/plugins.xml") ))
(( lines <= 30 )) || fail "the guide's pom lines are $lines, more than 30"
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

step "3. Run it; call it with buf curl (reflection, then GetOrder), and REST beside it"
java -jar target/sample-legacy-app-$version.jar --server.port=0 --spring.grpc.server.port=0 > "$work/app.log" 2>&1 &
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

echo
echo "Walkthrough: every step did what the guide says."
