package io.rest2grpc.openapi.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.Conversion;
import io.rest2grpc.openapi.ConversionOptions;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.support.Corpus;
import io.rest2grpc.openapi.support.Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The one pass over the corpus per CI run: every entry document converts, the output compiles with
 * a real protoc and passes buf lint (STANDARD minus the two AIP exceptions). Prints per spec the
 * RPCs, HTTP rules and each category HttpRule could not express. Later issues add their checks here
 * rather than converting the corpus again.
 */
class CorpusTest {
  private static final Path OUT = Path.of("target", "corpus").toAbsolutePath();
  private static final List<String> ROWS = new ArrayList<>();
  private static final Map<Category, Integer> TOTALS = new EnumMap<>(Category.class);

  /** The sample app's hand-written contract: the migration target of every later end-to-end test. */
  private static final Path SAMPLE_APP_SPEC = Path.of("../sample-legacy-app/src/main/resources/openapi.yaml").toAbsolutePath().normalize();

  @TestFactory
  List<DynamicTest> everyCorpusSpecConvertsCompilesAndLints() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path spec : Corpus.entryDocuments()) {
      tests.add(DynamicTest.dynamicTest(Corpus.nameOf(spec), () -> check(spec, Corpus.nameOf(spec))));
    }
    tests.add(DynamicTest.dynamicTest("sample-legacy-app", () -> check(SAMPLE_APP_SPEC, "sample-legacy-app")));
    return tests;
  }

  private static void check(Path spec, String name) {
    long start = System.nanoTime();
    Conversion conversion = OpenApiToProto.convert(spec, ConversionOptions.defaults());
    long millis = (System.nanoTime() - start) / 1_000_000;
    Path module = OUT.resolve(name);
    OpenApiToProto.write(conversion, module);

    Tools.Result protoc = Tools.protoc(module, OUT.resolve(name + ".pb"));
    assertThat(protoc.ok()).as("protoc on %s:%n%s", name, protoc.output()).isTrue();
    Tools.Result lint = Tools.bufLint(module);
    assertThat(lint.ok()).as("buf lint on %s:%n%s", name, lint.output()).isTrue();

    Map<Category, Integer> limits = conversion.report().httpRuleLimitCounts();
    limits.forEach((c, n) -> {
      synchronized (TOTALS) {
        TOTALS.merge(c, n, Integer::sum);
      }
    });
    synchronized (ROWS) {
      ROWS.add(String.format("%-58s %6d ms %5d RPCs %5d rules  %s", name, millis, conversion.rpcCount(),
          conversion.httpRuleCount(), limits.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(" "))));
    }
  }

  @AfterAll
  static void printTable() {
    System.out.println("\nCorpus conversion (HttpRule categories per spec):");
    ROWS.forEach(System.out::println);
    System.out.println("Totals: " + TOTALS);
  }
}
