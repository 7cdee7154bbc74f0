package io.rest2grpc.maven.protos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rest2grpc.maven.convert.SpecConverter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proto folder against conversions of the sample app's real spec. */
class ProtoFolderTest {
  private static final Path SPEC = Path.of("../sample-legacy-app/src/main/resources/openapi.yaml");

  @TempDir
  Path root;

  @Test
  void aConversionWritesItsPackageProtosConfigsAndLockButNoImportsOrBuildFiles() throws Exception {
    ConvertedProtos converted = new SpecConverter(root, null, false).convert(SPEC);
    new ProtoFolder(root).replace(converted);

    assertThat(converted.files().keySet())
        .contains("openapi.rest2grpc-lock.json", "sample_legacy_orders/v1/orders_service.proto",
            "sample_legacy_orders/v1/orders_service_config.json", "sample_legacy_orders/v1/models.proto")
        .noneMatch(path -> path.startsWith("google/") || path.startsWith("rest2grpc/") || path.equals("buf.yaml"));
    assertThat(Files.readString(root.resolve("sample_legacy_orders/v1/orders_service.proto"))).contains("service OrdersService {");
    assertThat(new ProtoFolder(root).drift(converted)).isEmpty();
    try (var files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString()).sorted().toList())
          .as("nothing but the conversion's files: no temporary file left behind")
          .isEqualTo(List.copyOf(converted.files().keySet()));
    }
  }

  @Test
  void driftNamesEachChangedMissingAndStaleFileWithItsFirstDifferingLine() throws Exception {
    ConvertedProtos converted = new SpecConverter(root, null, false).convert(SPEC);
    ProtoFolder folder = new ProtoFolder(root);
    folder.replace(converted);
    Path orders = root.resolve("sample_legacy_orders/v1/orders_service.proto");
    Files.writeString(orders, Files.readString(orders).replace("service OrdersService {", "service OrderService {"));
    Files.delete(root.resolve("sample_legacy_orders/v1/users_service_config.json"));
    Files.writeString(root.resolve("sample_legacy_orders/v1/gone_service.proto"), "syntax = \"proto3\";\n");
    Files.writeString(root.resolve("sample_legacy_orders/v1/NOTES.md"), "a team's own file stays");

    List<Drift> drift = folder.drift(converted);

    assertThat(drift).extracting(Drift::path, Drift::kind).containsExactly(
        tuple("sample_legacy_orders/v1/gone_service.proto", Drift.Kind.STALE),
        tuple("sample_legacy_orders/v1/orders_service.proto", Drift.Kind.CHANGED),
        tuple("sample_legacy_orders/v1/users_service_config.json", Drift.Kind.MISSING));
    assertThat(drift.get(1).detail()).contains("committed \"service OrderService {\"", "the spec converts to \"service OrdersService {\"");

    folder.replace(converted);
    assertThat(folder.drift(converted)).isEmpty();
    assertThat(root.resolve("sample_legacy_orders/v1/gone_service.proto")).doesNotExist();
    assertThat(Files.readString(root.resolve("sample_legacy_orders/v1/NOTES.md"), StandardCharsets.UTF_8)).isEqualTo("a team's own file stays");
  }

  @Test
  void theLockIsReadFromTheProtoFolderSoNamesAndNumbersSurviveAnotherConversion() throws Exception {
    ProtoFolder folder = new ProtoFolder(root);
    folder.replace(new SpecConverter(root, null, false).convert(SPEC));
    Path lock = root.resolve("openapi.rest2grpc-lock.json");
    String first = Files.readString(lock);

    ConvertedProtos again = new SpecConverter(root, null, false).convert(SPEC);

    assertThat(new String(again.files().get("openapi.rest2grpc-lock.json"), StandardCharsets.UTF_8)).isEqualTo(first);
    assertThat(folder.drift(again)).isEmpty();
  }
}
