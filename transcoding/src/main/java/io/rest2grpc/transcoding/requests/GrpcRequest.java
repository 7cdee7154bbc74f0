package io.rest2grpc.transcoding.requests;

import com.google.protobuf.Message;
import io.grpc.Metadata;
import java.util.List;

/**
 * A REST request in gRPC terms: the request message, the call's metadata, and the query parameters
 * then the multipart parts that named no field (ignored under {@link UnknownParameters#IGNORE}; the
 * caller counts them).
 */
public record GrpcRequest(Message message, Metadata metadata, List<String> unknownParameters) {
  public GrpcRequest {
    unknownParameters = List.copyOf(unknownParameters);
  }
}
