package io.rest2grpc.openapi.proto;

import io.rest2grpc.options.v1.Emission;
import io.rest2grpc.options.v1.Int64Encoding;

/** The JSON encoding choices a spec writes (spec-wide or per field) as the options' constants. */
public final class Encodings {
  private Encodings() {}

  /** {@code number} or {@code string}; anything else is no override. */
  public static Int64Encoding int64(String encoding) {
    return "number".equals(encoding) ? Int64Encoding.INT64_ENCODING_NUMBER
        : "string".equals(encoding) ? Int64Encoding.INT64_ENCODING_STRING
        : Int64Encoding.INT64_ENCODING_UNSPECIFIED;
  }

  /** An Emission constant name ({@code EMISSION_NON_NULL}); anything else is no override. */
  public static Emission emission(String name) {
    if (name == null) {
      return Emission.EMISSION_UNSPECIFIED;
    }
    try {
      return Emission.valueOf(name);
    } catch (IllegalArgumentException e) {
      return Emission.EMISSION_UNSPECIFIED;
    }
  }
}
