// The five invocations of invoker.properties write one build.log, in order.
def log = new File(basedir, 'build.log').text

// 2. the spec gained a field that was not converted: the bound goal names the file, the first differing line and the command
assert log.contains('The committed protos are not what the spec converts to:')
assert log =~ /src\/main\/proto\/shop_orders\/v1\/[a-z_]+\.proto: differs from line \d+: committed .*, the spec converts to ".*gift_wrap/
assert log.contains('Run `mvn rest2grpc:convert`, review the diff')

// 3. the retyped field: convert refuses, naming the field and the way out
assert log =~ /does not convert:[\s\S]*quantity[\s\S]*allow-breaking/

// 4. the removed field: convert names what the committed protos lose
assert log.contains('takes away from the committed protos, a breaking change for their gRPC clients:')
assert log.contains('field Order.note (number 3, REST "note") is gone')

// 5. no failure wrote anything: the protos still are what the first spec converts to
assert log.contains('are what the spec converts to')
assert new File(basedir, 'src/main/proto/openapi.rest2grpc-lock.json').isFile()
assert !new File(basedir, 'src/main/proto/shop_orders/v1/models.proto').text.contains('gift_wrap')
return true
