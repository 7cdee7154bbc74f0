package io.rest2grpc.transcoding.json;

/**
 * Hears what parsing accepted without keeping: unknown properties and unknown enum values under the
 * KEEP policy. Called on the parsing thread; implementations that count across requests must be
 * thread-safe. Pointers are RFC 6901 JSON pointers into the parsed document.
 */
public interface RestJsonListener {
  /** Hears nothing. */
  RestJsonListener NONE = new RestJsonListener() {};

  /** A property that matches no field was skipped. */
  default void unknownProperty(String pointer) {}

  /** An enum value the proto does not know was dropped (the field is left unset). */
  default void unknownEnumValue(String pointer, String value) {}
}
