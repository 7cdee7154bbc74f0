package io.rest2grpc.benchmarks;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import io.rest2grpc.transcoding.routing.Route;
import io.rest2grpc.transcoding.routing.RouteMatch;
import io.rest2grpc.transcoding.routing.RouteTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Route lookup (issue 16 §1: its cost follows the path's depth, not the number of routes): every
 * route of a corpus spec's table, or of a table of its first {@code routes} RPCs, matched by a
 * request made from its own template, one lookup per operation in turn.
 *
 * <pre>java -jar benchmarks/codec-jmh/target/benchmarks.jar RouteBenchmark -p spec=../shared/corpus/evolution/kubernetes/v2.json</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouteBenchmark {
  @Param("../shared/corpus/evolution/kubernetes/v2.json")
  public String spec;

  /** How many RPCs the table holds: "all" of the spec's, or its first n. */
  @Param({"all", "10"})
  public String routes;

  private RouteTable table;
  private String[] methods;
  private String[] targets;
  private int next;

  @Setup
  public void setUp() throws Exception {
    Collection<FileDescriptor> files = DescriptorBuilder.build(OpenApiToProto.convert(Path.of(spec), ConversionOptions.defaults())).values();
    List<MethodDescriptor> rpcs = new ArrayList<>();
    files.forEach(f -> f.getServices().forEach(s -> rpcs.addAll(s.getMethods())));
    table = RouteTable.ofMethods(routes.equals("all") ? rpcs : rpcs.subList(0, Integer.parseInt(routes)));
    List<Route> all = table.routes();
    methods = new String[all.size()];
    targets = new String[all.size()];
    for (int i = 0; i < all.size(); i++) {
      methods[i] = all.get(i).httpMethod();
      Map<String, String> values = new HashMap<>();
      all.get(i).template().variables().forEach(v -> values.put(v.fieldPath(), "x1"));
      targets[i] = all.get(i).template().expand(values);
    }
    System.out.printf("%n%d routes%n", all.size());
  }

  @Benchmark
  public RouteMatch match() {
    int i = next++ % targets.length;
    return table.match(methods[i], targets[i]);
  }
}
