package io.rest2grpc.openapi.report;

import java.util.Locale;

/**
 * The names under which the report's JSON shows what the options of the proto elements say
 * ({@code conversion.FactsView}): what proto3, proto3 JSON and HttpRule cannot carry. Most are fields of a
 * {@code rest2grpc.options.v1} option; {@link #key()} is the name in the JSON.
 */
public enum Fact {
  // file (element: the package); INT64_JSON and EMISSION also on fields
  INT64_JSON,
  EMISSION,
  REST_BASE_PATH,
  ERROR_DOMAIN,
  SECURITY_SCHEMES,
  SHARED_PARAMETERS,
  // service (element: package.Service): the spec's root security
  SERVICE_SECURITY,
  // method (element: package.Service.Rpc)
  SUCCESS_STATUS,
  SUCCESS_STATUSES,
  RESPONSE_HEADERS,
  REST_PATH,
  REST_PATH_FIELDS,
  REST_METHOD,
  METADATA_HEADERS,
  BODY_ENCODING,
  REQUEST_MEDIA_TYPE,
  REQUEST_MEDIA_TYPES,
  RESPONSE_MEDIA_TYPE,
  REQUEST_IS_BODY,
  ERRORS,
  PAGING,
  REQUEST_STREAM,
  RESPONSE_STREAM,
  SECURITY,
  NO_SECURITY,
  SHARED_PARAMETER_USES,
  CONSTANTS,
  MERGE_PATCH_MASK_FIELD,
  /** The method's x-timeout (on the package: the default), for the service config; no option carries it. */
  TIMEOUT,
  // message
  WRAPPER,
  // oneof (element: package.Message.oneof)
  UNION,
  DISCRIMINATOR,
  DISCRIMINATOR_VALUES,
  // field (element: package.Message.field); NULLABLE also on oneofs
  DEFAULT,
  NULLABLE,
  NULL_ELEMENTS,
  FORMAT,
  CONST,
  ALLOWED_VALUES,
  REST_NAME,
  REST_HEADER,
  REST_COOKIE,
  QUERY_STYLE,
  UNWRAPPED_MAP,
  PART_CONTENT_TYPE,
  // enum and enum value (element: package.VALUE_NAME, enum values share the package scope)
  REST_TYPE,
  REST_VALUE;

  private final String key = name().toLowerCase(Locale.ROOT);

  public String key() {
    return key;
  }
}
