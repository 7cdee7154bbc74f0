package io.rest2grpc.transcoding.responses;

import com.google.api.AnnotationsProto;
import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;

/**
 * Which part of a method's response message is the REST body, and in what form: none
 * ({@code google.protobuf.Empty}), the whole message or its {@code response_body} field as REST
 * JSON, a {@code google.api.HttpBody}, or a {@code bytes} field (the transcoding README, "Responses").
 */
sealed interface ResponseBody permits NoBody, JsonBody, JsonFieldBody, RawHttpBody, RawBytesBody {
  String JSON = "application/json";
  String OCTETS = "application/octet-stream";

  /** A body as sent: its media type ({@code Content-Type}, empty for none) and bytes. */
  record Payload(String mediaType, ByteString bytes) {
    static final Payload NONE = new Payload("", ByteString.EMPTY);
  }

  Payload print(Message response);

  /** Merges the REST response's body into {@code response}; throws {@link ResponseBodyException}. */
  void parse(RestResponse rest, Message.Builder response);

  static ResponseBody of(MethodDescriptor method, RestMethod options, RestJson json) {
    Descriptor output = method.getOutputType();
    String mediaType = options.getResponseMediaType();
    String fieldName = method.getOptions().getExtension(AnnotationsProto.http).getResponseBody();
    if (fieldName.isEmpty()) {
      return output.getFullName().equals(Empty.getDescriptor().getFullName()) ? new NoBody()
          : isHttpBody(output) ? new RawHttpBody(null, orDefault(mediaType, OCTETS))
          : new JsonBody(json, method.getFullName(), orDefault(mediaType, JSON));
    }
    FieldDescriptor field = output.findFieldByName(fieldName);
    if (field == null) {
      throw new IllegalArgumentException(method.getFullName() + " has response_body \"" + fieldName + "\", which is no field of "
          + output.getFullName() + "; name a top-level field of the response in its google.api.http rule");
    }
    if (!field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && isHttpBody(field.getMessageType())) {
      return new RawHttpBody(field, orDefault(mediaType, OCTETS));
    }
    if (!field.isRepeated() && field.getType() == FieldDescriptor.Type.BYTES) {
      return new RawBytesBody(field, orDefault(mediaType, OCTETS));
    }
    return new JsonFieldBody(json, method.getFullName(), field, orDefault(mediaType, JSON));
  }

  private static boolean isHttpBody(Descriptor type) {
    return type.getFullName().equals(HttpBody.getDescriptor().getFullName());
  }

  private static String orDefault(String mediaType, String otherwise) {
    return mediaType.isEmpty() ? otherwise : mediaType;
  }
}
