// 1. convert wrote the protos; 2. and 3. on each row of the support matrix, every RPC is a typed call (no DTO shape fell
// back to the bridge), the mappers were generated, and the tests comparing each shape over gRPC and REST passed;
// 4. a mixin renaming a property of Address failed the self-check with the path, both JSON texts and the switch
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert new File(basedir, 'src/main/proto/openapi.rest2grpc-lock.json').isFile()
assert log =~ /Generating for Spring Boot 3\.[\d.]+, Spring gRPC 0\.12, Jackson 2 \(read from the project's dependencies\)/
assert log =~ /Generating for Spring Boot 4\.[\d.]+, Spring gRPC 1\.0, Jackson 3 \(read from the project's dependencies\)/
assert log.count('6 RPCs: 6 typed, 0 bridged, 0 without a handler in this module; 0 handlers without an RPC') == 2
// 4. adds a test source only (the mixin), which generate does not read: it finds its inputs unchanged and writes nothing
assert log.count('are up to date: nothing rest2grpc:generate reads changed since its last run') == 1
assert (log =~ /Tests run: 6, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in it.depot.EveryDtoShapeTest/).count == 2

def report = new JsonSlurper().parse(new File(basedir, 'target/rest2grpc/generate-report.json'))
assert report.operations*.rpc.collect { it - 'parcel_depot.v1.DepotService.' } as Set ==
    ['CreateShipment', 'RegisterCustomer', 'NormalizeAddress', 'CreateInvoice', 'CreateQuote', 'CreatePayment'] as Set
report.operations.each { assert it.call == 'typed': "${it.rpc} is bridged: ${it.reason}" }

def mappers = new File(basedir, 'target/generated-sources/rest2grpc/com/parcel_depot/v1/grpc/mappers')
['ShipmentMapper', 'ArrayOfStringMapper', 'CustomerMapper', 'AddressMapper', 'InvoiceMapper', 'QuoteMapper', 'PaymentMapper',
 'CardPaymentMapper', 'BankTransferMapper', 'SpeedMapper', 'TierMapper'].each {
  assert new File(mappers, "${it}.java").isFile(): "no generated ${it}"
}
def configuration = new File(basedir, 'target/generated-sources/rest2grpc/com/parcel_depot/v1/grpc/Rest2GrpcGeneratedServices.java').text
assert configuration.contains('beforeName = "org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration"')

def selfCheck = new File(basedir, 'target/surefire-reports/com.parcel_depot.v1.grpc.Rest2GrpcMapperSelfCheckTest.txt').text
assert selfCheck.contains('AddressMapper.fromProto gives the handler another it.depot.Address than REST does')
assert selfCheck.contains('/country: expected null, got "')
assert selfCheck.contains('add <dto>it.depot.Address</dto> to <bridgedDtos>')
return true
