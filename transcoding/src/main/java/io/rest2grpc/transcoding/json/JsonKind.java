package io.rest2grpc.transcoding.json;

import com.fasterxml.jackson.core.JsonToken;

/** The kind of JSON value a field takes; ANY for google.protobuf.Value and nested unions. */
enum JsonKind {
  STRING, NUMBER, BOOLEAN, OBJECT, ARRAY, ANY;

  static JsonKind of(JsonToken token) {
    return switch (token) {
      case VALUE_STRING -> STRING;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NUMBER;
      case VALUE_TRUE, VALUE_FALSE -> BOOLEAN;
      case START_OBJECT -> OBJECT;
      case START_ARRAY -> ARRAY;
      default -> ANY;
    };
  }
}
