package io.rest2grpc.sample.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Which documented (operation, status) pairs the contract suite has seen on the wire, and the first
 * error response of each pair (the inputs of the error round trip). Responses are counted in the
 * current {@link Recording}: the JVM's own, or one a run of the suite against another target
 * installed with {@link #recordInto}, so the runs never mix.
 */
public final class ContractCoverage {

  /** Documented on every operation; it is enough to have seen them answered by one. */
  public static final Set<String> SHARED_STATUSES = Set.of("429", "500");

  /** Pairs that a black-box test cannot produce on demand, with the reason. */
  public static final Map<String, String> UNOBSERVABLE = Map.of(
      "GET /v1/order-exports/{id}/content (downloadOrderExport) 409",
      "only while the export is still running, which on this data lasts milliseconds");

  private static final Recording JVM = new Recording();
  private static volatile Recording current = JVM;

  private ContractCoverage() {}

  static void record(ContractSpec.Operation operation, Exchange exchange) {
    current.record(operation, exchange);
  }

  /** Counts responses in {@code recording} until the returned scope is closed (runs are sequential). */
  public static Scope recordInto(Recording recording) {
    Recording previous = current;
    current = recording;
    return () -> current = previous;
  }

  /** One error response per documented operation and status seen, keyed "METHOD /path (operationId) STATUS". */
  public static Map<String, Exchange> errors() {
    return current.errors();
  }

  public static Set<String> seen(ContractSpec.Operation operation) {
    return current.seen(operation);
  }

  public static boolean isEmpty() {
    return current.isEmpty();
  }

  /** The pairs seen, as {@link #requiredPairs()} names them. */
  public static Set<String> seenPairs() {
    return current.pairs();
  }

  /**
   * Every pair the suite must see, keyed "METHOD /path (operationId) STATUS"; a shared status is one
   * pair, "any operation STATUS".
   */
  public static List<String> requiredPairs() {
    List<String> pairs = new ArrayList<>();
    for (ContractSpec.Operation operation : ContractSpec.get().operations()) {
      for (String status : operation.statuses()) {
        String pair = operation + " " + status;
        if (!SHARED_STATUSES.contains(status) && !UNOBSERVABLE.containsKey(pair)) {
          pairs.add(pair);
        }
      }
    }
    new TreeSet<>(SHARED_STATUSES).forEach(status -> pairs.add(anyOperation(status)));
    return pairs;
  }

  public static String anyOperation(String status) {
    return "any operation " + status;
  }

  /** Closes a {@link #recordInto} scope. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** The pairs one run saw, in order, each with the test that saw it. */
  public static final class Recording {
    private final Map<String, Set<String>> statusesByOperation = new ConcurrentHashMap<>();
    private final Map<String, Exchange> errors = new ConcurrentSkipListMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private volatile String test = "";

    /** One response checked against the contract: the test, and the pairs it counts for. */
    public record Seen(String test, List<String> pairs) {}

    /** The test whose responses are counted from now on. */
    public void startTest(String name) {
      test = name;
    }

    void record(ContractSpec.Operation operation, Exchange exchange) {
      String status = Integer.toString(exchange.status());
      statusesByOperation.computeIfAbsent(operation.toString(), key -> ConcurrentHashMap.newKeySet()).add(status);
      String pair = operation + " " + status;
      seen.add(new Seen(test, SHARED_STATUSES.contains(status) ? List.of(pair, anyOperation(status)) : List.of(pair)));
      if (exchange.status() >= 400) {
        errors.putIfAbsent(pair, exchange);
      }
    }

    public Map<String, Exchange> errors() {
      return Collections.unmodifiableMap(errors);
    }

    public Set<String> seen(ContractSpec.Operation operation) {
      return statusesByOperation.getOrDefault(operation.toString(), Set.of());
    }

    /** Every response checked, in the order the tests got them. */
    public List<Seen> responses() {
      synchronized (seen) {
        return List.copyOf(seen);
      }
    }

    /** Each pair seen (shared statuses also as "any operation STATUS"). */
    public Set<String> pairs() {
      Set<String> pairs = new TreeSet<>();
      responses().forEach(response -> pairs.addAll(response.pairs()));
      return pairs;
    }

    public boolean isEmpty() {
      return statusesByOperation.isEmpty();
    }
  }
}
