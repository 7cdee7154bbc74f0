package io.rest2grpc.sample.order;

/** The tax breakdown of an order, for the customer's country. */
public record Invoice(long orderId, String country, int taxRatePercent, Money net, Money tax, Money gross) {}
