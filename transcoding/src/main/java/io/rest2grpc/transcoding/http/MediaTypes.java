package io.rest2grpc.transcoding.http;

import java.util.Locale;

/** Media types as HTTP writes them in Content-Type and Accept. */
public final class MediaTypes {
  private MediaTypes() {}

  /** The type and subtype, without parameters, in lower case ({@code Application/JSON; charset=utf-8} → {@code application/json}). */
  public static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
