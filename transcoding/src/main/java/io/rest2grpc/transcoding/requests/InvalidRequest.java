package io.rest2grpc.transcoding.requests;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.rest2grpc.transcoding.JsonPointer;
import io.rest2grpc.transcoding.UnicodeText;
import java.util.Locale;
import java.util.Optional;

/**
 * A REST request the method cannot take: a parameter or body that is no value of its field, a
 * value outside its documented bounds, a wrong constant, a parameter the unknown-parameter policy
 * refuses. Says which parameter, where,
 * and what was wrong; {@link #toStatus()} is the INVALID_ARGUMENT the legacy service's 400 maps to.
 */
public final class InvalidRequest extends RuntimeException {
  /** Where in the REST request the offending value was. */
  public enum Location { PATH, QUERY, HEADER, COOKIE, BODY }

  private final Location location;
  private final String parameter;
  private final String problem;
  private final boolean outOfRange;

  public InvalidRequest(Location location, String parameter, String problem) {
    this(location, parameter, problem, false);
  }

  /**
   * {@code outOfRange}: the value is one of its field's type, outside the bounds the API documents
   * (a page length above its maximum), which a legacy API's validation, not its parsing, refuses.
   */
  public InvalidRequest(Location location, String parameter, String problem, boolean outOfRange) {
    // what the client sent may hold unpaired surrogates; a Status message must be Unicode text
    super(location.name().toLowerCase(Locale.ROOT) + " parameter '" + UnicodeText.replacingUnpaired(parameter) + "': "
        + UnicodeText.replacingUnpaired(problem));
    this.location = location;
    this.parameter = UnicodeText.replacingUnpaired(parameter);
    this.problem = UnicodeText.replacingUnpaired(problem);
    this.outOfRange = outOfRange;
  }

  public boolean outOfRange() {
    return outOfRange;
  }

  public Location location() {
    return location;
  }

  /**
   * The parameter's REST name; for the body, the JSON pointer of the offending value ("" for the
   * whole body), or for a multipart body the part's name ({@code #n} before its name is read).
   */
  public String parameter() {
    return parameter;
  }

  public String problem() {
    return problem;
  }

  /**
   * The field violation a 400 lists: the parameter's name, or for a body value its path as the
   * legacy body's own validation errors write it ({@code items[0].sku}); none for the whole body.
   */
  public Optional<BadRequest.FieldViolation> violation() {
    String field = location == Location.BODY && parameter.startsWith("/") ? fieldPath(JsonPointer.parse(parameter)) : parameter;
    return field.isEmpty() ? Optional.empty() : Optional.of(BadRequest.FieldViolation.newBuilder().setField(field).setDescription(problem).build());
  }

  /** INVALID_ARGUMENT with a BadRequest holding the {@link #violation()}, if there is one. */
  public StatusRuntimeException toStatus() {
    com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE).setMessage(getMessage());
    violation().ifPresent(v -> status.addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(v).build())));
    return StatusProto.toStatusRuntimeException(status.build());
  }

  /** {@code /items/0/sku} → {@code items[0].sku}: array indexes in brackets, members joined by dots. */
  private static String fieldPath(JsonPointer pointer) {
    StringBuilder path = new StringBuilder();
    for (String token : pointer.tokens()) {
      if (JsonPointer.arrayIndex(token) >= 0) {
        path.append('[').append(token).append(']');
      } else {
        path.append(path.isEmpty() ? "" : ".").append(token);
      }
    }
    return path.toString();
  }
}
