package io.rest2grpc.transcoding.requests;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.rest2grpc.transcoding.UnicodeText;
import java.util.Locale;

/**
 * A REST request the method cannot take: a parameter or body that is no value of its field, a
 * wrong constant, a parameter the unknown-parameter policy refuses. Says which parameter, where,
 * and what was wrong; {@link #toStatus()} is the INVALID_ARGUMENT the legacy service's 400 maps to.
 */
public final class InvalidRequest extends RuntimeException {
  /** Where in the REST request the offending value was. */
  public enum Location { PATH, QUERY, HEADER, COOKIE, BODY }

  private final Location location;
  private final String parameter;
  private final String problem;

  public InvalidRequest(Location location, String parameter, String problem) {
    // what the client sent may hold unpaired surrogates; a Status message must be Unicode text
    super(location.name().toLowerCase(Locale.ROOT) + " parameter '" + UnicodeText.replacingUnpaired(parameter) + "': "
        + UnicodeText.replacingUnpaired(problem));
    this.location = location;
    this.parameter = UnicodeText.replacingUnpaired(parameter);
    this.problem = UnicodeText.replacingUnpaired(problem);
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

  /** INVALID_ARGUMENT with a BadRequest field violation naming the parameter. */
  public StatusRuntimeException toStatus() {
    BadRequest violation = BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
        .setField(parameter).setDescription(problem)).build();
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage(getMessage()).addDetails(Any.pack(violation)).build());
  }
}
