package io.rest2grpc.maven.mappers;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import io.rest2grpc.maven.mappers.MappingResult.Mapped;
import io.rest2grpc.maven.testing.Golden;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample app's real DTOs against its real protos: the plan and every generated mapper, as golden files. */
class SampleAppMappersTest {

  private static final Path GOLDEN = Path.of("src/test/resources/mappers/sample");

  @Test
  void plansEverySampleDto() throws Exception {
    MapperSet plan = SampleMappers.plan();

    Golden.assertMatches(GOLDEN.resolve("plan.txt"), PlanText.of(plan));
    assertThat(plan.results()).filteredOn(Mapped.class::isInstance).extracting(result -> result.request().dtoType())
        .contains("io.rest2grpc.sample.order.OrderDto", "io.rest2grpc.sample.order.OrderRequest",
            "io.rest2grpc.sample.payment.PaymentRequest", "io.rest2grpc.sample.payment.PaymentDto",
            "io.rest2grpc.sample.user.UserDto", "io.rest2grpc.sample.user.UserSummary");
  }

  @Test
  void writesOneMapperClassPerPair() throws Exception {
    List<JavaFile> files = MapperWriter.write(SampleMappers.plan(), SampleMappers.JAVA_PACKAGE);

    for (JavaFile file : files) {
      Golden.assertMatches(GOLDEN.resolve(file.typeSpec().name() + ".java.txt"), file.toString());
    }
    assertThat(files).extracting(file -> file.typeSpec().name())
        .contains("OrderDtoMapper", "OrderItemMapper", "MoneyMapper", "OrderStatusMapper", "PaymentRequestMapper");
  }

  @Test
  void writesTheSameFilesEveryTime() throws Exception {
    List<String> first = MapperWriter.write(SampleMappers.plan(), SampleMappers.JAVA_PACKAGE).stream().map(JavaFile::toString).toList();
    List<String> second = MapperWriter.write(SampleMappers.plan(), SampleMappers.JAVA_PACKAGE).stream().map(JavaFile::toString).toList();

    assertThat(second).isEqualTo(first);
  }
}
