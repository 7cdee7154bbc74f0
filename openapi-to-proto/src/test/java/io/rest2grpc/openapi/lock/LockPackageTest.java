package io.rest2grpc.openapi.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock pins the package: a newer spec that derives another one keeps it; --package may not contradict it. */
class LockPackageTest {
  @TempDir Path dir;

  private static String spec(String server) {
    return """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        servers: [{url: '%s'}]
        paths:
          /orders:
            get:
              operationId: listOrders
              responses: {'204': {description: ok}}
        """.formatted(server);
  }

  private Conversion convert(String yaml, ConversionOptions options) throws IOException {
    Path spec = dir.resolve("shop.yaml");
    Files.writeString(spec, yaml);
    Conversion c = OpenApiToProto.convert(spec, options.withLock(dir.resolve("shop.lock.json"), false));
    OpenApiToProto.write(c, dir.resolve("out"));
    return c;
  }

  @Test
  void aNewerSpecKeepsTheLockedPackage() throws IOException {
    assertThat(convert(spec("https://api.shop.com/v1"), ConversionOptions.defaults()).packageName()).isEqualTo("shop.v1");
    Conversion moved = convert(spec("https://api.shop-cloud.com/v2"), ConversionOptions.defaults());
    assertThat(moved.packageName()).isEqualTo("shop.v1");
    assertThat(moved.lock().lock().packageName()).isEqualTo("shop.v1");
  }

  @Test
  void aPackageOptionThatContradictsTheLockIsAnErrorNamingBoth() throws IOException {
    convert(spec("https://api.shop.com/v1"), ConversionOptions.defaults());
    assertThatThrownBy(() -> convert(spec("https://api.shop.com/v1"), ConversionOptions.defaults().withPackage("retail.v1")))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("--package retail.v1 differs from the package the lock pins, shop.v1")
        .satisfies(e -> assertThat(((ConversionException) e).describe()).contains("shop.lock.json", "another --lock file"));
    assertThat(convert(spec("https://api.shop.com/v1"), ConversionOptions.defaults().withPackage("shop.v1")).packageName())
        .isEqualTo("shop.v1");
  }
}
