package io.rest2grpc.benchmarks;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import io.rest2grpc.transcoding.json.RestJson;
import java.nio.file.Path;
import java.util.Comparator;
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
 * Prints and parses one large message of a corpus spec with rest2grpc's REST JSON codec and with
 * protobuf's JsonFormat, side by side. The message is the spec's message type with the most fields
 * (transitively, to a few levels), filled with values by {@link MessageFiller}.
 *
 * <pre>java -jar benchmarks/codec-jmh/target/benchmarks.jar -p spec=../shared/corpus/large/openai.yaml</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
  @Param("../shared/corpus/evolution/stripe/v2.yaml")
  public String spec;

  private final RestJson restJson = RestJson.create();
  private final JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
  private final JsonFormat.Parser parser = JsonFormat.parser().ignoringUnknownFields();
  private Message message;
  private String restJsonText;
  private String jsonFormatText;

  @Setup
  public void setUp() throws Exception {
    Conversion conversion = OpenApiToProto.convert(Path.of(spec), ConversionOptions.defaults());
    Map<String, FileDescriptor> files = DescriptorBuilder.build(conversion);
    Descriptor largest = files.values().stream()
        .flatMap(f -> f.getMessageTypes().stream())
        .max(Comparator.comparingInt(d -> MessageFiller.weight(d, 3)))
        .orElseThrow();
    message = MessageFiller.fill(largest, 3);
    restJsonText = restJson.print(message);
    jsonFormatText = printer.print(message);
    System.out.printf("%nmessage %s: %d bytes of REST JSON, %d bytes of proto3 JSON%n",
        largest.getFullName(), restJsonText.length(), jsonFormatText.length());
  }

  @Benchmark
  public String printRestJson() {
    return restJson.print(message);
  }

  @Benchmark
  public String printJsonFormat() throws Exception {
    return printer.print(message);
  }

  @Benchmark
  public Message parseRestJson() {
    return restJson.parse(restJsonText, DynamicMessage.newBuilder(message.getDescriptorForType())).build();
  }

  @Benchmark
  public Message parseJsonFormat() throws Exception {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(message.getDescriptorForType());
    parser.merge(jsonFormatText, builder);
    return builder.build();
  }
}
