// The build log holds every step of invoker.properties, in order
def log = new File(basedir, 'build.log').text
def count = { String text -> log.split(java.util.regex.Pattern.quote(text), -1).length - 1 }
def passed = { String testClass, int tests -> ~/Tests run: ${tests}, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in ${testClass}\n/ }

// 1. convert wrote the protos and the lock; 2. the build generated the service and its tests passed, REST answers recorded
assert new File(basedir, 'src/main/proto/openapi.rest2grpc-lock.json').isFile()
assert log.contains('The protos in') && log.contains('are what the spec converts to')
// 3. nothing changed since 2: both goals skip their work, protoc rewrites no source, and javac finds nothing stale
def steps = log.split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))
assert steps[3].contains('were checked against the spec, and nothing changed since')
assert steps[3] =~ /The gRPC services in \S+ are up to date: nothing rest2grpc:generate reads changed since its last run/
assert steps[3].contains('Nothing to compile - all classes are up to date')
assert count('are up to date: nothing rest2grpc:generate reads changed') == 1 // every later step changes what it reads
// 2. and 4.: on each row of the support matrix the build generated the service and its tests passed (DTOs, Location
// metadata, validation and the advice's errors)
assert log =~ /Generating for Spring Boot 3\.[\d.]+, Spring gRPC 0\.12, Jackson 2 /
assert log =~ /Generating for Spring Boot 4\.[\d.]+, Spring gRPC 1\.0, Jackson 3 /
assert count('3 RPCs: 2 typed, 1 bridged, 0 without a handler in this module; 0 handlers without an RPC') == 2
assert log =~ /GET \/v1\/books\/\{id\} -> shop_books.v1.BooksService.GetBook <- BookController#getBook \(BookController.java:\d+\) \[typed\]/
assert log =~ /GET \/v1\/books\/\{id\}\/blurb -> shop_books.v1.BooksService.GetBookBlurb <- BookController#getBookBlurb \(BookController.java:\d+\) \[bridge\]/
assert (log =~ passed('it.shop.GeneratedServiceTest', 4)).count >= 2
assert new File(basedir, 'target/serves-grpc-beside-rest-1.0-protos.zip').isFile()
def recorded = new groovy.json.JsonSlurper().parse(new File(basedir, 'recorded-rest-answers.json'))
assert recorded*.status == [200, 404, 200, 404, 201, 422, 409, 400]

// 5. eject: the service into the controllers' package; getBook delegates (moved whole), createBook holds logic (listed)
def service = new File(basedir, 'src/main/java/it/shop/BooksServiceGrpcService.java')
assert log.contains('Ejected shop_books.v1.BooksService: rest2grpc:generate no longer writes it')
assert new File(basedir, 'src/main/java/it/shop/grpc/BookMapper.java').isFile()
assert new File(basedir, 'src/main/proto/rest2grpc-baseline.binpb').isFile()
assert service.text =~ /public Book getBookHandler\(@PathVariable long id\) \{\s+return catalog.find\(id\);/
def controller = new File(basedir, 'src/main/java/it/shop/BookController.java').readLines()
def lineOf = { String text -> controller.findIndexOf { it.contains(text) } + 1 }
assert log.contains('[WARNING] Move this to the service layer before cutover (ejected calling the controller until it is moved):\n'
    + "[WARNING]   BookController.java:${lineOf('if (input.genre()')}: BookController#createBook (BookController.java:"
    + "${lineOf('public ResponseEntity<Book> createBook')}) holds an if statement\n[WARNING] Bridged")
assert log =~ /\[WARNING\]   BooksServiceGrpcService#getBookBlurb \(BooksServiceGrpcService.java:\d+\): shop_books.v1.BooksService\/GetBookBlurb\n/

// 6. generate leaves the ejected service alone; it serves: gRPC answers what REST recorded, every bridged method still mapped
assert count('Not generated: shop_books.v1.BooksService, which it.shop.BooksServiceGrpcService in the module\'s sources implements (ejected)') == 3
assert !new File(basedir, 'target/generated-sources/rest2grpc/com/shop_books/v1/grpc/BooksServiceGrpcService.java').exists()
assert (log =~ passed('it.shop.BooksServiceGrpcServiceBridgedMethodsTest', 1)).size() == 1
assert (log =~ passed('it.shop.RecordedRestAnswersTest', 1)).size() == 3 // recorded in 2, compared in 6 and 8

// 7. GetBookBlurb's mapping removed, its method not written: the bridged-methods test fails naming the method
assert log =~ /These methods go through the bridge to a REST mapping no controller has any more; each still needs a hand-written implementation[^\n]*\n  BooksServiceGrpcService#getBookBlurb \(BooksServiceGrpcService.java:\d+\): shop_books.v1.BooksService\/GetBookBlurb \(GET \/v1\/books\/\{id\}\/blurb\)/

// 8. the cutover: written by hand, no HTTP mapping left, the test with it gone; the unchanged owned protos pass buf breaking
assert service.text.contains('public ResponseEntity<byte[]> getBookBlurbHandler(@PathVariable long id)')
assert !service.text.contains('bridge.unary(')
assert controller.every { !(it =~ /^\s*@\w*Mapping/) }
assert !new File(basedir, 'src/test/java/it/shop/BooksServiceGrpcServiceBridgedMethodsTest.java').exists()
assert log =~ /The protos keep what the baseline image \S+rest2grpc-baseline.binpb promised \(buf breaking, WIRE_JSON\)/

// 9. a renamed field in the owned protos: buf breaking's finding fails the build
assert log =~ /The protos break what the baseline image \S+rest2grpc-baseline.binpb promised \(buf breaking, WIRE_JSON\):/
assert log =~ /shop_books\/v1\/models.proto:\d+:\d+:Field "7" with name "sub_title" on message "Book" changed option "json_name" from "subtitle" to "subTitle"./
return true
