package io.rest2grpc.transcoding.oracle;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import com.linecorp.armeria.common.grpc.GrpcJsonMarshaller;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.server.grpc.GrpcServiceBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An independent HttpRule transcoder to check ours against (issue 16, proof 3): Armeria's HTTP/JSON
 * transcoding serving every service of some {@link FileDescriptor}s on 127.0.0.1, each RPC
 * recording the request message Armeria built and answering a fixed response. {@link #send} tells
 * which RPC an HTTP request reached and with what message, or the status Armeria answered instead.
 *
 * <p>Armeria's JSON marshaller for requests and responses is its {@code JsonFormat} one
 * ({@link GrpcJsonMarshaller#ofGson()}; the default one, on protobuf-jackson, cannot read a
 * {@link DynamicMessage}), set to ignore unknown fields as the default one does. One request at a
 * time ({@link #send} is synchronized).
 */
public final class ArmeriaOracle implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Armeria's answer: its status and body; the RPC it called (full proto name) and the request, if any. */
  public record Captured(int status, String rpc, DynamicMessage request, String responseBody) {
    public boolean called() {
      return rpc != null;
    }
  }

  private record Call(String rpc, DynamicMessage request) {}

  private final Server server;
  private final ClientFactory clientFactory;
  private final WebClient client;
  private final BlockingQueue<Call> calls;

  private ArmeriaOracle(Server server, ClientFactory clientFactory, BlockingQueue<Call> calls) {
    this.server = server;
    this.clientFactory = clientFactory;
    this.client = WebClient.builder("http://127.0.0.1:" + server.activeLocalPort())
        .factory(clientFactory).responseTimeout(TIMEOUT).build();
    this.calls = calls;
  }

  /** Serves every service of {@code files}; each RPC answers its output type's default instance. */
  public static ArmeriaOracle start(List<FileDescriptor> files) {
    return start(files, Map.of());
  }

  /** As {@link #start(List)}, but the RPCs named (full proto name, {@code pkg.Service.Method}) answer the given message. */
  public static ArmeriaOracle start(List<FileDescriptor> files, Map<String, ? extends Message> responses) {
    BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    DescriptorServices.UnaryHandler handler = (method, request) -> {
      calls.add(new Call(method.getFullName(), request));
      Message response = responses.get(method.getFullName());
      return response != null ? response : DynamicMessage.getDefaultInstance(method.getOutputType());
    };
    Map<String, ServiceDescriptor> services = new LinkedHashMap<>();
    files.forEach(file -> file.getServices().forEach(service -> services.putIfAbsent(service.getFullName(), service)));
    GrpcServiceBuilder grpc = GrpcService.builder()
        .enableHttpJsonTranscoding(true)
        .jsonMarshallerFactory(service -> GrpcJsonMarshaller.builderForGson()
            .jsonParserCustomizer(JsonFormat.Parser::ignoringUnknownFields).build());
    services.values().forEach(service -> grpc.addService(DescriptorServices.of(service, handler)));
    Server server = Server.builder()
        .http(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .service(grpc.build())
        .build();
    server.start().join();
    return new ArmeriaOracle(server, ClientFactory.builder().build(), calls);
  }

  public Captured send(String method, String pathAndQuery) {
    return send(method, pathAndQuery, Map.of(), new byte[0]);
  }

  /** One HTTP request; {@code headers} may hold {@code content-type}. */
  public synchronized Captured send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
    calls.clear();
    RequestHeadersBuilder head = RequestHeaders.builder(HttpMethod.valueOf(method), pathAndQuery);
    headers.forEach(head::add);
    AggregatedHttpResponse response = client.blocking().execute(head.build(), HttpData.wrap(body));
    Call call = calls.poll();
    return new Captured(response.status().code(), call == null ? null : call.rpc(), call == null ? null : call.request(),
        response.contentUtf8());
  }

  @Override
  public void close() {
    clientFactory.close();
    server.close();
  }
}
