package io.rest2grpc.maven.mappers;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.maven.mappers.dto.JavaTypeModel;
import io.rest2grpc.maven.mappers.dto.NamingStrategy;
import io.rest2grpc.maven.testing.SampleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The typed mappers of the repository's sample-legacy-app: its protos compiled by protoc, and the plan
 * for its DTOs, made once per test JVM (protoc and the symbol solver take a few seconds).
 */
public final class SampleMappers {

  static final String JAVA_PACKAGE = "io.rest2grpc.sample.grpc.mappers";
  /** The app's spring.jackson.property-naming-strategy. */
  static final NamingStrategy NAMING = NamingStrategy.SNAKE_CASE;

  private static Map<String, FileDescriptor> descriptors;
  private static MapperSet plan;

  private SampleMappers() {}

  static Path root() {
    return SampleApp.repositoryRoot().resolve("sample-legacy-app");
  }

  static Path protoRoot() {
    return root().resolve("src/main/proto");
  }

  static List<String> protoFiles() throws Exception {
    try (Stream<Path> files = Files.walk(protoRoot())) {
      return files.filter(file -> file.toString().endsWith(".proto")).map(file -> protoRoot().relativize(file).toString()).sorted().toList();
    }
  }

  static synchronized Descriptor message(String name) throws Exception {
    if (descriptors == null) {
      descriptors = Protoc.descriptors(protoRoot(), protoFiles(), Files.createTempDirectory("rest2grpc-sample-protos"));
    }
    return descriptors.values().stream()
        .map(file -> file.getPackage().equals("sample_legacy_orders.v1") ? file.findMessageTypeByName(name) : null)
        .filter(message -> message != null)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no message " + name + " in the sample protos"));
  }

  /** Every sample DTO with the message of its schema, both ways. */
  static List<MappingRequest> requests() throws Exception {
    return List.of(
        request("Order", "io.rest2grpc.sample.order.OrderDto"),
        request("OrderInput", "io.rest2grpc.sample.order.OrderRequest"),
        request("StatusChange", "io.rest2grpc.sample.order.StatusChangeRequest"),
        request("Invoice", "io.rest2grpc.sample.order.Invoice"),
        request("Attachment", "io.rest2grpc.sample.order.AttachmentDto"),
        request("PaymentRequest", "io.rest2grpc.sample.payment.PaymentRequest"),
        request("Payment", "io.rest2grpc.sample.payment.PaymentDto"),
        request("User", "io.rest2grpc.sample.user.UserDto"),
        request("UserSummary", "io.rest2grpc.sample.user.UserSummary"),
        request("UserPage", "io.rest2grpc.sample.user.UserPage"),
        request("ExportRequest", "io.rest2grpc.sample.export.ExportRequest"),
        request("ExportJob", "io.rest2grpc.sample.export.ExportJob"),
        request("OrderEvent", "io.rest2grpc.sample.stream.OrderEvent"),
        request("TrackingEvent", "io.rest2grpc.sample.stream.TrackingEvent"),
        request("TrackingUploadSummary", "io.rest2grpc.sample.stream.TrackingUploadSummary"),
        request("AuditEvent", "io.rest2grpc.sample.web.AuditEvent"));
  }

  public static synchronized MapperSet plan() throws Exception {
    if (plan == null) {
      List<MappingRequest> requests = requests();
      try (JavaTypeModel types = JavaTypeModel.open(List.of(SampleApp.sourceRoot()), SampleApp.classpath())) {
        plan = DtoMappers.plan(requests, types, MappingSettings.of(NAMING));
      }
    }
    return plan;
  }

  private static MappingRequest request(String message, String dto) throws Exception {
    return new MappingRequest(message(message), dto, Direction.BOTH);
  }
}
