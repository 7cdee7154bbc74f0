package io.rest2grpc.sample.support;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import io.rest2grpc.transcoding.DescriptorSets;
import io.rest2grpc.transcoding.RestOptions;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.Refusal;
import io.rest2grpc.transcoding.paging.PageTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The transcoding engine a test puts in front of the app, read from the descriptor set the app's
 * build compiled from its committed protos, as a deployment would.
 */
public final class ContractEngine {
  public static final String DESCRIPTOR_SET = "META-INF/rest2grpc/descriptor-set.binpb";

  private ContractEngine() {}

  /** The engine, signing and reading page tokens with {@code pageTokens} (the app's keys). */
  public static HttpTranscoder load(PageTokens pageTokens) {
    try (InputStream in = ContractEngine.class.getClassLoader().getResourceAsStream(DESCRIPTOR_SET)) {
      if (in == null) {
        throw new IllegalStateException(DESCRIPTOR_SET + " is not on the test classpath: build the app with Maven (its protobuf-maven-plugin writes it)");
      }
      FileDescriptorSet set = FileDescriptorSet.parseFrom(in, RestOptions.registry());
      // the app's ApiExceptionHandler answers an unreadable body with MALFORMED_BODY and a value
      // outside its bounds (@Min, @Max) with VALIDATION_FAILED; its other framework errors take the
      // status's name, the engine's default
      return HttpTranscoder.builder()
          .refusalReasons(Map.of(Refusal.UNREADABLE_BODY, "MALFORMED_BODY", Refusal.PARAMETER_OUT_OF_RANGE, "VALIDATION_FAILED"))
          .pageTokens(pageTokens)
          .build(DescriptorSets.load(set, DESCRIPTOR_SET).values());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DESCRIPTOR_SET, e);
    }
  }
}
