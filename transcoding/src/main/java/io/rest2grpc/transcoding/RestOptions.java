package io.rest2grpc.transcoding;

import com.google.api.AnnotationsProto;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.Message;
import io.rest2grpc.options.v1.OptionsProto;

/**
 * The options every reader of a rest2grpc descriptor set needs registered: rest2grpc's own
 * ({@code rest2grpc/options/v1/options.proto}), {@code google.api.http} and
 * {@code google.api.field_behavior}. Without them, protobuf-java keeps options as unknown fields
 * and every REST fact silently reads as unset.
 */
public final class RestOptions {
  /** Where the options file sits in this module's jar, and in every buf module the converter writes. */
  public static final String PROTO_PATH = "rest2grpc/options/v1/options.proto";

  private static final ExtensionRegistry REGISTRY = create();

  private RestOptions() {}

  public static ExtensionRegistry registry() {
    return REGISTRY;
  }

  /**
   * Fails, saying what to do, when {@code options} (of the element {@code where}) were parsed
   * without the extension {@code extension} registered: protobuf-java then keeps it as an unknown
   * field, and every fact it holds would read as unset.
   */
  public static void requireRegistered(Message options, int extension, String where) {
    if (options.getUnknownFields().hasField(extension)) {
      throw new IllegalArgumentException("the options of " + where + " were parsed without rest2grpc's extensions registered:"
          + " load the descriptor set with DescriptorSets.load, or parse it with RestOptions.registry()");
    }
  }

  private static ExtensionRegistry create() {
    ExtensionRegistry registry = ExtensionRegistry.newInstance();
    OptionsProto.registerAllExtensions(registry);
    AnnotationsProto.registerAllExtensions(registry);
    FieldBehaviorProto.registerAllExtensions(registry);
    return registry.getUnmodifiable();
  }
}
