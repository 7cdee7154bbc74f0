package io.rest2grpc.maven.controllers.model;

/** Why an argument or return value cannot travel the typed gRPC path and needs a bridge to the REST handler. */
public enum BridgeReason {
  /** Server push through {@code SseEmitter} or its base {@code ResponseBodyEmitter}. */
  SSE_EMITTER,
  /** An untyped byte body: {@code byte[]}, {@code Resource}, {@code InputStream} or {@code Reader}. */
  RAW_BODY,
  /** A JSON tree instead of a type: Jackson's {@code JsonNode}, JSON-P values or merge patches. */
  JSON_NODE_BODY,
  /** {@code multipart/form-data}: {@code @RequestPart}, {@code MultipartFile}, {@code Part}, multipart requests. */
  MULTIPART,
  /** The handler writes the response itself: servlet response, {@code OutputStream}, {@code Writer}, {@code StreamingResponseBody}. */
  WRITES_RESPONSE
}
