package io.rest2grpc.shadow.compare;

/**
 * One way the gRPC side's answer, in REST terms, differs from REST's.
 *
 * @param where a JSON pointer into the body, a header's name, or "" for the status
 * @param expected REST's value
 * @param actual the gRPC side's, as the engine writes it for REST
 */
public record Mismatch(Kind kind, String where, String expected, String actual) {

  public enum Kind { STATUS, HEADER, BODY }

  public String describe() {
    String place = switch (kind) {
      case STATUS -> "status";
      case HEADER -> "header " + where;
      case BODY -> "body " + (where.isEmpty() ? "(root)" : where);
    };
    return place + ": REST " + expected + ", gRPC " + actual;
  }
}
