package io.rest2grpc.maven.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.palantir.javapoet.JavaFile;
import io.rest2grpc.maven.calls.Call;
import io.rest2grpc.maven.calls.CallPlanner;
import io.rest2grpc.maven.controllers.ControllerReader;
import io.rest2grpc.maven.controllers.model.Controllers;
import io.rest2grpc.maven.mappers.MappingSettings;
import io.rest2grpc.maven.mappers.dto.JacksonDefaults;
import io.rest2grpc.maven.mappers.dto.JavaTypeModel;
import io.rest2grpc.maven.mappers.dto.NamingStrategy;
import io.rest2grpc.maven.platform.SpringGrpc;
import io.rest2grpc.maven.selfcheck.SelfCheckWriter;
import io.rest2grpc.maven.selfcheck.SpecExamples;
import io.rest2grpc.maven.selfcheck.TestContext;
import io.rest2grpc.maven.testing.Golden;
import io.rest2grpc.maven.testing.SampleApp;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import io.rest2grpc.transcoding.DescriptorSets;
import io.rest2grpc.transcoding.RestOptions;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator on the sample app: its contract converted in-process, its controllers read from
 * source. The generated services are compiled and called by the sample app's own build and tests
 * (its double-transcoded contract suite goes through them); here their handlers and text are pinned.
 */
class ServiceGenerationTest {
  private static Collection<FileDescriptor> files;
  private static HttpTranscoder engine;
  private static Controllers controllers;
  private static List<CallPlanner.Rpc> rpcs;
  private static CallPlanner.Plan calls;

  @BeforeAll
  static void readTheSampleApp() throws Exception {
    Path spec = SampleApp.repositoryRoot().resolve("sample-legacy-app/src/main/resources/openapi.yaml");
    FileDescriptorSet set = DescriptorBuilder.descriptorSet(OpenApiToProto.convert(spec, ConversionOptions.defaults()));
    // through bytes, with the options registered, as the Mojo reads the build's descriptor set
    files = DescriptorSets.load(FileDescriptorSet.parseFrom(set.toByteArray(), RestOptions.registry()), "sample").values();
    engine = HttpTranscoder.builder().build(files);
    controllers = ControllerReader.read(List.of(SampleApp.sourceRoot()), SampleApp.classpath(), Map.of());
    HandlerMatcher.Matches matches = new HandlerMatcher(engine.routes()).match(controllers.handlers());
    rpcs = new ArrayList<>();
    files.stream().flatMap(file -> file.getServices().stream()).flatMap(service -> service.getMethods().stream())
        .forEach(rpc -> rpcs.add(new CallPlanner.Rpc(rpc, engine.routes().routes().stream()
            .filter(route -> route.method().equals(rpc)).findFirst(), Optional.ofNullable(matches.byRpc().get(rpc)))));
    try (JavaTypeModel types = JavaTypeModel.open(List.of(SampleApp.sourceRoot()), SampleApp.classpath())) {
      calls = CallPlanner.plan(rpcs, types, MappingSettings.of(NamingStrategy.SNAKE_CASE));
    }
  }

  @Test
  void everyRpcOfTheSampleAppIsMatchedToItsHandlerThroughTheRouteTable() {
    HandlerMatcher.Matches matches = new HandlerMatcher(engine.routes()).match(controllers.handlers());

    List<String> matched = new ArrayList<>();
    for (FileDescriptor file : files) {
      for (ServiceDescriptor service : file.getServices()) {
        for (MethodDescriptor rpc : service.getMethods()) {
          matched.add(rpc.getName() + " <- " + Optional.ofNullable(matches.byRpc().get(rpc)).map(MethodPlan::describe).orElse("none"));
        }
      }
    }
    assertThat(matched).hasSize(22).noneMatch(line -> line.endsWith("none"))
        .contains("GetOrder <- OrderController#getOrder (OrderController.java:77)",
            "HeadOrder <- OrderController#headOrder (OrderController.java:84)",
            "UpdateOrder <- OrderController#updateOrder (OrderController.java:98)",
            "DownloadAttachment <- AttachmentController#downloadAttachment (AttachmentController.java:70)",
            "StreamOrderEvents <- OrderEventController#streamOrderEvents (OrderEventController.java:26)");
    assertThat(matches.unmatched()).extracting(MethodPlan::describe)
        .containsExactly("OpenApiDocumentController#openApiDocument (OpenApiDocumentController.java:17)");
  }

  @Test
  void onlyWhatATypedCallCannotCarryIsBridgedEachForItsReason() {
    List<String> bridged = new ArrayList<>();
    List<String> typed = new ArrayList<>();
    calls.calls().forEach((rpc, call) -> {
      if (call instanceof Call.Bridged why) {
        bridged.add(rpc.getName() + ": " + why.reason());
      } else {
        typed.add(rpc.getName());
      }
    });
    assertThat(bridged).containsExactlyInAnyOrder(
        "UpdateOrder: the handler uses json node body, which a typed call cannot reach",
        "UploadAttachment: the handler uses multipart, which a typed call cannot reach",
        "DownloadAttachment: the handler uses raw body, which a typed call cannot reach",
        "StreamOrderEvents: the handler uses sse emitter, which a typed call cannot reach",
        "UploadTrackingEvents: the handler uses raw body, which a typed call cannot reach");
    assertThat(typed).hasSize(17);
  }

  @Test
  void aDtoListedInBridgedDtosSendsEveryRpcThatCarriesItThroughTheBridge() throws Exception {
    CallPlanner.Plan plan;
    try (JavaTypeModel types = JavaTypeModel.open(List.of(SampleApp.sourceRoot()), SampleApp.classpath())) {
      plan = CallPlanner.plan(rpcs, types, new MappingSettings(NamingStrategy.SNAKE_CASE, Set.of("io.rest2grpc.sample.order.Money"),
          JacksonDefaults.JACKSON_2));
    }

    Map<String, String> newlyBridged = new TreeMap<>();
    plan.calls().forEach((rpc, call) -> {
      if (call instanceof Call.Bridged why && calls.calls().get(rpc) instanceof Call.Typed) {
        newlyBridged.put(rpc.getName(), why.reason());
      }
    });
    // Money is nested in orders, invoices and payments: every RPC that carries one of them
    assertThat(newlyBridged).containsOnlyKeys("CreateOrder", "GetOrder", "ListOrders", "ListUserOrders", "GetOrderInvoice",
        "CreatePayment", "GetPayment", "ChangeOrderStatus", "ReplaceOrder");
    assertThat(newlyBridged.get("GetOrder")).isEqualTo("io.rest2grpc.sample.order.OrderDto ⇔ sample_legacy_orders.v1.Order: no typed mapper, "
        + "the RPC goes through the bridge:\n  - sample_legacy_orders.v1.Money ⇔ io.rest2grpc.sample.order.Money: listed in the "
        + "plugin's <bridgedDtos>; take it off once its mapper passes the self-check");
  }

  @Test
  void theGeneratedMapperSelfCheckIsPinned() throws Exception {
    Path sample = SampleApp.repositoryRoot().resolve("sample-legacy-app");
    JavaFile selfCheck = SelfCheckWriter.write("com.sample_legacy_orders.v1.grpc", "com.sample_legacy_orders.v1.grpc.mappers",
        calls.mappers(), SpecExamples.read(List.of(sample.resolve("src/main/resources/openapi.yaml")), sample.resolve("src/main/proto")),
        new TestContext.Application(controllers.applications().get(0)));

    Golden.assertMatches(Path.of("src/test/resources/generate/Rest2GrpcMapperSelfCheckTest.java.txt"), selfCheck.toString());
  }

  @Test
  void theReportFlagsTheRpcsWhoseMessagesMayOutgrowFourMebibytes() {
    List<String> flagged = new ArrayList<>();
    for (FileDescriptor file : files) {
      for (ServiceDescriptor service : file.getServices()) {
        for (MethodDescriptor rpc : service.getMethods()) {
          MessageSizeRisks.of(rpc).forEach(risk -> flagged.add(rpc.getName() + ": " + risk.substring(0, risk.indexOf(':'))));
        }
      }
    }
    assertThat(flagged).containsExactlyInAnyOrder(
        "DownloadOrderExport: its response carries a file or raw body",
        "UploadAttachment: its request carries a file or raw body",
        "DownloadAttachment: its response carries a file or raw body");
  }

  @Test
  void theGeneratedOrdersServiceIsPinned() throws Exception {
    HandlerMatcher.Matches matches = new HandlerMatcher(engine.routes()).match(controllers.handlers());
    ServiceDescriptor orders = files.stream().flatMap(file -> file.getServices().stream())
        .filter(service -> service.getName().equals("OrdersService")).findFirst().orElseThrow();
    List<MethodPlan> methods = orders.getMethods().stream()
        .map(rpc -> new MethodPlan(rpc, MethodPlan.primaryRoute(engine.routes(), rpc), Optional.ofNullable(matches.byRpc().get(rpc)),
            calls.calls().get(rpc)))
        .toList();
    ServiceWriter writer = new ServiceWriter("com.sample_legacy_orders.v1.grpc", SpringGrpc.V0_12);

    Golden.assertMatches(Path.of("src/test/resources/generate/OrdersServiceGrpcService.java.txt"),
        writer.service(new ServicePlan(orders, methods)).toString());
  }
}
