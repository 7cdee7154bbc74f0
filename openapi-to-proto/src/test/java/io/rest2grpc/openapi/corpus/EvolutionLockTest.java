package io.rest2grpc.openapi.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.check.Check;
import io.rest2grpc.openapi.check.ProtoChange;
import io.rest2grpc.openapi.check.rest.RestChange;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.fidelity.Fidelity;
import io.rest2grpc.openapi.support.Corpus;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Finding;
import io.rest2grpc.openapi.support.BufBreaking;
import io.rest2grpc.openapi.support.Tools;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import io.rest2grpc.transcoding.DescriptorSets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each spec pair of {@code corpus/evolution}, and {@code src/test/resources/evolution/refinements}
 * (written to refine every kind of type): v1 converted with a new lock (under target/, never in the
 * corpus), then v2 with that lock, in v1's package (a v2 whose info.version starts a new major would
 * otherwise be a new package, numbered afresh). v2 converts without {@code --allow-breaking} unless
 * its REST API broke a locked field, and then the error names exactly the fields that the accepting
 * conversion retypes, each a breaking change {@code check} reports; refinements keep their locked
 * type. Every field in both versions with the same type keeps its number, v2's protos compile to exactly
 * the descriptors built in memory, every finding of {@code buf breaking} between the two is a change
 * {@code check} reports with its REST-side cause, and v2's examples round-trip through the locked
 * protos as through v2's own (CorpusTest's fidelity rows). The figures are compared with
 * src/test/resources/evolution-lock-snapshot.txt.
 */
class EvolutionLockTest {
  private static final Map<String, Integer> BUF_FINDINGS = new ConcurrentHashMap<>();
  private static final Path OUT = Path.of("target", "evolution-lock").toAbsolutePath();
  private static final Path WRITTEN_PAIRS = Path.of("src", "test", "resources", "evolution").toAbsolutePath();
  private static final Path SNAPSHOT_FILE = Path.of("src", "test", "resources", "evolution-lock-snapshot.txt");
  private static final Path CORPUS_SNAPSHOT_FILE = Path.of("src", "test", "resources", "corpus-snapshot.txt");
  private static final String LOCKED = "v2 with v1's lock (fields kept / refinements held back / REST breaks / moved numbers / buf findings, unmatched)";
  private static final String FIDELITY = "v2's examples through the locked protos (found / invalid / not a message / checked / round-tripped)";
  private static final CorpusSnapshot SNAPSHOT = new CorpusSnapshot(LOCKED, FIDELITY);
  private static final Set<String> RAN = ConcurrentHashMap.newKeySet();

  static List<Path> pairs() {
    List<Path> pairs = new ArrayList<>(Corpus.evolutionPairs());
    pairs.add(WRITTEN_PAIRS.resolve("refinements"));
    return pairs;
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void fieldNumbersSurviveTheNextVersion(Path pair) {
    String name = pair.getFileName().toString();
    Path lock = OUT.resolve(name + ".lock.json");
    try {
      Files.deleteIfExists(lock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Conversion v1 = OpenApiToProto.convert(version(pair, "v1"), ConversionOptions.defaults().withLock(lock, false));
    OpenApiToProto.write(v1, OUT.resolve(name + "-v1"));
    ConversionOptions withLock = ConversionOptions.defaults().withPackage(v1.packageName()).withLock(lock, false);
    List<ConversionException.Problem> restBreaks = List.of();
    Conversion v2;
    try {
      v2 = OpenApiToProto.convert(version(pair, "v2"), withLock);
    } catch (ConversionException e) {
      restBreaks = e.problems();
      v2 = OpenApiToProto.convert(version(pair, "v2"), withLock.withLock(lock, true));
    }
    List<Finding> accepted = findings(v2, Category.BREAKING_CHANGE_ACCEPTED);
    assertThat(restBreaks).as("%s: v2 fails without --allow-breaking exactly where the accepting conversion retypes", name)
        .extracting(p -> p.location().pointer()).containsExactlyInAnyOrderElementsOf(accepted.stream().map(f -> f.source().pointer()).toList());
    assertThat(restBreaks).allSatisfy(p -> assertThat(p.hint()).contains("--allow-breaking"));
    Path module = OUT.resolve(name + "-v2");
    OpenApiToProto.write(v2, module);

    Map<String, Integer> before = numbers(v1);
    Map<String, Integer> after = numbers(v2);
    before.keySet().retainAll(after.keySet());
    after.keySet().retainAll(before.keySet());
    long moved = before.keySet().stream().filter(key -> !before.get(key).equals(after.get(key))).count();
    assertThat(after).isEqualTo(before);

    Path descriptorSet = OUT.resolve(name + "-v2.pb");
    Tools.Result protoc = Tools.protoc(module, descriptorSet);
    assertThat(protoc.ok()).as("protoc on %s v2:%n%s", name, protoc.output()).isTrue();
    Map<String, FileDescriptor> compiled = DescriptorSets.load(descriptorSet);
    for (FileDescriptorProto built : DescriptorBuilder.protos(v2)) {
      assertThat(built).isEqualTo(compiled.get(built.getName()).toProto());
    }
    int held = findings(v2, Category.REFINEMENT_HELD_BACK).size();
    System.out.printf("%s: %d fields kept their number, %d moved; %d refinements held back; %d REST breaks retyped (new name); "
            + "%d now of a renamed message or enum, %d reserved%n", name, before.size(), moved, held, accepted.size(),
        findings(v2, Category.LOCKED_TYPE_RENAMED).size(),
        v2.files().stream().flatMap(f -> f.messages().stream()).mapToInt(m -> m.reserved().numbers().size()).sum());

    Check.Result check = Check.compare(v1, v2);
    everyRetypeIsABreakingRestChange(name, accepted, check);
    List<String> unmatched = everyBufFindingIsACheckedRestChange(name, module, OUT.resolve(name + "-v1"), v1.packageName(), check);
    SNAPSHOT.row(LOCKED, name, String.format(Locale.ROOT, "%6d %4d %4d %2d %4d %2d", before.size(), held, accepted.size(), moved,
        BUF_FINDINGS.get(name), unmatched.size()));

    Fidelity.Result fidelity = Fidelity.check(v2, compiled);
    String figures = String.format(Locale.ROOT, "%5d %5d %5d %5d %5d", fidelity.found(), fidelity.invalid(), fidelity.notMessages(),
        fidelity.checked(), fidelity.roundTripped());
    SNAPSHOT.row(FIDELITY, name, figures);
    String unlocked = corpusFidelityRow(name);
    if (unlocked != null) {
      assertThat(figures.strip()).as("%s: v2's examples round-trip through the locked protos as through its own (corpus snapshot)", name)
          .isEqualTo(unlocked);
    } else {
      assertThat(fidelity.roundTripped()).as("%s: every example checked round-trips", name).isEqualTo(fidelity.checked());
    }
    RAN.add(name);
  }

  @AfterAll
  static void compareTheFigures() {
    SNAPSHOT.compareWith(SNAPSHOT_FILE, RAN, Boolean.getBoolean(CorpusSnapshot.UPDATE_FLAG));
  }

  /**
   * The lock's judgement agrees with {@code check}'s: every field the lock retypes as a REST break is
   * at or inside a place where {@code check} reports a breaking REST change (the schema's property, or
   * the component or operation around it).
   */
  private static void everyRetypeIsABreakingRestChange(String name, List<Finding> accepted, Check.Result check) {
    List<String> breaking = check.rest().stream().filter(RestChange::breaking)
        .flatMap(c -> java.util.stream.Stream.of(c.oldPointer(), c.newPointer())).filter(java.util.Objects::nonNull).toList();
    assertThat(accepted).as("%s: fields the lock retypes without a breaking REST change there", name)
        .allSatisfy(f -> assertThat(breaking).anyMatch(p -> f.source().pointer().equals(p) || f.source().pointer().startsWith(p + "/")
            || p.startsWith(f.source().pointer() + "/")));
  }

  /** CorpusTest's fidelity figures of this pair's v2 converted without a lock; null for a pair outside the corpus. */
  private static String corpusFidelityRow(String name) {
    try {
      List<String> lines = Files.readAllLines(CORPUS_SNAPSHOT_FILE);
      int section = lines.indexOf(lines.stream().filter(l -> l.startsWith("## Example fidelity")).findFirst().orElse(""));
      return lines.subList(section + 1, lines.size()).stream().takeWhile(l -> !l.startsWith("## "))
          .filter(l -> l.startsWith("evolution_" + name + "_v2.")).map(l -> l.substring(l.indexOf(' ')).strip()).findFirst().orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code buf breaking} (WIRE_JSON and PACKAGE) on v2 against v1: every finding names a proto element
   * that {@code check} reports for the pair, with the REST change behind it.
   */
  private static List<String> everyBufFindingIsACheckedRestChange(String name, Path module, Path against, String pkg, Check.Result check) {
    List<BufBreaking.Finding> findings = BufBreaking.run(module, against, pkg);
    BUF_FINDINGS.put(name, findings.size());
    List<String> unmatched = new ArrayList<>();
    for (BufBreaking.Finding finding : findings) {
      List<Check.Entry> entries = check.proto().stream().filter(e -> names(e.change(), finding)).toList();
      if (entries.isEmpty() || entries.stream().allMatch(e -> e.causes().isEmpty())) {
        unmatched.add(finding.rule() + " " + finding.message() + (entries.isEmpty() ? " (not in check's report)" : " (no REST cause)"));
      }
    }
    long restBreaking = check.rest().stream().filter(RestChange::breaking).count();
    System.out.printf("%s: buf breaking %d findings, %d matched, %d unmatched; check: %d REST changes (%d breaking), %d proto changes%n",
        name, findings.size(), findings.size() - unmatched.size(), unmatched.size(), check.rest().size(), restBreaking, check.proto().size());
    assertThat(unmatched).as("buf findings on %s without a REST-side change in check's report", name).isEmpty();
    assertThat(check.proto().stream().filter(e -> e.causes().isEmpty()).map(e -> e.change().kind() + " " + e.change().element() + ": "
        + e.change().detail())).as("proto changes on %s that no REST change explains", name).isEmpty();
    return unmatched;
  }

  /** The same element: by name, or for a field or enum value by its parent and number. */
  private static boolean names(ProtoChange change, BufBreaking.Finding finding) {
    if (change.element().equals(finding.element())) {
      return true;
    }
    return finding.number() != null && finding.number().equals(change.number())
        && (change.element().startsWith(finding.element() + ".")
            || change.element().substring(0, change.element().lastIndexOf('.')).equals(finding.element().substring(0, finding.element().lastIndexOf('.'))));
  }

  private static Path version(Path pair, String version) {
    Path yaml = pair.resolve(version + ".yaml");
    return Files.exists(yaml) ? yaml : pair.resolve(version + ".json");
  }

  private static List<Finding> findings(Conversion conversion, Category category) {
    return conversion.report().findings().stream().filter(f -> f.category() == category).toList();
  }

  /** {@code Message.restName type → number} for every field. */
  private static Map<String, Integer> numbers(Conversion conversion) {
    Map<String, Integer> numbers = new TreeMap<>();
    conversion.files().stream().flatMap(f -> f.messages().stream()).forEach(m -> m.fields().forEach(f -> numbers.put(
        m.name() + "." + (f.jsonName() != null ? f.jsonName() : f.name()) + " " + f.cardinality() + " " + f.type().name(), f.number())));
    return numbers;
  }
}
