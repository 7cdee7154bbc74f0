package io.rest2grpc.runtime.contract;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors;
import io.rest2grpc.transcoding.DescriptorSets;
import io.rest2grpc.transcoding.RestOptions;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.MethodCall;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The app's compiled contract: the descriptor set the build wrote (with imports and the rest2grpc
 * options), and the transcoding engine built from it. Generated services name their RPCs by full
 * method name ({@code sample_legacy_orders.v1.OrdersService/GetOrder}); their messages are the
 * generated classes, whose descriptors are other objects than the set's, so messages cross between
 * the two as bytes.
 */
public final class GrpcContract {
  private final HttpTranscoder engine;
  private final Map<String, Descriptors.MethodDescriptor> methods = new HashMap<>();

  private GrpcContract(Collection<Descriptors.FileDescriptor> files, Function<HttpTranscoder.Builder, HttpTranscoder.Builder> settings) {
    this.engine = settings.apply(HttpTranscoder.builder()).build(files);
    for (Descriptors.FileDescriptor file : files) {
      for (Descriptors.ServiceDescriptor service : file.getServices()) {
        for (Descriptors.MethodDescriptor method : service.getMethods()) {
          methods.put(service.getFullName() + "/" + method.getName(), method);
        }
      }
    }
  }

  /**
   * Reads a descriptor set ({@code protoc --include_imports} output) from {@code in}.
   *
   * @param name where it came from, for error messages
   */
  public static GrpcContract read(InputStream in, String name, Function<HttpTranscoder.Builder, HttpTranscoder.Builder> settings)
      throws IOException {
    FileDescriptorSet set = FileDescriptorSet.parseFrom(in, RestOptions.registry());
    return new GrpcContract(DescriptorSets.load(set, name).values(), settings);
  }

  public HttpTranscoder engine() {
    return engine;
  }

  /**
   * The engine's call of {@code fullMethodName}. Throws {@link IllegalStateException} when the set has
   * no such RPC, and {@link IllegalArgumentException} when the engine cannot transcode it (naming why).
   */
  public MethodCall method(String fullMethodName) {
    Descriptors.MethodDescriptor method = methods.get(fullMethodName);
    if (method == null) {
      throw new IllegalStateException("the descriptor set has no RPC " + fullMethodName
          + ": the generated services and the descriptor set come from different protos; rebuild the app");
    }
    return engine.call(method);
  }
}
