package io.rest2grpc.transcoding.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import io.rest2grpc.transcoding.errors.HttpStatusCodes.Mapping;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The status tables, written out so that a changed row fails (the server-side tables of
 * conventions.md §7.1 and §7.2, plus the rows the code adds); other tests take their expected codes
 * from here, never from {@link HttpStatusCodes} itself.
 */
class HttpStatusCodesTest {
  /** HTTP → gRPC, every row of the table, with the HTTP method where the row depends on it. */
  static final Map<String, Code> TABLE = new TreeMap<>(Map.ofEntries(
      Map.entry("400", Code.INVALID_ARGUMENT),
      Map.entry("401", Code.UNAUTHENTICATED),
      Map.entry("403", Code.PERMISSION_DENIED),
      Map.entry("404", Code.NOT_FOUND),
      Map.entry("405", Code.UNIMPLEMENTED),
      Map.entry("406", Code.INVALID_ARGUMENT),
      Map.entry("408", Code.DEADLINE_EXCEEDED),
      Map.entry("409 POST", Code.ALREADY_EXISTS),
      Map.entry("409 PUT", Code.ABORTED),
      Map.entry("410", Code.NOT_FOUND),
      Map.entry("412", Code.FAILED_PRECONDITION),
      Map.entry("413", Code.INVALID_ARGUMENT),
      Map.entry("414", Code.INVALID_ARGUMENT),
      Map.entry("415", Code.INVALID_ARGUMENT),
      Map.entry("416", Code.OUT_OF_RANGE),
      Map.entry("422", Code.INVALID_ARGUMENT),
      Map.entry("428", Code.FAILED_PRECONDITION),
      Map.entry("429", Code.RESOURCE_EXHAUSTED),
      Map.entry("431", Code.INVALID_ARGUMENT),
      Map.entry("499", Code.CANCELLED),
      Map.entry("500", Code.INTERNAL),
      Map.entry("501", Code.UNIMPLEMENTED),
      Map.entry("502", Code.UNAVAILABLE),
      Map.entry("503", Code.UNAVAILABLE),
      Map.entry("504", Code.DEADLINE_EXCEEDED)));

  /** Statuses without a row: a 4xx is FAILED_PRECONDITION, a 5xx INTERNAL. */
  static final Map<String, Code> BY_CLASS = new TreeMap<>(Map.of(
      "402", Code.FAILED_PRECONDITION,
      "418", Code.FAILED_PRECONDITION,
      "507", Code.INTERNAL));

  static Code codeOf(String row) {
    return TABLE.containsKey(row) ? TABLE.get(row) : BY_CLASS.get(row);
  }

  /** Every status the tests send: the table's rows, then the statuses mapped by class. */
  static Stream<String> rows() {
    return Stream.concat(TABLE.keySet().stream(), BY_CLASS.keySet().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void anHttpErrorMapsToTheCodeOfItsRow(String row) {
    int status = Integer.parseInt(row.substring(0, 3));
    String httpMethod = row.endsWith("PUT") ? "PUT" : "POST";
    assertThat(HttpStatusCodes.toCode(status, httpMethod)).isEqualTo(new Mapping(status, codeOf(row), BY_CLASS.containsKey(row)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "OK, 200", "CANCELLED, 499", "UNKNOWN, 500", "INVALID_ARGUMENT, 400", "DEADLINE_EXCEEDED, 504", "NOT_FOUND, 404",
      "ALREADY_EXISTS, 409", "PERMISSION_DENIED, 403", "RESOURCE_EXHAUSTED, 429", "FAILED_PRECONDITION, 400", "ABORTED, 409",
      "OUT_OF_RANGE, 400", "UNIMPLEMENTED, 501", "INTERNAL, 500", "UNAVAILABLE, 503", "DATA_LOSS, 500", "UNAUTHENTICATED, 401"})
  void aCodeMapsToTheStatusOfCodeProto(Code code, int status) {
    assertThat(HttpStatusCodes.toHttpStatus(code)).isEqualTo(status);
  }
}
