package io.rest2grpc.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.support.GoldenOrphans;
import io.rest2grpc.openapi.support.Specs;
import io.rest2grpc.openapi.write.OutputWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole small specs against committed golden protos and reports (run with
 * {@code -Drest2grpc.updateGolden=true} to rewrite them after an intended change), each compiled
 * and linted as well. Converting twice must give byte-identical output. Every input is in the repo
 * (never the corpus), and every golden file must come from one of them.
 */
class GoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final String UPDATE_FLAG = "rest2grpc.updateGolden";

  /**
   * The bundled example and the specs of src/test/resources/golden-specs: conventions (streaming,
   * service config, auth), plants (OpenAPI 3.0: paging header, default error, server variables, form
   * body, maps), greenhouse-swagger2 (Swagger 2.0: body and csv array parameters, allOf) and
   * payments-polymorphic (OpenAPI 3.1: oneOf with discriminator mapping, allOf subtypes, problem+json).
   */
  static List<String> sources() {
    return List.of("bookshop", "conventions", "plants", "greenhouse-swagger2", "payments-polymorphic");
  }

  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("sources")
  void matchesGoldenCompilesAndIsDeterministic(String source) throws Exception {
    Path spec = resolve(source);
    Conversion first = OpenApiToProto.convert(spec, ConversionOptions.defaults());
    Conversion second = OpenApiToProto.convert(spec, ConversionOptions.defaults());
    Map<String, byte[]> rendered = OutputWriter.render(first);
    Map<String, byte[]> again = OutputWriter.render(second);
    assertThat(again.keySet()).isEqualTo(rendered.keySet());
    rendered.forEach((path, bytes) -> assertThat(again.get(path)).as("%s is the same on a second run", path).isEqualTo(bytes));

    Path golden = GOLDEN.resolve(source);
    boolean update = Boolean.getBoolean(UPDATE_FLAG);
    for (Map.Entry<String, byte[]> file : converterOutput(rendered).entrySet()) {
      Path expected = golden.resolve(file.getKey());
      if (update) {
        Files.createDirectories(expected.getParent());
        Files.write(expected, file.getValue());
      }
      assertThat(expected).as("golden file %s (rerun with -D%s=true if the change is intended)", expected, UPDATE_FLAG).exists();
      assertThat(new String(file.getValue(), StandardCharsets.UTF_8)).as(file.getKey()).isEqualTo(Files.readString(expected));
    }
    Specs.assertCompilesAndLints(first, dir);
  }

  @Test
  void everyGoldenFileComesFromAnInput() throws Exception {
    Map<String, Set<String>> produced = new LinkedHashMap<>();
    for (String source : sources()) {
      produced.put(source, converterOutput(OutputWriter.render(OpenApiToProto.convert(resolve(source), ConversionOptions.defaults()))).keySet());
    }
    GoldenOrphans.check(GOLDEN, produced, Boolean.getBoolean(UPDATE_FLAG), UPDATE_FLAG);
  }

  /** Without the vendored google/ and rest2grpc/ protos, which are copies rather than converter output. */
  private static Map<String, byte[]> converterOutput(Map<String, byte[]> rendered) {
    return rendered.entrySet().stream()
        .filter(file -> !file.getKey().startsWith("google/") && !file.getKey().startsWith("rest2grpc/"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private Path resolve(String source) throws Exception {
    Path spec = dir.resolve(source + ".yaml");
    String resource = source.equals("bookshop") ? "/io/rest2grpc/openapi/example/bookshop.yaml" : "/golden-specs/" + source + ".yaml";
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.write(spec, in.readAllBytes());
    }
    return spec;
  }
}
