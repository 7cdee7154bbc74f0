package io.rest2grpc.sample.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.rest2grpc.sample.SampleLegacyApplication;
import io.rest2grpc.sample.support.ContractCoverage;
import io.rest2grpc.sample.support.ContractEngine;
import io.rest2grpc.sample.support.ContractSuite;
import io.rest2grpc.sample.support.ReasonedList;
import io.rest2grpc.transcoding.paging.PageTokenKeys;
import io.rest2grpc.transcoding.paging.PageTokens;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * Parity on the app itself: the contract suite's own requests, each answered by the REST endpoints of
 * one instance and, as a gRPC call through the engine, by the generated services of a second
 * instance on an identical fixture (each starts on its own fresh embedded database). For every
 * request, the gRPC answer must equal the engine's conversion of the REST answer ({@link
 * AnswerComparison}): code, message under the REST JSON equivalence, documented headers, and an
 * error's whole Status with its details and original HTTP status. The differences that are
 * legitimate are listed once ({@link LegitimateDifferences}), and each entry is shown to hide no
 * mismatch seeded beside it. Every (operation, status) pair the contract coverage requires must have
 * been compared; the pairs not compared and those with a known mismatch are listed in
 * {@value #LIMITATIONS}, each with its reason.
 */
class ParityTest {
  static final String LIMITATIONS = "parity/limitations.txt";
  private static final String PAGE_TOKEN_SECRET = Base64.getEncoder().encodeToString(new byte[32]);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyRequiredPairAnswersOverGrpcWhatRestAnswers() throws Exception {
    LegitimateDifferences legitimate = LegitimateDifferences.read();
    PageTokens tokens = PageTokens.create(PageTokenKeys.fromBase64("parity", Map.of("parity", PAGE_TOKEN_SECRET)));
    ParityFront front;
    ContractSuite suite;
    ExecutorService threads = Executors.newCachedThreadPool();
    try (App rest = App.start(); App grpc = App.start()) {
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpc.grpcPort()).usePlaintext().build();
      front = new ParityFront(ContractEngine.load(tokens), channel, "http://127.0.0.1:" + rest.httpPort(), tokens,
          new AnswerComparison(legitimate));
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", front);
      server.setExecutor(threads);
      server.start();
      try {
        suite = ContractSuite.run("http://127.0.0.1:" + server.getAddress().getPort());
      } finally {
        server.stop(0);
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        threads.shutdownNow();
      }
    }
    List<ParityFront.Compared> compared = front.compared();
    Map<String, List<String>> mismatches = new TreeMap<>();
    Map<String, Integer> comparedPairs = new TreeMap<>();
    for (ParityFront.Compared one : compared) {
      comparedPairs.merge(one.pair(), 1, Integer::sum);
      if (!one.result().matches()) {
        mismatches.computeIfAbsent(one.pair(), pair -> new ArrayList<>()).add(one.request() + " " + one.result().mismatches());
      }
    }
    ReasonedList limitations = ReasonedList.read(LIMITATIONS, Set.of("pair", "mismatch"));
    Set<String> missing = new TreeSet<>(ContractCoverage.requiredPairs());
    missing.removeAll(comparedPairs.keySet());
    front.skipped().stream().filter(skip -> skip.why() == ParityFront.Why.REFUSED_AS_REST_REFUSES)
        .forEach(skip -> missing.remove(skip.pair()));
    report(comparedPairs, mismatches, front, legitimate);

    assertThat(suite.failedTests()).as("the contract suite, answered by REST through the front").isEmpty();
    assertThat(front.skipped()).as("requests the engine refused where REST did not")
        .noneMatch(skip -> skip.why() == ParityFront.Why.REFUSED_UNLIKE_REST);
    assertThat(mismatches.keySet()).as("pairs whose gRPC answers differ from REST's (%s lists the known ones)", LIMITATIONS)
        .isEqualTo(limitations.of("mismatch").keySet());
    assertThat(missing).as("required pairs not compared (%s lists the known ones)", LIMITATIONS).isEqualTo(limitations.of("pair").keySet());
    // a `within` rule covers a race (two instances a second apart, or not): a run may not need it; LegitimateDifferencesTest
    for (String entry : legitimate.rules().stream().filter(rule -> rule.within().isEmpty()).map(LegitimateDifferences.Rule::entry).toList()) {
      assertThat(compared.stream().flatMap(one -> one.result().allowed().stream()).anyMatch(allowed -> allowed.rule().entry().equals(entry)))
          .as("%s lists '%s', which no comparison needed: remove it", LegitimateDifferences.RESOURCE, entry).isTrue();
      assertHidesNoSeededMismatch(entry, compared, new AnswerComparison(legitimate));
    }
  }

  /**
   * Takes a real comparison in which {@code entry} set a difference aside, seeds a second difference
   * beside it in the gRPC answer (a sibling value changed, or a header's value), and checks that the
   * comparison reports exactly the seeded one.
   */
  private static void assertHidesNoSeededMismatch(String entry, List<ParityFront.Compared> compared, AnswerComparison comparison)
      throws Exception {
    ParityFront.Compared sample = compared.stream()
        .filter(one -> one.result().matches() && one.result().allowed().stream().anyMatch(allowed -> allowed.rule().entry().equals(entry)))
        .filter(one -> seeded(entry, one).isPresent()).findFirst()
        .orElseThrow(() -> new AssertionError("no comparison to seed a mismatch beside '" + entry + "' in"));
    Seeded seeded = seeded(entry, sample).orElseThrow();
    AnswerComparison.Result result = comparison.compare(sample.expected(), seeded.actual(), sample.descriptor(), sample.method());
    assertThat(result.mismatches()).as("a mismatch seeded at %s beside '%s' (%s)", seeded.where(), entry, sample.request())
        .extracting(Difference::where).containsExactly(seeded.where());
  }

  /** The gRPC answer of {@code one} with one value beside what {@code entry} allows changed, and where. */
  private record Seeded(Answer actual, String where) {}

  private static Optional<Seeded> seeded(String entry, ParityFront.Compared one) {
    try {
      LegitimateDifferences.Rule rule = one.result().allowed().stream().filter(allowed -> allowed.rule().entry().equals(entry))
          .findFirst().orElseThrow().rule();
      String plain = entry.replaceFirst("^id ", "");
      String part = plain.startsWith("header ") ? "body " : plain.substring(0, plain.indexOf(' ') + 1);
      JsonNode actual = JSON.readTree(one.actual().json());
      String allowed = one.result().allowed().stream().filter(a -> a.rule() == rule).findFirst().orElseThrow().difference().where();
      // beside it: a sibling of the allowed value, else (a header, a lone member) the first other text in the answer
      String parent = allowed.startsWith(part) ? allowed.substring(part.length(), allowed.lastIndexOf('/')) : "";
      Optional<String> target = textBeside(parent.isEmpty() ? actual : actual.at(parent), parent, part, rule)
          .or(() -> textBeside(actual, "", part, rule));
      if (target.isEmpty()) {
        return Optional.empty();
      }
      String pointer = target.get();
      ObjectNode holder = (ObjectNode) (pointer.lastIndexOf('/') == 0 ? actual : actual.at(pointer.substring(0, pointer.lastIndexOf('/'))));
      String name = pointer.substring(pointer.lastIndexOf('/') + 1);
      holder.put(name, holder.get(name).asText() + "-seeded");
      return Optional.of(new Seeded(one.actual().withJson(JSON.writeValueAsString(actual)), part + pointer));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The pointer of the first text value under {@code node} (at {@code at}) that {@code rule} does not allow to differ. */
  private static Optional<String> textBeside(JsonNode node, String at, String part, LegitimateDifferences.Rule rule) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        String pointer = at + "/" + field.getKey();
        if (field.getValue().isTextual() && !rule.where().matcher(part + pointer).matches()) {
          return Optional.of(pointer);
        }
        Optional<String> deeper = field.getValue().isObject() ? textBeside(field.getValue(), pointer, part, rule) : Optional.empty();
        if (deeper.isPresent()) {
          return deeper;
        }
      }
    }
    return Optional.empty();
  }

  private static void report(Map<String, Integer> comparedPairs, Map<String, List<String>> mismatches, ParityFront front,
      LegitimateDifferences legitimate) {
    List<String> lines = new ArrayList<>();
    int total = comparedPairs.values().stream().mapToInt(Integer::intValue).sum();
    lines.add("Parity: " + total + " requests compared over " + comparedPairs.size() + " (operation, status) pairs, "
        + mismatches.size() + " pairs with a mismatch; " + front.skipped().size() + " not compared");
    comparedPairs.forEach((pair, count) -> lines.add((mismatches.containsKey(pair) ? "  DIFF  " : "  same  ") + pair + " x" + count
        + (mismatches.containsKey(pair) ? "  " + mismatches.get(pair).get(0) : "")));
    front.skipped().forEach(skip -> lines.add("  skip  " + skip.pair() + ": " + skip.why()
        + (skip.detail().isEmpty() ? "" : " (" + skip.detail() + ")")));
    Map<String, Integer> used = new TreeMap<>();
    front.compared().forEach(one -> one.result().allowed().forEach(allowed -> used.merge(allowed.rule().entry(), 1, Integer::sum)));
    legitimate.rules().forEach(rule -> lines.add("  allowed " + rule.entry() + " x" + used.getOrDefault(rule.entry(), 0) + ": "
        + rule.reason()));
    System.out.println(String.join("\n", lines));
  }

  /** One fresh instance of the app on 127.0.0.1: its own embedded database, HTTP and gRPC ports. */
  private record App(ConfigurableApplicationContext context, int httpPort, int grpcPort) implements AutoCloseable {
    static App start() {
      AtomicInteger http = new AtomicInteger();
      AtomicInteger grpc = new AtomicInteger();
      ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleLegacyApplication.class)
          .listeners((ApplicationListener<GrpcServerStartedEvent>) started -> grpc.set(started.getPort()),
              (ApplicationListener<WebServerInitializedEvent>) started -> http.set(started.getWebServer().getPort()))
          .run("--server.port=0", "--spring.grpc.server.port=0", "--spring.main.banner-mode=off",
              "--rest2grpc.page-tokens.secrets.parity=" + PAGE_TOKEN_SECRET, "--rest2grpc.page-tokens.current-key-id=parity");
      return new App(context, http.get(), grpc.get());
    }

    @Override
    public void close() {
      context.close();
    }
  }
}
