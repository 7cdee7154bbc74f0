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
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each spec pair of {@code corpus/evolution}: v1 converted with a new lock (under target/, never in
 * the corpus), then v2 with that lock, in v1's package (a v2 whose info.version starts a new major
 * would otherwise be a new package, numbered afresh). Every field in both versions with the same type keeps its
 * number, v2's protos compile to exactly the descriptors built in memory, and every finding of
 * {@code buf breaking} between the two is a change {@code check} reports with its REST-side cause.
 */
class EvolutionLockTest {
  private static final Path OUT = Path.of("target", "evolution-lock").toAbsolutePath();

  @ParameterizedTest
  @MethodSource("io.rest2grpc.openapi.support.Corpus#evolutionPairs")
  void fieldNumbersSurviveTheNextVersion(Path pair) {
    String name = pair.getFileName().toString();
    Path lock = OUT.resolve(name + ".lock.json");
    try {
      Files.deleteIfExists(lock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Conversion v1 = OpenApiToProto.convert(version(pair, "v1"), ConversionOptions.defaults().withLock(lock, true));
    OpenApiToProto.write(v1, OUT.resolve(name + "-v1"));
    Conversion v2 = OpenApiToProto.convert(version(pair, "v2"),
        ConversionOptions.defaults().withPackage(v1.packageName()).withLock(lock, true));
    Path module = OUT.resolve(name + "-v2");
    OpenApiToProto.write(v2, module);

    Map<String, Integer> before = numbers(v1);
    Map<String, Integer> after = numbers(v2);
    before.keySet().retainAll(after.keySet());
    after.keySet().retainAll(before.keySet());
    assertThat(after).isEqualTo(before);

    Path descriptorSet = OUT.resolve(name + "-v2.pb");
    Tools.Result protoc = Tools.protoc(module, descriptorSet);
    assertThat(protoc.ok()).as("protoc on %s v2:%n%s", name, protoc.output()).isTrue();
    Map<String, FileDescriptor> compiled = DescriptorSets.load(descriptorSet);
    for (FileDescriptorProto built : DescriptorBuilder.protos(v2)) {
      assertThat(built).isEqualTo(compiled.get(built.getName()).toProto());
    }
    System.out.printf("%s: %d fields kept their number; %d retyped (new name), %d now of a renamed message or enum, %d reserved%n", name,
        before.size(), count(v2, Category.BREAKING_CHANGE_ACCEPTED), count(v2, Category.LOCKED_TYPE_RENAMED),
        v2.files().stream().flatMap(f -> f.messages().stream()).mapToInt(m -> m.reserved().numbers().size()).sum());

    everyBufFindingIsACheckedRestChange(name, v1, v2, module, OUT.resolve(name + "-v1"));
  }

  /**
   * {@code buf breaking} (WIRE_JSON and PACKAGE) on v2 against v1: every finding names a proto element
   * that {@code check} reports for the pair, with the REST change behind it.
   */
  private static void everyBufFindingIsACheckedRestChange(String name, Conversion v1, Conversion v2, Path module, Path against) {
    List<BufBreaking.Finding> findings = BufBreaking.run(module, against, v1.packageName());
    Check.Result check = Check.compare(v1, v2);
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

  private static long count(Conversion conversion, Category category) {
    return conversion.report().findings().stream().map(Finding::category).filter(category::equals).count();
  }

  /** {@code Message.restName type → number} for every field. */
  private static Map<String, Integer> numbers(Conversion conversion) {
    Map<String, Integer> numbers = new TreeMap<>();
    conversion.files().stream().flatMap(f -> f.messages().stream()).forEach(m -> m.fields().forEach(f -> numbers.put(
        m.name() + "." + (f.jsonName() != null ? f.jsonName() : f.name()) + " " + f.cardinality() + " " + f.type().name(), f.number())));
    return numbers;
  }
}
