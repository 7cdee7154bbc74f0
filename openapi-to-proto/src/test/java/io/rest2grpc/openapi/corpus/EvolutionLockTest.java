package io.rest2grpc.openapi.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.openapi.Conversion;
import io.rest2grpc.openapi.ConversionOptions;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Finding;
import io.rest2grpc.openapi.support.Tools;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import io.rest2grpc.transcoding.DescriptorSets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each spec pair of {@code corpus/evolution}: v1 converted with a new lock (under target/, never in
 * the corpus), then v2 with that lock, in v1's package (a v2 whose info.version starts a new major
 * would otherwise be a new package, numbered afresh). Every field in both versions with the same type keeps its
 * number, and v2's protos compile to exactly the descriptors built in memory.
 */
class EvolutionLockTest {
  private static final Path OUT = Path.of("target", "evolution-lock").toAbsolutePath();

  static List<Path> pairs() throws IOException {
    try (Stream<Path> dirs = Files.list(Tools.corpus().resolve("evolution"))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
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
