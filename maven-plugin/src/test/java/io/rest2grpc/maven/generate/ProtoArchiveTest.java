package io.rest2grpc.maven.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.maven.testing.SampleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtoArchiveTest {

  @TempDir
  Path temp;

  @Test
  void theArchiveHoldsTheProtosInTheirFoldersAndTheDescriptorSetTheSameBytesEachTime() throws Exception {
    Path protos = SampleApp.repositoryRoot().resolve("sample-legacy-app/src/main/proto");
    Path set = Files.write(temp.resolve("set.binpb"), new byte[] {1, 2, 3});

    ProtoArchive.write(protos, set, temp.resolve("first.zip"));
    ProtoArchive.write(protos, set, temp.resolve("second.zip"));

    assertThat(Files.readAllBytes(temp.resolve("first.zip"))).isEqualTo(Files.readAllBytes(temp.resolve("second.zip")));
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(temp.resolve("first.zip")))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    assertThat(names).contains("sample_legacy_orders/v1/orders_service.proto", "sample_legacy_orders/v1/models.proto")
        .endsWith(ProtoArchive.DESCRIPTOR_SET_ENTRY)
        .noneMatch(name -> name.endsWith(".json"));
  }
}
