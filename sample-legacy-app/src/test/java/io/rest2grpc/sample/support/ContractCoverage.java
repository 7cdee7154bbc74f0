package io.rest2grpc.sample.support;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Which documented (operation, status) pairs the contract suite has seen on the wire during this
 * JVM, and the first error response of each pair (the inputs of the error round trip).
 */
public final class ContractCoverage {

  private static final Map<String, Set<String>> STATUSES_BY_OPERATION = new ConcurrentHashMap<>();
  private static final Map<String, Exchange> ERRORS = new ConcurrentSkipListMap<>();

  private ContractCoverage() {}

  static void record(ContractSpec.Operation operation, Exchange exchange) {
    STATUSES_BY_OPERATION.computeIfAbsent(operation.toString(), key -> ConcurrentHashMap.newKeySet())
        .add(Integer.toString(exchange.status()));
    if (exchange.status() >= 400) {
      ERRORS.putIfAbsent(operation + " " + exchange.status(), exchange);
    }
  }

  /** One error response per documented operation and status seen, keyed "METHOD /path (operationId) STATUS". */
  public static Map<String, Exchange> errors() {
    return Collections.unmodifiableMap(ERRORS);
  }

  public static Set<String> seen(ContractSpec.Operation operation) {
    return STATUSES_BY_OPERATION.getOrDefault(operation.toString(), Set.of());
  }

  public static boolean isEmpty() {
    return STATUSES_BY_OPERATION.isEmpty();
  }
}
