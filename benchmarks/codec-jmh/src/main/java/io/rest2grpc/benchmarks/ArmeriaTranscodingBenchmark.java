package io.rest2grpc.benchmarks;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.ClientRequestContextCaptor;
import com.linecorp.armeria.client.Clients;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.common.grpc.GrpcJsonMarshaller;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.server.grpc.GrpcServiceBuilder;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import io.grpc.Metadata;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.oracle.DescriptorServices;
import io.rest2grpc.transcoding.paging.PageTokenKeys;
import io.rest2grpc.transcoding.paging.PageTokens;
import io.rest2grpc.transcoding.responses.GrpcResponse;
import io.rest2grpc.transcoding.responses.ResponseTranscoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 16 §6.5: route + bind + print of a GetOrder-like request and a list request with query
 * parameters, on the sample app's contract, side by side with Armeria's HTTP/JSON transcoding.
 *
 * <p>Armeria's side: its transcoding {@code GrpcService} over the contract's descriptors (no
 * generated stubs: {@link DescriptorServices}), each RPC answering a filled response that Armeria
 * prints as JSON, called by Armeria's {@code WebClient} over loopback in the same JVM (Armeria has
 * no in-memory transport). So its figures include a client and an HTTP exchange on 127.0.0.1 (h2c, the client's default);
 * {@link #armeriaLoopbackOnly} is that cost alone (a plain Armeria service answering the same
 * bytes), to subtract. Armeria reads query parameters by proto field name and enums by proto name,
 * so its list request spells them so; the REST form of the same request is {@link #LIST_REST}.
 *
 * <p>The engine's side, on {@link #GET_ORDER} and {@link #LIST_REST}: {@link #engineGetOrder} and
 * {@link #engineListOrders} route, bind and print in process ({@code HttpTranscoder.toGrpc}, then the
 * method's response transcoder on a fixed response); {@link #engineOverLoopbackGetOrder} and
 * {@link #engineOverLoopbackListOrders} do the same inside a plain Armeria {@code HttpService},
 * called by the same client over the same loopback, so they compare with Armeria's figures as they
 * are, nothing subtracted.
 *
 * <pre>java -jar benchmarks/codec-jmh/target/benchmarks.jar ArmeriaTranscodingBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ArmeriaTranscodingBenchmark {
  static final String GET_ORDER = "/v1/orders/1234567";
  static final String LIST_REST = "/v1/orders?status=pending&user_id=42&created_from=2026-01-01T00:00:00Z&limit=20&offset=40";
  private static final String GET_RPC = "sample_legacy_orders.v1.OrdersService.GetOrder";
  private static final String LIST_RPC = "sample_legacy_orders.v1.OrdersService.ListOrders";

  @Param("sample-legacy-app/src/main/resources/openapi.yaml")
  public String spec;

  private Server server;
  private ClientFactory clientFactory;
  private WebClient client;
  private String listArmeria;
  private volatile DynamicMessage lastRequest;

  private HttpTranscoder engine;
  private Message getOrderResponse;
  private Message listOrdersResponse;
  private Server engineServer;
  private WebClient engineClient;

  @Setup
  public void setUp() throws Exception {
    Collection<FileDescriptor> files = DescriptorBuilder.build(OpenApiToProto.convert(Path.of(spec), ConversionOptions.defaults())).values();
    setUpEngine(files);
    Map<String, Message> responses = new HashMap<>();
    GrpcServiceBuilder grpc = GrpcService.builder()
        .enableHttpJsonTranscoding(true)
        .jsonMarshallerFactory(service -> GrpcJsonMarshaller.builderForGson()
            .jsonParserCustomizer(JsonFormat.Parser::ignoringUnknownFields).build());
    for (FileDescriptor file : files) {
      file.getServices().forEach(service -> grpc.addService(DescriptorServices.of(service, (method, request) -> {
        lastRequest = request;
        return responses.computeIfAbsent(method.getFullName(), name -> MessageFiller.fill(method.getOutputType(), 2));
      })));
    }
    MethodDescriptor list = files.stream().flatMap(f -> f.getServices().stream()).flatMap(s -> s.getMethods().stream())
        .filter(m -> m.getFullName().equals(LIST_RPC)).findFirst().orElseThrow();
    listArmeria = "/v1/orders?status=" + list.getInputType().findFieldByName("status").getEnumType().getValues().get(1).getName()
        + "&user_id=42&created_from=2026-01-01T00:00:00Z&page_size=20&page_token=p40";
    byte[] fixedAnswer = JsonFormat.printer().omittingInsignificantWhitespace()
        .print(MessageFiller.fill(list.getOutputType(), 2)).getBytes(StandardCharsets.UTF_8);
    server = Server.builder()
        .http(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .service(grpc.build())
        .service("/plain/orders", (ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, fixedAnswer))
        .build();
    server.start().join();
    clientFactory = ClientFactory.builder().build();
    client = WebClient.builder("http://127.0.0.1:" + server.activeLocalPort()).factory(clientFactory).build();
    try (ClientRequestContextCaptor captor = Clients.newContextCaptor()) {
      check(armeriaGetOrder(), GET_RPC, 1);
      System.out.printf("Armeria's client spoke %s%n", captor.get().log().whenRequestComplete().join().sessionProtocol());
    }
    check(armeriaListOrders(), LIST_RPC, 5);

    engineServer = Server.builder()
        .http(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .serviceUnder("/", (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(this::serve)))
        .build();
    engineServer.start().join();
    engineClient = WebClient.builder("http://127.0.0.1:" + engineServer.activeLocalPort()).factory(clientFactory).build();
    checkEngine(engineGetOrder(), engineOverLoopbackGetOrder(), GET_ORDER);
    checkEngine(engineListOrders(), engineOverLoopbackListOrders(), LIST_REST);
  }

  /**
   * The engine with fixed keys for page tokens, and the responses its RPCs answer: MessageFiller's, as Armeria's
   * answer; ListOrders' next page token minted by the engine itself (a REST page read back), so it prints as a link.
   */
  private void setUpEngine(Collection<FileDescriptor> files) {
    engine = HttpTranscoder.builder().pageTokens(PageTokens.create(PageTokenKeys.of("bench", Map.of("bench", new byte[32])))).build(files);
    Routed.Call get = call(RestRequest.of("GET", GET_ORDER, RestHeaders.NONE));
    getOrderResponse = MessageFiller.fill(get.call().method().getOutputType(), 2);
    Routed.Call list = call(RestRequest.of("GET", LIST_REST, RestHeaders.NONE));
    Message filled = MessageFiller.fill(list.call().method().getOutputType(), 2);
    Message.Builder firstPage = filled.toBuilder();
    firstPage.clearField(filled.getDescriptorForType().findFieldByName("next_page_token"));
    ResponseTranscoder responses = list.call().responses().orElseThrow();
    RestResponse page = responses.toRest(firstPage.build(), new Metadata(), new Metadata(), list.context());
    GrpcResponse readBack = responses.toGrpc(page, list.context());
    if (!(readBack instanceof GrpcResponse.Success success)) {
      throw new IllegalStateException("ListOrders: the engine cannot read its own page back: " + readBack);
    }
    listOrdersResponse = success.message();
  }

  private Routed.Call call(RestRequest request) {
    Routed routed = engine.toGrpc(request);
    if (!(routed instanceof Routed.Call call)) {
      throw new IllegalStateException(request.target() + ": the engine refused: " + ((Routed.Refused) routed).detail());
    }
    return call;
  }

  /** Route + bind + print: the REST request to its RPC and message, then the RPC's fixed response to the REST response. */
  private RestResponse transcode(RestRequest request) {
    Routed routed = engine.toGrpc(request);
    if (!(routed instanceof Routed.Call call)) {
      return ((Routed.Refused) routed).response();
    }
    Message response = call.call().method().getName().equals("ListOrders") ? listOrdersResponse : getOrderResponse;
    return call.call().responses().orElseThrow().toRest(response, new Metadata(), new Metadata(), call.context());
  }

  /** The engine inside a plain Armeria service: the aggregated request in, the REST response out. */
  private HttpResponse serve(AggregatedHttpRequest request) {
    List<String> headers = new ArrayList<>();
    request.headers().forEach((name, value) -> {
      if (name.charAt(0) != ':') {
        headers.add(name.toString());
        headers.add(value);
      }
    });
    MediaType contentType = request.contentType();
    RestResponse rest = transcode(RestRequest.of(request.method().name(), request.path(), RestHeaders.of(headers.toArray(String[]::new)),
        contentType == null ? "" : contentType.toString(), ByteString.copyFrom(request.content().array())));
    ResponseHeadersBuilder head = ResponseHeaders.builder(rest.status());
    if (!rest.mediaType().isEmpty()) {
      head.contentType(MediaType.parse(rest.mediaType()));
    }
    rest.headers().list().forEach(h -> head.add(h.name(), h.value()));
    return HttpResponse.of(head.build(), HttpData.wrap(rest.body().toByteArray()));
  }

  /** In process and over loopback alike: 200 with the same body. */
  private static void checkEngine(RestResponse inProcess, AggregatedHttpResponse overLoopback, String target) {
    if (inProcess.status() != 200 || overLoopback.status().code() != 200 || !overLoopback.contentUtf8().equals(inProcess.body().toStringUtf8())) {
      throw new IllegalStateException(target + ": the engine answered " + inProcess.status() + " " + inProcess.body().toStringUtf8()
          + ", over loopback " + overLoopback.status() + " " + overLoopback.contentUtf8());
    }
    System.out.printf("%nengine %s: %d bytes answered, headers %s%n", target, inProcess.body().size(), inProcess.headers().list());
  }

  /** The request reached the RPC with its fields bound, and Armeria printed the response. */
  private void check(AggregatedHttpResponse response, String rpc, int fieldsBound) {
    if (response.status().code() != 200 || lastRequest == null || !lastRequest.getDescriptorForType().getName().equals(
        rpc.substring(rpc.lastIndexOf('.') + 1) + "Request") || lastRequest.getAllFields().size() != fieldsBound) {
      throw new IllegalStateException(rpc + ": Armeria answered " + response.status() + " " + response.contentUtf8()
          + " with request " + lastRequest);
    }
    System.out.printf("%n%s: %d fields bound, %d bytes answered%n", rpc, fieldsBound, response.content().length());
  }

  @TearDown
  public void tearDown() {
    clientFactory.close();
    server.close();
    engineServer.close();
  }

  @Benchmark
  public AggregatedHttpResponse armeriaGetOrder() {
    return client.blocking().get(GET_ORDER);
  }

  @Benchmark
  public AggregatedHttpResponse armeriaListOrders() {
    return client.blocking().get(listArmeria);
  }

  @Benchmark
  public AggregatedHttpResponse armeriaLoopbackOnly() {
    return client.blocking().get("/plain/orders");
  }

  @Benchmark
  public RestResponse engineGetOrder() {
    return transcode(RestRequest.of("GET", GET_ORDER, RestHeaders.NONE));
  }

  @Benchmark
  public RestResponse engineListOrders() {
    return transcode(RestRequest.of("GET", LIST_REST, RestHeaders.NONE));
  }

  @Benchmark
  public AggregatedHttpResponse engineOverLoopbackGetOrder() {
    return engineClient.blocking().get(GET_ORDER);
  }

  @Benchmark
  public AggregatedHttpResponse engineOverLoopbackListOrders() {
    return engineClient.blocking().get(LIST_REST);
  }
}
