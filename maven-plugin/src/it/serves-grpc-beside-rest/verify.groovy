// 1. convert wrote the protos and the lock; 2. and 3. on each row of the support matrix the build generated the
// service and its tests passed (DTOs, Location metadata, validation and the advice's errors)
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'src/main/proto/openapi.rest2grpc-lock.json').isFile()
assert log.contains('The protos in') && log.contains('are what the spec converts to')
assert log =~ /Generating for Spring Boot 3\.[\d.]+, Spring gRPC 0\.12, Jackson 2 /
assert log =~ /Generating for Spring Boot 4\.[\d.]+, Spring gRPC 1\.0, Jackson 3 /
assert log.count('2 RPCs: 2 typed, 0 bridged, 0 without a handler in this module; 0 handlers without an RPC') == 2
assert log =~ /GET \/v1\/books\/\{id\} -> shop_books.v1.BooksService.GetBook <- BookController#getBook \(BookController.java:\d+\)/
assert (log =~ /Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in it.shop.GeneratedServiceTest/).count == 2
assert new File(basedir, 'target/serves-grpc-beside-rest-1.0-protos.zip').isFile()
return true
