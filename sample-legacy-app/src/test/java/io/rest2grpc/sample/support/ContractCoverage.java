package io.rest2grpc.sample.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which documented (operation, status) pairs the contract suite has seen on the wire during this JVM. */
public final class ContractCoverage {

  private static final Map<String, Set<String>> STATUSES_BY_OPERATION = new ConcurrentHashMap<>();

  private ContractCoverage() {}

  static void record(ContractSpec.Operation operation, int status) {
    STATUSES_BY_OPERATION.computeIfAbsent(operation.toString(), key -> ConcurrentHashMap.newKeySet())
        .add(Integer.toString(status));
  }

  public static Set<String> seen(ContractSpec.Operation operation) {
    return STATUSES_BY_OPERATION.getOrDefault(operation.toString(), Set.of());
  }

  public static boolean isEmpty() {
    return STATUSES_BY_OPERATION.isEmpty();
  }
}
