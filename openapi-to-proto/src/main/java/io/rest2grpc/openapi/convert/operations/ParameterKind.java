package io.rest2grpc.openapi.convert.operations;

import java.util.Locale;
import java.util.Set;

/**
 * The kinds of parameter that belong to the call rather than to the request when nearly every
 * operation takes them (module README, "Shared parameters"), told by name: names are what such
 * parameters share across APIs (Google's {@code alt}/{@code prettyPrint}/{@code key}, Kubernetes'
 * {@code pretty}, Slack's {@code token}). A parameter that selects what the response holds
 * ({@code fields}, {@code expand}, {@code fieldSelector}) is none of these: it stays a field.
 */
enum ParameterKind {
  /** A credential: secret, never logged. */
  CREDENTIAL,
  /** A request signature header. */
  SIGNATURE,
  /** How the response is printed or framed, or which API version answers. */
  TRANSPORT;

  private static final Set<String> CREDENTIALS = Set.of("token", "accesstoken", "authtoken", "apikey", "apitoken", "key",
      "sessiontoken", "oauthtoken");
  private static final Set<String> TRANSPORTS = Set.of("pretty", "prettyprint", "alt", "format", "callback", "jsonp",
      "quotauser", "userip", "uploadtype", "uploadprotocol", "xgafv", "suppressresponsecodes", "envelope", "apiversion",
      "githubapiversion");

  /** The kind of a query, header or cookie parameter named {@code name}, or null. */
  static ParameterKind of(String name, String in) {
    String word = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String unprefixed = word.startsWith("x") ? word.substring(1) : word;
    if (CREDENTIALS.contains(word) || CREDENTIALS.contains(unprefixed)) {
      return CREDENTIAL;
    }
    if ("header".equals(in) && word.contains("signature")) {
      return SIGNATURE;
    }
    return TRANSPORTS.contains(word) || TRANSPORTS.contains(unprefixed) ? TRANSPORT : null;
  }
}
