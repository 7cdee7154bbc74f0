package it.depot;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One handler per DTO shape, each answering with what it got, one value computed or normalized. */
@RestController
@RequestMapping("/v1")
public class DepotController {

  @PostMapping("/shipments")
  public Shipment createShipment(@RequestBody Shipment shipment) {
    return shipment.counted();
  }

  @PostMapping("/customers")
  public Customer registerCustomer(@RequestBody Customer customer) {
    return customer;
  }

  @PostMapping("/addresses")
  public Address normalizeAddress(@RequestBody Address address) {
    return address.normalized();
  }

  @PostMapping("/invoices")
  public Invoice createInvoice(@RequestBody Invoice invoice) {
    invoice.computeTotal();
    return invoice;
  }

  @PostMapping("/quotes")
  public Quote createQuote(@RequestBody Quote quote) {
    return quote.toBuilder().id("Q-" + quote.getSpeed().wire()).build();
  }

  @PostMapping("/payments")
  public Payment createPayment(@RequestBody Payment payment) {
    return payment instanceof CardPayment card ? card.masked() : payment;
  }
}
