package io.rest2grpc.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.support.Specs;
import io.rest2grpc.openapi.support.Tools;
import io.rest2grpc.openapi.write.OutputWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole small specs against committed golden protos and reports (run with
 * {@code -Drest2grpc.updateGolden=true} to rewrite them after an intended change), each compiled
 * and linted as well. Converting twice must give byte-identical output.
 */
class GoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"bookshop", "conventions", "small/oai-petstore.yaml", "small/oai-v2-petstore-expanded.yaml", "small/oai-uspto.yaml"})
  void matchesGoldenCompilesAndIsDeterministic(String source) throws Exception {
    Path spec = resolve(source);
    Conversion first = OpenApiToProto.convert(spec, ConversionOptions.defaults());
    Conversion second = OpenApiToProto.convert(spec, ConversionOptions.defaults());
    Map<String, byte[]> rendered = OutputWriter.render(first);
    Map<String, byte[]> again = OutputWriter.render(second);
    assertThat(again.keySet()).isEqualTo(rendered.keySet());
    rendered.forEach((path, bytes) -> assertThat(again.get(path)).as("%s is the same on a second run", path).isEqualTo(bytes));

    Path golden = GOLDEN.resolve(source.replace('/', '_'));
    boolean update = Boolean.getBoolean("rest2grpc.updateGolden");
    for (Map.Entry<String, byte[]> file : rendered.entrySet()) {
      if (file.getKey().startsWith("google/") || file.getKey().startsWith("rest2grpc/")) {
        continue; // vendored copies, not converter output
      }
      Path expected = golden.resolve(file.getKey());
      if (update) {
        Files.createDirectories(expected.getParent());
        Files.write(expected, file.getValue());
      }
      assertThat(expected).as("golden file %s (rerun with -Drest2grpc.updateGolden=true if the change is intended)", expected).exists();
      assertThat(new String(file.getValue(), StandardCharsets.UTF_8)).as(file.getKey()).isEqualTo(Files.readString(expected));
    }
    Specs.assertCompilesAndLints(first, dir);
  }

  /** A corpus spec, the bundled example, or a spec of src/test/resources/golden-specs (streaming, service config, auth). */
  private Path resolve(String source) throws Exception {
    if (source.contains("/")) {
      return Tools.corpus().resolve(source);
    }
    Path spec = dir.resolve(source + ".yaml");
    String resource = source.equals("bookshop") ? "/io/rest2grpc/openapi/example/bookshop.yaml" : "/golden-specs/" + source + ".yaml";
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.write(spec, in.readAllBytes());
    }
    return spec;
  }
}
