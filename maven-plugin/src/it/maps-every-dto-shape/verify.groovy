// 1. convert wrote the protos; 2. every RPC is a typed call (no DTO shape fell back to the bridge), the mappers
// were generated, and the tests comparing each shape over gRPC and REST passed
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert new File(basedir, 'src/main/proto/openapi.rest2grpc-lock.json').isFile()
assert log.contains('6 RPCs: 6 typed, 0 bridged, 0 without a handler in this module; 0 handlers without an RPC')

def report = new JsonSlurper().parse(new File(basedir, 'target/rest2grpc/generate-report.json'))
assert report.operations*.rpc.collect { it - 'parcel_depot.v1.DepotService.' } as Set ==
    ['CreateShipment', 'RegisterCustomer', 'NormalizeAddress', 'CreateInvoice', 'CreateQuote', 'CreatePayment'] as Set
report.operations.each { assert it.call == 'typed': "${it.rpc} is bridged: ${it.reason}" }

def mappers = new File(basedir, 'target/generated-sources/rest2grpc/com/parcel_depot/v1/grpc/mappers')
['ShipmentMapper', 'ArrayOfStringMapper', 'CustomerMapper', 'AddressMapper', 'InvoiceMapper', 'QuoteMapper', 'PaymentMapper',
 'CardPaymentMapper', 'BankTransferMapper', 'SpeedMapper', 'TierMapper'].each {
  assert new File(mappers, "${it}.java").isFile(): "no generated ${it}"
}
assert log =~ /Tests run: 6, Failures: 0, Errors: 0, Skipped: 0/
return true
