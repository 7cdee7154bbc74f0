package io.rest2grpc.sample.parity;

/**
 * Where the gRPC answer differs from the engine's conversion of the REST answer.
 *
 * @param where {@code status}, {@code header <name>}, {@code body <JSON pointer>} (a response
 *     message) or {@code details <JSON pointer>} (an error's Status)
 */
record Difference(String where, String expected, String actual) {
  @Override
  public String toString() {
    return where + ": REST says " + expected + ", gRPC " + actual;
  }
}
