package io.rest2grpc.openapi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenOrphansTest {
  @TempDir Path golden;

  private static final Map<String, Set<String>> PRODUCED = Map.of("plants", Set.of("buf.yaml", "plants/v1/models.proto"));

  private void write(String file) throws Exception {
    Files.createDirectories(golden.resolve(file).getParent());
    Files.writeString(golden.resolve(file), "x");
  }

  @Test
  void aFileOfARemovedInputAndAFileNoLongerWrittenAreOrphansAndFailTheCheck() throws Exception {
    write("plants/buf.yaml");
    write("plants/plants/v1/models.proto");
    write("plants/plants/v1/old_service.proto");
    write("small_oai-petstore.yaml/petstore/v1/models.proto");

    assertThat(GoldenOrphans.find(golden, PRODUCED)).containsExactly(
        Path.of("plants/plants/v1/old_service.proto"), Path.of("small_oai-petstore.yaml/petstore/v1/models.proto"));
    assertThatThrownBy(() -> GoldenOrphans.check(golden, PRODUCED, false, "rest2grpc.updateGolden"))
        .hasMessageContaining("2 golden file(s) under " + golden + " that no input produces any more")
        .hasMessageContaining("plants/plants/v1/old_service.proto")
        .hasMessageContaining("small_oai-petstore.yaml/petstore/v1/models.proto")
        .hasMessageContaining("-Drest2grpc.updateGolden=true");
  }

  @Test
  void theUpdateFlagDeletesTheOrphansOnly() throws Exception {
    write("plants/buf.yaml");
    write("plants/plants/v1/models.proto");
    write("plants/plants/v1/old_service.proto");

    write("small_oai-petstore.yaml/petstore/v1/models.proto");

    GoldenOrphans.check(golden, PRODUCED, true, "rest2grpc.updateGolden");

    assertThat(golden.resolve("plants/plants/v1/old_service.proto")).doesNotExist();
    assertThat(golden.resolve("small_oai-petstore.yaml")).as("an emptied folder goes too").doesNotExist();
    assertThat(golden.resolve("plants/plants/v1/models.proto")).exists();
    assertThat(GoldenOrphans.find(golden, PRODUCED)).isEmpty();
  }

  @Test
  void noOrphansPassesTheCheck() throws Exception {
    write("plants/buf.yaml");
    GoldenOrphans.check(golden, PRODUCED, false, "rest2grpc.updateGolden");
  }
}
