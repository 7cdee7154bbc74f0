package io.rest2grpc.openapi.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.AnnotationsProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Fact;
import io.rest2grpc.openapi.fidelity.Fidelity;
import io.rest2grpc.openapi.review.Review;
import io.rest2grpc.openapi.review.ReviewTotals;
import io.rest2grpc.openapi.support.Corpus;
import io.rest2grpc.openapi.support.ServiceConfigs;
import io.rest2grpc.openapi.support.Tools;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.transcoding.DescriptorSets;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import io.rest2grpc.transcoding.paging.PageTokenKeys;
import io.rest2grpc.transcoding.paging.PageTokens;
import io.rest2grpc.transcoding.paging.PagingTransform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The one pass over the corpus per CI run: every entry document converts, the output compiles with
 * a real protoc and passes buf lint (STANDARD minus the two AIP exceptions), and its rest2grpc
 * options read back from the descriptor set. Prints per spec the RPCs, HTTP rules, options and each
 * category HttpRule could not express, lists, streams, errors and example fidelity, and compares these
 * figures with src/test/resources/corpus-snapshot.txt. Later issues add their checks here
 * rather than converting the corpus again.
 */
class CorpusTest {
  private static final Path OUT = Path.of("target", "corpus").toAbsolutePath();
  /** The checked-in figures of the last intended change; see {@link CorpusSnapshot}. */
  private static final Path SNAPSHOT_FILE = Path.of("src", "test", "resources", "corpus-snapshot.txt").toAbsolutePath();
  /** The package of every converted spec, reviewed by hand; see {@link ExpectedPackages}. */
  private static final ExpectedPackages PACKAGES = ExpectedPackages.read(Path.of("src", "test", "resources", "corpus-packages.tsv"));
  private static final String CONVERSION = "Corpus conversion (RPCs, HTTP rules, rest2grpc options, HttpRule categories)";
  private static final String LISTS = "List RPCs per paging style (AIP-158 shape)";
  private static final String STREAMS = "Streaming RPCs per spec";
  private static final String ERRORS =
      "Error responses (documented in the entry document, '+': more in other files / mapped to a gRPC code / report rows)";
  private static final String FIDELITY_ROWS =
      "Example fidelity (found / invalid against own schema / not a message / checked / round-tripped; first failures)";
  private static final String REVIEW = "Review (stutter / verb disagrees / missed standard names / no operationId / dup messages"
      + " / dup enums / self-typed members / page_token_N / lines >200 / VALUE_n enums / package; README 'Review figures')";
  private static final String WRITTEN_ONCE = "Options written once (errors / security requirements written on RPCs and services,"
      + " option lines in text format: each RPC's whole option -> shared values on the service; README 'Options written once')";
  private static final String PARAMETERS = "Parameters outside the request messages (fields removed: shared parameters each method"
      + " takes plus constants / constants / RestFile.shared_parameters; README 'Shared parameters')";
  private static final String ROUTES = "Routes (RPCs / routes in the table, of them from rest_path / ambiguous, dropped / a request"
      + " made from each route routed back to it / Spring's PathPattern picks the same route; transcoding README 'Routes')";
  private static final String TRANSCODING = "What the transcoding engine needs (README 'Services and RPCs', 'Streaming'; issue 16 §4)";
  private static final String REQUESTS = "Requests both ways (routes / path variables and parameters given a value / a request"
      + " message written as REST by its route, routed and bound by the engine, came back as the same route, message and URL;"
      + " transcoding README 'Requests')";
  private static final String ORACLE = "The engine against Armeria's HttpRule transcoding (routes / of them from rest_path alone or"
      + " of streams / compared: one request with every parameter and body member valued, sent to both / identical messages /"
      + " routes per class of difference; transcoding README 'Proof: an independent oracle')";
  /**
   * The specs the oracle runs on: the sample app; Spotify (query names, additional properties) and Ory Kratos (int64,
   * enums with wire values, header parameters, unions): between them every class of difference the corpus shows.
   */
  private static final Set<String> ORACLE_SPECS = Set.of("sample-legacy-app", "medium_spotify.yml", "medium_ory-kratos.json");
  private static final CorpusSnapshot SNAPSHOT = new CorpusSnapshot(CONVERSION, LISTS, STREAMS, ERRORS, FIDELITY_ROWS, REVIEW,
      WRITTEN_ONCE, PARAMETERS, ROUTES, TRANSCODING, REQUESTS, ORACLE);
  private static TranscodingFacts transcodingTotal = TranscodingFacts.NONE;
  private static RouteRoundTrip routesTotal = RouteRoundTrip.NONE;
  private static RequestRoundTrip requestsTotal = RequestRoundTrip.NONE;
  private static OracleComparison oracleTotal = OracleComparison.NONE;
  private static final int[] PARAMETER_TOTALS = new int[3];
  private static final ReviewTotals REVIEW_TOTALS = new ReviewTotals();
  private static final Map<String, Long> MILLIS = new ConcurrentSkipListMap<>();
  private static final Map<Category, Integer> TOTALS = new EnumMap<>(Category.class);
  private static final List<Fidelity.Result> FIDELITY = new ArrayList<>();
  private static final Map<String, Integer> STREAM_TOTALS = new TreeMap<>();
  private static final Map<String, Integer> ERROR_CODES = new TreeMap<>();
  private static OptionsWrittenOnce writtenOnceTotal = OptionsWrittenOnce.NONE;
  /** Issue floor: at least this share of the valid examples of messages round-trips across the corpus. */
  private static final double FIDELITY_FLOOR_PERCENT = 99.0;

  /** The sample app's hand-written contract: the migration target of every later end-to-end test. */
  private static final Path SAMPLE_APP_SPEC = Path.of("../sample-legacy-app/src/main/resources/openapi.yaml").toAbsolutePath().normalize();

  /** Skipped as a whole when there is no corpus (see {@link Corpus}); the snapshot is then not compared. */
  @TestFactory
  List<DynamicTest> everyCorpusSpecConvertsCompilesAndLints() {
    return Corpus.entryDocuments().stream()
        .map(spec -> DynamicTest.dynamicTest(Corpus.nameOf(spec), () -> check(spec, Corpus.nameOf(spec))))
        .toList();
  }

  /** In the repo, so it runs with or without the corpus. */
  @Test
  void theSampleAppSpecConvertsCompilesAndLints() {
    check(SAMPLE_APP_SPEC, "sample-legacy-app");
  }

  private static void check(Path spec, String name) {
    long start = System.nanoTime();
    Conversion conversion = OpenApiToProto.convert(spec, ConversionOptions.defaults());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(conversion.packageName()).as("package of %s (src/test/resources/corpus-packages.tsv)", name).isEqualTo(PACKAGES.of(name));
    Path module = OUT.resolve(name);
    OpenApiToProto.write(conversion, module);

    Path descriptorSet = OUT.resolve(name + ".pb");
    Tools.Result protoc = Tools.protoc(module, descriptorSet);
    assertThat(protoc.ok()).as("protoc on %s:%n%s", name, protoc.output()).isTrue();
    Map<String, FileDescriptor> compiled = DescriptorSets.load(descriptorSet);
    long options = countRestOptions(compiled);
    for (FileDescriptorProto built : DescriptorBuilder.protos(conversion)) {
      assertThat(built).as("in-memory descriptor of %s equals protoc's", built.getName())
          .isEqualTo(compiled.get(built.getName()).toProto());
    }
    Tools.Result lint = Tools.bufLint(module);
    assertThat(lint.ok()).as("buf lint on %s:%n%s", name, lint.output()).isTrue();

    review(compiled, module, name);
    OptionsWrittenOnce writtenOnce = OptionsWrittenOnce.of(conversion, compiled, name);
    SNAPSHOT.row(WRITTEN_ONCE, name, writtenOnce.row());
    synchronized (CorpusTest.class) {
      writtenOnceTotal = writtenOnceTotal.plus(writtenOnce);
    }
    movedParameters(compiled, name);
    RouteRoundTrip routes = RouteRoundTrip.of(compiled.values());
    SNAPSHOT.row(ROUTES, name, routes.row());
    RequestRoundTrip requests = RequestRoundTrip.of(compiled.values());
    SNAPSHOT.row(REQUESTS, name, requests.row());
    assertThat(requests.cameBack()).as("%s: every route the engine serves gives its request back; not back:%n%s", name,
        String.join("\n", requests.findings())).isEqualTo(requests.routes() - requests.unsupported());
    try {
      Files.writeString(OUT.resolve(name + ".requests.txt"), String.join("\n", requests.findings()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (CorpusTest.class) {
      routesTotal = routesTotal.plus(routes);
      requestsTotal = requestsTotal.plus(requests);
    }
    if (ORACLE_SPECS.contains(name)) {
      OracleComparison oracle = OracleComparison.of(compiled.values());
      SNAPSHOT.row(ORACLE, name, oracle.row());
      assertThat(oracle.unclassified()).as("%s: differences from Armeria's transcoding in no class (OracleDifference)", name).isEmpty();
      synchronized (CorpusTest.class) {
        oracleTotal = oracleTotal.plus(oracle);
      }
    }
    TranscodingFacts transcoding = TranscodingFacts.of(compiled, name);
    SNAPSHOT.row(TRANSCODING, name, transcoding.row());
    synchronized (CorpusTest.class) {
      transcodingTotal = transcodingTotal.plus(transcoding);
    }
    Map<String, Integer> streams = streams(compiled, name);
    streams.put("unary with a stream alternative", conversion.report().countsByCategory().getOrDefault(Category.STREAM_ALTERNATIVE, 0));
    assertServiceConfigsLoad(module, conversion, name);

    Fidelity.Result fidelity = Fidelity.check(conversion, compiled);
    synchronized (FIDELITY) {
      FIDELITY.add(fidelity);
    }
    SNAPSHOT.row(FIDELITY_ROWS, name, fidelityFigures(fidelity));

    ErrorCoverage errors = ErrorCoverage.of(conversion, compiled);
    if (errors.countable()) {
      assertThat(errors.mapped() + errors.reported())
          .as("every documented error response of %s maps to a code or a report row", name).isEqualTo(errors.documented());
    }
    SNAPSHOT.row(STREAMS, name, streams.toString());
    synchronized (STREAM_TOTALS) {
      streams.forEach((mode, n) -> STREAM_TOTALS.merge(mode, n, Integer::sum));
    }
    List<String> unusable = unusableLists(compiled, name);
    SNAPSHOT.row(LISTS, name, listStyles(conversion)
        + (unusable.isEmpty() ? "" : "  to complete (uncertain, refused by the runtime): " + unusable.size()));
    SNAPSHOT.row(ERRORS, name, String.format(Locale.ROOT, "%5d documented%s %5d mapped %4d report rows  bodies %s\n%60s codes %s",
        errors.documented(), errors.countable() ? " " : "+", errors.mapped(), errors.reported(), errors.byBodyStyle(), "",
        errors.byCode()));
    synchronized (ERROR_CODES) {
      errors.byCode().forEach((code, n) -> ERROR_CODES.merge(code, n, Integer::sum));
    }

    Map<Category, Integer> limits = conversion.report().httpRuleLimitCounts();
    synchronized (TOTALS) {
      limits.forEach((c, n) -> TOTALS.merge(c, n, Integer::sum));
    }
    SNAPSHOT.row(CONVERSION, name, String.format(Locale.ROOT, "%5d RPCs %5d rules %6d options  %s", conversion.rpcCount(),
        conversion.httpRuleCount(), options, limits.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "))));
    MILLIS.put(name, millis);
  }

  /** The review figures of issue 15, read from the descriptor set and the written files; the per-spec invariants asserted. */
  private static void review(Map<String, FileDescriptor> compiled, Path module, String name) {
    Review review = Review.of(compiled, module);
    assertThat(review.sameNameRpcs()).as("%s: RPCs of one service with one name", name).isEmpty();
    REVIEW_TOTALS.add(review);
    SNAPSHOT.row(REVIEW, name, review.row());
    try {
      Files.writeString(OUT.resolve(name + ".review.txt"), review.findings());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parameters carried as metadata or constants, each checked to have no request field left. */
  private static void movedParameters(Map<String, FileDescriptor> compiled, String name) {
    MovedParameters moved = MovedParameters.of(compiled);
    assertThat(moved.leftAsFields()).as("%s: request fields answering to a shared parameter or constant", name).isEmpty();
    SNAPSHOT.row(PARAMETERS, name, moved.row());
    synchronized (PARAMETER_TOTALS) {
      PARAMETER_TOTALS[0] += moved.fieldsRemoved();
      PARAMETER_TOTALS[1] += moved.constants();
      PARAMETER_TOTALS[2] += moved.shared().size();
    }
  }

  private static String fidelityFigures(Fidelity.Result r) {
    StringBuilder figures = new StringBuilder(String.format(Locale.ROOT, "%5d %5d %5d %5d %5d",
        r.found(), r.invalid(), r.notMessages(), r.checked(), r.roundTripped()));
    r.failures().stream().limit(3).forEach(f -> figures.append("\n    FAIL ").append(f.location()).append(" [")
        .append(f.limitation() == null ? "unexplained" : f.limitation()).append("]: ").append(f.reason().lines().findFirst().orElse("")));
    return figures.toString();
  }

  /** Streaming RPCs by mode; a bidi stream has no google.api.http rule and keeps its REST route in the option. */
  private static Map<String, Integer> streams(Map<String, FileDescriptor> compiled, String name) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    List.of("server", "client", "bidi").forEach(mode -> counts.put(mode, 0));
    for (FileDescriptor file : compiled.values()) {
      for (ServiceDescriptor service : file.getServices()) {
        for (MethodDescriptor method : service.getMethods()) {
          if (method.isClientStreaming() && method.isServerStreaming()) {
            counts.merge("bidi", 1, Integer::sum);
            assertThat(method.getOptions().hasExtension(AnnotationsProto.http)).as("%s: bidi %s has no HttpRule", name, method.getName()).isFalse();
            assertThat(EffectiveOptions.of(method).getRestPath()).as("%s: REST route of %s", name, method.getName()).isNotEmpty();
          } else if (method.isServerStreaming()) {
            counts.merge("server", 1, Integer::sum);
          } else if (method.isClientStreaming()) {
            counts.merge("client", 1, Integer::sum);
          }
        }
      }
    }
    return counts;
  }

  /** One service config per service, each accepted by grpc-java's parser. */
  private static void assertServiceConfigsLoad(Path module, Conversion conversion, String name) {
    try (Stream<Path> files = Files.walk(module)) {
      List<Path> configs = files.filter(p -> p.getFileName().toString().endsWith("_config.json")).toList();
      assertThat(configs).as("%s: a service config per service", name).hasSize(conversion.serviceCount());
      for (Path config : configs) {
        ServiceConfigs.assertLoads(ServiceConfigs.parse(Files.readAllBytes(config)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Integer> listStyles(Conversion conversion) {
    Map<String, Integer> styles = new TreeMap<>();
    conversion.facts().values().forEach(facts -> {
      if (facts.get(Fact.PAGING.key()) instanceof Map<?, ?> paging) {
        styles.merge(paging.get("style") + (Boolean.TRUE.equals(paging.get("uncertain")) ? "?" : ""), 1, Integer::sum);
      }
    });
    return styles;
  }

  private static final PageTokens TOKENS = PageTokens.create(PageTokenKeys.of("corpus", Map.of("corpus", new byte[32])));

  /**
   * The list RPCs whose RestPaging the runtime's paging transform refuses (it names what is
   * missing); each must be one the report marks uncertain, so the user is told to complete it.
   */
  private static List<String> unusableLists(Map<String, FileDescriptor> compiled, String name) {
    List<String> refused = new ArrayList<>();
    for (FileDescriptor file : compiled.values()) {
      for (ServiceDescriptor service : file.getServices()) {
        for (MethodDescriptor method : service.getMethods()) {
          RestMethod rest = EffectiveOptions.of(method);
          RestPaging paging = rest.getPaging();
          if (rest.hasPaging()) {
            try {
              PagingTransform.of(method, TOKENS);
            } catch (IllegalArgumentException e) {
              assertThat(paging.getUncertain()).as("%s: the paging transform refuses %s (%s), but the report does not mark it uncertain",
                  name, method.getFullName(), e.getMessage()).isTrue();
              refused.add(method.getName());
            }
          }
        }
      }
    }
    return refused;
  }

  /** Every rest2grpc option in the compiled set, read back through the extension registry. */
  private static long countRestOptions(Map<String, FileDescriptor> files) {
    long count = 0;
    for (FileDescriptor file : files.values()) {
      if (file.getName().startsWith("google/") || file.getName().startsWith("rest2grpc/")) {
        continue;
      }
      assertThat(file.getOptions().hasExtension(OptionsProto.file)).as("file option on %s", file.getName()).isTrue();
      for (Descriptor message : file.getMessageTypes()) {
        count += message.getOptions().hasExtension(OptionsProto.message) ? 1 : 0;
        count += message.getFields().stream().filter(f -> f.getOptions().hasExtension(OptionsProto.field)).count();
        count += message.getOneofs().stream().filter(o -> o.getOptions().hasExtension(OptionsProto.oneof)).count();
      }
      for (EnumDescriptor e : file.getEnumTypes()) {
        count += e.getValues().stream().filter(v -> v.getOptions().hasExtension(OptionsProto.enumValue)).count();
      }
      for (ServiceDescriptor service : file.getServices()) {
        count += service.getOptions().hasExtension(OptionsProto.service) ? 1 : 0;
        count += service.getMethods().stream().filter(m -> m.getOptions().hasExtension(OptionsProto.method)).count();
      }
    }
    return count;
  }

  @AfterAll
  static void printAndCompareTheFiguresAndCheckFidelity() {
    int found = 0;
    int invalid = 0;
    int checked = 0;
    int roundTripped = 0;
    for (Fidelity.Result r : FIDELITY) {
      found += r.found();
      invalid += r.invalid();
      checked += r.checked();
      roundTripped += r.roundTripped();
    }
    double percent = checked == 0 ? 100 : 100.0 * roundTripped / checked;
    SNAPSHOT.total(CONVERSION, TOTALS.toString());
    SNAPSHOT.total(STREAMS, STREAM_TOTALS.toString());
    SNAPSHOT.total(ERRORS, "per code " + ERROR_CODES);
    SNAPSHOT.total(REVIEW, REVIEW_TOTALS.line());
    SNAPSHOT.total(WRITTEN_ONCE, writtenOnceTotal.row());
    SNAPSHOT.total(ROUTES, routesTotal.row());
    SNAPSHOT.total(TRANSCODING, transcodingTotal.row());
    SNAPSHOT.total(REQUESTS, requestsTotal.row());
    SNAPSHOT.total(ORACLE, oracleTotal.row());
    SNAPSHOT.total(PARAMETERS, String.format(Locale.ROOT, "%d request fields removed, %d constants, %d shared parameters",
        PARAMETER_TOTALS[0], PARAMETER_TOTALS[1], PARAMETER_TOTALS[2]));
    SNAPSHOT.total(FIDELITY_ROWS, String.format(Locale.ROOT, "%d found, %d invalid, %d checked, %d round-tripped (%.2f%%)",
        found, invalid, checked, roundTripped, percent));
    System.out.println();
    System.out.print(SNAPSHOT.render());
    System.out.println("\nConversion time per spec (not in the snapshot):");
    MILLIS.forEach((name, millis) -> System.out.printf("%-58s %6d ms%n", name, millis));

    System.out.println();
    List<String> reviewTargetsMissed = REVIEW_TOTALS.checkTargets();

    SNAPSHOT.compareWith(SNAPSHOT_FILE, MILLIS.keySet(), Boolean.getBoolean(CorpusSnapshot.UPDATE_FLAG));
    assertThat(reviewTargetsMissed).as("asserted review targets of issue 15 (ReviewTargets) missed across the corpus").isEmpty();
    assertThat(percent).as("share of valid corpus examples that round-trip").isGreaterThanOrEqualTo(FIDELITY_FLOOR_PERCENT);
    assertThat(FIDELITY.stream().flatMap(r -> r.failures().stream()).filter(f -> f.limitation() == null).toList())
        .as("every example that does not round-trip runs into a documented proto3 limitation").isEmpty();
  }
}
