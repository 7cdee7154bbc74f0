package io.rest2grpc.transcoding.equivalence;

/**
 * One place where two REST JSON documents differ.
 *
 * @param pointer where, as an RFC 6901 JSON pointer into the documents ({@code ""} is the root)
 * @param expected the expected document's value as compact JSON (cut after 120 characters), or
 *     {@value #ABSENT} when the property or element is missing there
 * @param actual the actual document's value, in the same form
 * @param reason why the two count as different, e.g. "string instead of number"
 */
public record Difference(String pointer, String expected, String actual, String reason) {
  /** Stands for a missing property or element; never confused with JSON, which it is not. */
  public static final String ABSENT = "(absent)";

  /** One line: {@code /orders/0/total: expected 2500, got "2500" (string instead of number)}. */
  public String describe() {
    String where = pointer.isEmpty() ? "(root)" : pointer;
    return where + ": expected " + expected + ", got " + actual + " (" + reason + ")";
  }
}
