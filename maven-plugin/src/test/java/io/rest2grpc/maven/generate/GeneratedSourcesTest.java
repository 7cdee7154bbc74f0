package io.rest2grpc.maven.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSourcesTest {
  private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

  @TempDir
  Path temp;
  private GeneratedSources output;
  private Path config;

  @BeforeEach
  void folders() throws Exception {
    output = new GeneratedSources(temp.resolve("java"), temp.resolve("resources"), temp.resolve("test-java"));
    config = Files.writeString(temp.resolve("orders_config.json"), "{}");
  }

  @Test
  void theSameOutputAgainWritesNothingSoTheCompilerFindsNothingStale() throws Exception {
    List<JavaFile> files = List.of(type("acme.grpc", "OrdersGrpcService"), type("acme.grpc.mappers", "OrderMapper"));
    assertThat(output.write(files, List.of(type("acme.grpc", "SelfCheckTest")), "acme.grpc.Config", List.of(config))).isEqualTo(5);
    Path service = temp.resolve("java/acme/grpc/OrdersGrpcService.java");
    Files.setLastModifiedTime(service, LONG_AGO);

    assertThat(output.write(files, List.of(type("acme.grpc", "SelfCheckTest")), "acme.grpc.Config", List.of(config))).isZero();

    assertThat(Files.getLastModifiedTime(service)).isEqualTo(LONG_AGO);
    assertThat(files(temp)).containsExactly("java/acme/grpc/OrdersGrpcService.java", "java/acme/grpc/mappers/OrderMapper.java",
        "orders_config.json", "resources/META-INF/rest2grpc/service-config/orders_config.json",
        "resources/" + GeneratedSources.AUTO_CONFIGURATION_IMPORTS, "test-java/acme/grpc/SelfCheckTest.java");
  }

  @Test
  void aChangedFileIsWrittenAndOneNoLongerProducedIsDeletedWithItsEmptyFolders() throws Exception {
    output.write(List.of(type("acme.grpc", "OrdersGrpcService"), type("acme.grpc.mappers", "OrderMapper")),
        List.of(type("acme.grpc", "SelfCheckTest")), "acme.grpc.Config", List.of(config));

    int changes = output.write(List.of(type("acme.grpc", "OrdersGrpcService", "listOrders")), List.of(), "acme.grpc.Config", List.of());

    assertThat(changes).isEqualTo(4);
    assertThat(files(temp)).containsExactly("java/acme/grpc/OrdersGrpcService.java", "orders_config.json",
        "resources/" + GeneratedSources.AUTO_CONFIGURATION_IMPORTS);
    assertThat(temp.resolve("java/acme/grpc/mappers")).doesNotExist();
    assertThat(temp.resolve("test-java")).isEmptyDirectory();
    assertThat(Files.readString(temp.resolve("java/acme/grpc/OrdersGrpcService.java"))).contains("listOrders");
  }

  private static JavaFile type(String packageName, String name, String... fields) {
    TypeSpec.Builder type = TypeSpec.classBuilder(name);
    for (String field : fields) {
      type.addField(int.class, field);
    }
    return JavaFile.builder(packageName, type.build()).build();
  }

  private static List<String> files(Path root) throws Exception {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).map(path -> root.relativize(path).toString()).sorted().toList();
    }
  }
}
