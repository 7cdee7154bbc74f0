package io.rest2grpc.openapi.convert;

import java.util.Locale;

/** Media type names as the converter and the fidelity check read them. */
public final class MediaTypes {
  private MediaTypes() {}

  /** The type without parameters, lower case: {@code "Application/JSON; charset=utf-8"} → {@code "application/json"}. */
  public static String base(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** JSON bodies: {@code application/json}, {@code text/json} and every {@code +json} type. */
  public static boolean isJson(String mediaType) {
    String type = base(mediaType);
    return type.equals("application/json") || type.endsWith("+json") || type.equals("text/json");
  }
}
