package io.rest2grpc.transcoding.json;

/** A value that does not fit its field; the reader adds the JSON pointer. Cheap: no stack trace. */
final class InvalidValue extends RuntimeException {
  InvalidValue(String problem) {
    super(problem, null, false, false);
  }
}
