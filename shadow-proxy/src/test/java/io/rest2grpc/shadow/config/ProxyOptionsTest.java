package io.rest2grpc.shadow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rest2grpc.shadow.ShadowSettings;
import io.rest2grpc.shadow.routes.RouteRule;
import io.rest2grpc.shadow.routes.TrafficDependence;
import io.rest2grpc.shadow.routes.WriteMirroring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML file and the command line: what each key becomes, which wins, and what a mistake is told. */
class ProxyOptionsTest {
  private static final String MINIMAL = """
      rest-upstream: http://127.0.0.1:8080
      grpc-upstream: dns:///orders:9090
      descriptor-set: api.binpb
      """;
  private static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  @Test
  void aFileGivesEverySettingAndRouteRulesLayOverTheProxyWideOnes() {
    ShadowSettings settings = ProxyOptions.parse(MINIMAL + """
        sample: 0.25
        shadow-deadline: 750ms
        ignore: [/request_id]
        routes:
          orders.v1.OrdersService.CreateOrder:
            writes: candidate
            ignore: [/created_at]
            ignore-headers: [Location]
          orders.v1.AdminService/ListAuditEvents:
            sample: 1
            traffic-dependent: shape
        """, "proxy.yaml").settings();

    assertThat(settings.shadowDeadline()).isEqualTo(Duration.ofMillis(750));
    assertThat(settings.listen().getPort()).as("the default").isEqualTo(8000);
    RouteRule create = settings.routes().rule("orders.v1.OrdersService.CreateOrder");
    assertThat(create.writes()).isEqualTo(WriteMirroring.CANDIDATE);
    assertThat(create.sampleRate()).as("the proxy-wide rate").isEqualTo(0.25);
    assertThat(create.ignored().covers("/request_id")).isTrue();
    assertThat(create.ignored().covers("/created_at")).isTrue();
    assertThat(create.ignoresHeader("location")).isTrue();
    RouteRule audit = settings.routes().rule("orders.v1.AdminService.ListAuditEvents");
    assertThat(audit.trafficDependence()).isEqualTo(TrafficDependence.SHAPE);
    assertThat(audit.sampleRate()).isEqualTo(1.0);
    RouteRule other = settings.routes().rule("orders.v1.OrdersService.GetOrder");
    assertThat(other.writes()).isEqualTo(WriteMirroring.OFF);
    assertThat(other.ignored().covers("/created_at")).isFalse();
  }

  @Test
  void theCommandLineWinsOverTheFileWhichWinsOverTheEnvironment() {
    ProxyOptions file = ProxyOptions.parse(MINIMAL + "sample: 0.5\nmarker-key: file=" + SECRET + "\n", "proxy.yaml");
    ProxyOptions commandLine = ProxyOptions.parse("sample: 0.1\n", "command line");
    ProxyOptions environment = ProxyOptions.environment(Map.of("SHADOW_MARKER_KEY", "env=" + SECRET, "SHADOW_ADMIN_TOKEN", "t0ken"));

    ShadowSettings settings = commandLine.over(file).over(environment).settings();

    assertThat(settings.routes().defaults().sampleRate()).isEqualTo(0.1);
    assertThat(settings.markerKey()).hasValueSatisfying(key -> assertThat(key.id()).isEqualTo("file"));
    assertThat(settings.adminToken()).hasValue("t0ken");
  }

  @Test
  void relativePathsInTheFileAreTakenFromItsFolder(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("conf/proxy.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, MINIMAL + "diff-log: ../diffs.jsonl\n");

    ShadowSettings settings = ProxyOptions.read(file).settings();

    assertThat(settings.descriptorSet()).isEqualTo(folder.resolve("conf/api.binpb"));
    assertThat(settings.diffs().jsonl()).hasValue(folder.resolve("diffs.jsonl"));
  }

  @Test
  void mistakesAreToldWithTheFileTheLineAndWhatToGive() {
    assertThatThrownBy(() -> ProxyOptions.parse(MINIMAL + "lisen: 127.0.0.1:8000\n", "proxy.yaml"))
        .hasMessageStartingWith("proxy.yaml:4:").hasMessageContaining("unknown key 'lisen'; the keys are [").hasMessageContaining("listen");
    assertThatThrownBy(() -> ProxyOptions.parse(MINIMAL + "sample: lots\n", "proxy.yaml"))
        .hasMessageStartingWith("proxy.yaml:4:").hasMessageContaining("'sample' has a value of the wrong kind");
    assertThatThrownBy(() -> ProxyOptions.parse(MINIMAL + "routes:\n  a.B.C:\n    writes: maybe\n", "proxy.yaml").settings())
        .hasMessage("routes.a.B.C.writes is 'maybe'; give one of [off, candidate, unsafe]");
    assertThatThrownBy(() -> ProxyOptions.parse(MINIMAL + "routes:\n  a.B.C:\n    ignore-headers: [Date]\n", "proxy.yaml").settings())
        .hasMessageContaining("ignore-headers has 'Date', which is not compared anyway");
    assertThatThrownBy(() -> ProxyOptions.parse(MINIMAL + "ignore: [request_id]\n", "proxy.yaml").settings())
        .hasMessage("ignore has 'request_id', which is no JSON pointer; give one like /request_id or /items/*/etag");
    assertThatThrownBy(() -> ProxyOptions.parse("grpc-upstream: x:1\n", "proxy.yaml").settings())
        .hasMessage("no rest-upstream given: set --rest-upstream or 'rest-upstream:' in the configuration file");
    assertThatThrownBy(() -> ProxyOptions.read(Path.of("/nowhere/proxy.yaml")))
        .hasMessage("no configuration file at /nowhere/proxy.yaml; give the path of the proxy's YAML file");
  }

  @Test
  void anEmptyFileIsNoSettings() {
    assertThat(ProxyOptions.parse("", "empty.yaml")).isEqualTo(ProxyOptions.NONE);
    assertThat(List.of(ProxyOptions.NONE.routes())).containsExactly(Map.of());
  }
}
