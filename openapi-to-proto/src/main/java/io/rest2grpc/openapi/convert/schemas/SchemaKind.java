package io.rest2grpc.openapi.convert.schemas;

/** What a schema becomes in proto. */
public enum SchemaKind {
  /** int64, string, google.protobuf.Timestamp… */
  SCALAR,
  ENUM,
  /** an object with properties, a composition (allOf) or a union (oneOf/anyOf, discriminator base). */
  MESSAGE,
  /** repeated */
  ARRAY,
  /** map&lt;string, T&gt; */
  MAP,
  /** a free-form object: google.protobuf.Struct */
  STRUCT,
  /** any JSON value: google.protobuf.Value */
  ANY
}
