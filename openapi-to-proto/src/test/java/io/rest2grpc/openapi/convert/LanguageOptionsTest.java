package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.naming.LanguageOptions;
import io.rest2grpc.openapi.read.SpecOverrides;
import io.rest2grpc.openapi.support.Specs;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** java_package, go_package and the others: one rule from the package, prefixes from the options or the config. */
class LanguageOptionsTest {
  @TempDir Path dir;

  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Orders, version: 1.0.0}
      servers: [{url: 'https://orders.acme.com/v1'}]
      paths:
        /orders:
          get:
            operationId: listOrders
            tags: [Orders]
            responses: {'204': {description: ok}}
      """;

  @Test
  void everyFileGetsTheLanguageOptionsOfItsPackage() {
    Conversion c = convert(dir, SPEC);
    assertThat(c.packageName()).isEqualTo("acme.orders.v1");
    assertThat(Specs.protoText(c, "orders_service.proto")).contains("""
        option csharp_namespace = "Acme.Orders.V1";
        option go_package = "acme/orders/v1;ordersv1";
        option java_multiple_files = true;
        option java_outer_classname = "OrdersServiceProto";
        option java_package = "com.acme.orders.v1";
        """);
    Map<String, FileDescriptor> compiled = assertCompilesAndLints(c, dir);
    FileOptions options = compiled.get("acme/orders/v1/orders_service.proto").getOptions();
    assertThat(options.getJavaPackage()).isEqualTo("com.acme.orders.v1");
    assertThat(DescriptorBuilder.protos(c)).allSatisfy(built ->
        assertThat(built.getOptions().toBuilder().clearExtension(io.rest2grpc.options.v1.OptionsProto.file).build())
            .isEqualTo(compiled.get(built.getName()).getOptions().toBuilder().clearExtension(io.rest2grpc.options.v1.OptionsProto.file).build()));
  }

  @Test
  void prefixesComeFromTheOptionsAndTheConfigFileWins() throws IOException {
    Conversion fromOptions = convert(dir, SPEC, ConversionOptions.defaults().withLanguageOptions(new LanguageOptions("io.acme", "example.com/gen/go/")));
    assertThat(Specs.protoText(fromOptions, "orders_service.proto"))
        .contains("option go_package = \"example.com/gen/go/acme/orders/v1;ordersv1\";", "option java_package = \"io.acme.acme.orders.v1\";");

    Path config = dir.resolve("rest2grpc.yaml");
    Files.writeString(config, """
        file_options:
          java_package_prefix: ''
          go_package_prefix: github.com/acme/apis/gen/go
        """);
    Conversion fromConfig = convert(dir, SPEC, new ConversionOptions(null, ConversionOptions.GroupBy.TAG, 1 << 20, null, false, null,
        new SpecOverrides(List.of(), config)).withLanguageOptions(new LanguageOptions("io.acme", "")));
    assertThat(Specs.protoText(fromConfig, "orders_service.proto"))
        .contains("option go_package = \"github.com/acme/apis/gen/go/acme/orders/v1;ordersv1\";", "option java_package = \"acme.orders.v1\";");
    assertCompilesAndLints(fromConfig, dir);
  }

  @Test
  void aWrongFileOptionIsAnErrorNamingTheConfigEntry() throws IOException {
    Path config = dir.resolve("rest2grpc.yaml");
    Files.writeString(config, """
        file_options:
          java_prefix: com.acme
          go_package_prefix: 'github.com/acme; x'
        """);
    assertThatThrownBy(() -> convert(dir, SPEC, new ConversionOptions(null, ConversionOptions.GroupBy.TAG, 1 << 20, null, false, null,
        new SpecOverrides(List.of(), config))))
        .isInstanceOf(ConversionException.class)
        .satisfies(e -> assertThat(((ConversionException) e).describe())
            .contains("rest2grpc.yaml#/file_options/java_prefix", "unknown key 'java_prefix'", "[go_package_prefix, java_package_prefix]",
                "rest2grpc.yaml#/file_options/go_package_prefix", "not a Go import path prefix"));
  }
}
