package io.rest2grpc.openapi.convert.media;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.Locale;
import java.util.Map;

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

  /** The JSON media type of a content map (else {@code *}{@code /*} with a schema); a missing media type object reads as empty. */
  public static Map.Entry<String, MediaType> jsonMedia(Content content) {
    if (content == null) {
      return null;
    }
    for (Map.Entry<String, MediaType> e : content.entrySet()) {
      if (MediaTypes.isJson(e.getKey())) {
        return Map.entry(e.getKey(), e.getValue() == null ? new MediaType() : e.getValue());
      }
    }
    for (Map.Entry<String, MediaType> e : content.entrySet()) {
      if (MediaTypes.base(e.getKey()).equals("*/*") && e.getValue() != null && e.getValue().getSchema() != null) {
        return e;
      }
    }
    return null;
  }
}
