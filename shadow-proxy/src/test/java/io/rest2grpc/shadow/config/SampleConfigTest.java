package io.rest2grpc.shadow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.shadow.ShadowProxy;
import io.rest2grpc.shadow.ShadowSettings;
import io.rest2grpc.shadow.routes.RouteRule;
import io.rest2grpc.shadow.support.SampleApp;
import io.rest2grpc.transcoding.DescriptorSets;
import io.rest2grpc.transcoding.RestOptions;
import io.rest2grpc.transcoding.json.RestJson;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checked-in configuration of the sample app ({@code examples/sample-legacy-app.yaml}): the proxy starts with it,
 * and every ignored path is a field of the RPC's answer that hides nothing but itself (and what it holds).
 */
class SampleConfigTest {
  private static final Path EXAMPLE = SampleApp.root().resolveSibling("shadow-proxy/examples/sample-legacy-app.yaml");
  private static final Map<String, MethodDescriptor> RPCS = new HashMap<>();

  @BeforeAll
  static void readTheContract() throws Exception {
    try (InputStream in = Files.newInputStream(SampleApp.descriptorSet())) {
      DescriptorSets.load(FileDescriptorSet.parseFrom(in, RestOptions.registry()), "sample").values().forEach(file ->
          file.getServices().forEach(service -> service.getMethods().forEach(method -> RPCS.put(method.getFullName(), method))));
    }
  }

  @Test
  void theProxyStartsWithTheSampleConfiguration() throws Exception {
    try (ShadowProxy proxy = ShadowProxy.start(example("listen: 127.0.0.1:0\nadmin: 127.0.0.1:0\n"))) {
      assertThat(proxy.address().getPort()).isPositive();
    }
  }

  @Test
  void everyIgnoredPathIsOneFieldOfTheAnswerAndHidesNothingElse() throws Exception {
    ShadowSettings settings = example("");
    for (Map.Entry<String, RouteRule> route : settings.routes().byRpc().entrySet()) {
      List<String> paths = new ArrayList<>();
      fieldPaths(RPCS.get(route.getKey()).getOutputType(), "", paths, 0);
      Set<String> hidden = new TreeSet<>();
      paths.stream().filter(route.getValue().ignored()::covers).forEach(hidden::add);
      Set<String> named = new TreeSet<>();
      route.getValue().ignored().patterns().forEach(pattern -> named.add(pattern.toString()));
      named.remove("/request_id"); // the proxy-wide one: a problem's field, not the success answer's
      assertThat(hidden).as(route.getKey() + ": the fields its ignore list hides").allSatisfy(path ->
          assertThat(named).as(path + " is hidden by no path named for it").anyMatch(pattern -> path.equals(pattern)
              || path.startsWith(pattern + "/")));
      assertThat(named).as(route.getKey() + ": every path named is a field of its answer").allSatisfy(pattern ->
          assertThat(paths).contains(pattern));
    }
  }

  @Test
  void aMistakenRouteIsToldAtStart() throws Exception {
    assertThatThrownBy(() -> ShadowProxy.start(example("routes:\n  sample_legacy_orders.v1.OrdersService.GetOrdr: {sample: 0.5}\n")))
        .hasMessageContaining("routes.sample_legacy_orders.v1.OrdersService.GetOrdr: no RPC of that name has a REST route")
        .hasMessageContaining("sample_legacy_orders.v1.OrdersService.GetOrder");
    assertThatThrownBy(() -> ShadowProxy.start(example("routes:\n  sample_legacy_orders.v1.OrdersService.GetOrder: {writes: candidate}\n")))
        .hasMessageContaining("writes applies to POST, PUT, PATCH and DELETE routes");
    String withoutCandidate = Files.readString(EXAMPLE).replaceAll("(?m)^candidate-grpc-upstream:.*$", "")
        .replaceAll("(?m)^descriptor-set:.*$", "descriptor-set: " + SampleApp.descriptorSet());
    assertThatThrownBy(() -> ShadowProxy.start(ProxyOptions.parse(withoutCandidate, "test").settings()))
        .hasMessageContaining("writes is candidate, but no candidate-grpc-upstream is given");
    assertThatThrownBy(() -> ShadowProxy.start(ProxyOptions.parse("admin: 0.0.0.0:0\n", "test").over(ProxyOptions.read(EXAMPLE))
        .settings())).hasMessageContaining("off this machine, without an admin-token");
  }

  private static ShadowSettings example(String overrides) throws Exception {
    return ProxyOptions.parse(overrides + "descriptor-set: " + SampleApp.descriptorSet() + "\n", "test").over(ProxyOptions.read(EXAMPLE))
        .settings();
  }

  /** Each field's REST JSON pointer, a list's elements at index 0, nested messages to a few levels. */
  private static void fieldPaths(Descriptor message, String prefix, List<String> paths, int depth) {
    for (FieldDescriptor field : message.getFields()) {
      String path = prefix + "/" + RestJson.restName(field) + (field.isRepeated() && !field.isMapField() ? "/0" : "");
      paths.add(prefix + "/" + RestJson.restName(field));
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField() && depth < 4
          && !field.getMessageType().getFullName().startsWith("google.protobuf.")) {
        fieldPaths(field.getMessageType(), path, paths, depth + 1);
      }
    }
  }
}
