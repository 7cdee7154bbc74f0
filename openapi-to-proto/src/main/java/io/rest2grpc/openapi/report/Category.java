package io.rest2grpc.openapi.report;

/**
 * Every kind of report row. The ones marked {@code httpRuleLimit} are REST shapes that
 * {@code google.api.HttpRule} cannot express: the converter emits the nearest legal form and keeps
 * the exact REST shape in the facts.
 */
public enum Category {
  SPEC_MESSAGE(false, "the spec parser reported a problem in the document"),
  OPERATION_REF_INLINED(false, "an operation given as a $ref (not valid OpenAPI) was read from the referenced file"),
  SCHEMA_RECOVERED(false, "an invalid schema construct was read the way its author meant it"),
  WEBHOOK_NOT_CONVERTED(false, "webhooks and callbacks are calls the service makes, not endpoints it serves"),
  NAME_COLLISION(false, "two things wanted the same proto name; one got a suffix"),
  STANDARD_METHOD_NAME(false, "an RPC got an AIP standard method name instead of its operationId"),

  PARTIAL_SEGMENT_VARIABLE(true, "a path variable shares its segment with literal text, e.g. /{Sid}.json"),
  TRAILING_SLASH(true, "the path ends with a slash"),
  QUERY_OR_FRAGMENT_IN_PATH(true, "the path key holds '?' or '#'"),
  ILLEGAL_PATH_LITERAL(true, "a literal path segment holds characters HttpRule does not allow"),
  DUPLICATE_TEMPLATE(true, "another operation already has the same method and path template"),
  UNDECLARED_PATH_PARAMETER(false, "the path has a variable that no parameter declares"),
  PATH_PARAMETER_NOT_IN_PATH(false, "a parameter declared 'in: path' is not in the path"),
  PATH_PARAMETER_NOT_SCALAR(true, "a path parameter is an array or object; it is carried as a string"),
  QUERY_STYLE(true, "a query parameter uses deepObject, CSV, pipe or space style"),
  QUERY_NAME_NOT_FIELD_PATH(true, "a query parameter's name is not a field path, e.g. filter[status] or $top"),
  QUERY_MESSAGE_REPEATED(true, "a query parameter is an array of objects, which HttpRule cannot bind"),
  HEADER_PARAMETER(false, "a header or cookie parameter became a request field"),
  SHARED_PARAMETER(false, "a credential, signature or transport parameter nearly every operation takes travels as gRPC metadata (RestFile.shared_parameters), not as request fields"),
  CONSTANT_PARAMETER(false, "a required parameter with one allowed value is recorded in RestMethod.constants, not as a request field"),
  LOCKED_PARAMETER_KEPT(false, "a parameter that would travel as metadata or a constant stays a request field because the lock has it as one"),
  FORM_BODY(true, "the request body is application/x-www-form-urlencoded"),
  MULTIPART_BODY(true, "the request body is multipart"),
  FILE_PART(false, "a file in a multipart body is a rest2grpc.multipart.v1.FilePart field, which keeps each upload's file name and media type"),
  RAW_BODY(true, "the request body is binary or text, carried as google.api.HttpBody"),
  MERGE_PATCH_MASK(false, "a PATCH takes a JSON merge patch: the request got a google.protobuf.FieldMask the transcoder fills from the patch's keys (AIP-134)"),
  BODY_ON_GET(true, "a GET operation declares a request body, which HttpRule cannot bind"),
  DELETE_WITH_BODY(false, "a DELETE operation declares a request body: it is bound (AIP-135 discourages it; grpc-gateway needs allow_delete_body)"),
  ARRAY_BODY(true, "the request body is a JSON array, bound to a repeated field"),
  MULTIPLE_SUCCESS_RESPONSES(false, "the operation documents several 2xx responses"),
  RAW_RESPONSE(true, "the response is not JSON and is carried as google.api.HttpBody"),
  STREAM_ALTERNATIVE(false, "a body is offered both as JSON and as a stream (usually chosen by a request flag); the RPC stays unary unless x-grpc-streaming says otherwise"),
  STREAM_MESSAGE_UNKNOWN(false, "a stream's messages have no schema and its examples match no one component schema: each is a google.protobuf.Struct until x-grpc-stream-message names one"),
  STREAM_MESSAGE_INFERRED(false, "a stream's messages have no schema, but every example item matches one component schema, and only it: that schema's message"),
  BIDI_STREAM_NO_HTTP_RULE(false, "a bidirectional stream has no google.api.http rule (AIP-127); its REST route is in the method option"),
  WRAPPED_RESPONSE(false, "a bare array or scalar response is wrapped and unwrapped by response_body"),
  ERROR_STATUS_BY_CLASS(false, "an error status without a row in the status table is mapped by its class (4xx FAILED_PRECONDITION, 5xx INTERNAL)"),
  NON_ERROR_RESPONSE(false, "a 1xx or 3xx response (e.g. 304 Not Modified) has no gRPC outcome"),
  UNREADABLE_RESPONSE_KEY(false, "a response key is not a status code, a class such as 4XX, or default"),
  UNCERTAIN_LIST(false, "list detection was not sure of the items or the paging style; review, and override with x-grpc-pagination"),
  TOTAL_SIZE_INT64(false, "total_size is int64, not AIP-158's int32, since REST totals can exceed 2^31"),
  OPAQUE_ERROR_BODY(false, "an error body has no recognisable message or reason member and travels whole beside the Status"),

  MIXED_TYPES(false, "a schema allows several JSON types, or is an array or map that contains itself, and became google.protobuf.Value"),
  PROPERTIES_WITH_ADDITIONAL(false, "an object has both properties and additionalProperties"),
  NULLABLE_COLLECTION(false, "a nullable array or map: proto cannot tell null from empty"),
  ALLOF_OVERRIDE(false, "allOf members declare the same property with different schemas"),
  ANYOF_MERGE_LOSSY(false, "anyOf members merged into one message declare a property with different types or values; the field keeps one declaration, so values only the other allows do not fit"),
  NESTED_COLLECTION_WRAPPED(false, "an array of arrays, a map of arrays or an array variant of a oneOf needs a wrapper message"),
  LOCKED_TYPE_RENAMED(false, "a locked field now holds another message or enum (the spec replaced its schema by another); it keeps its number, and a new message there is numbered from the old one's lock (LOCKED_NUMBERS_CONTINUED)"),
  LOCKED_NUMBERS_CONTINUED(false, "a new message holds a locked field in place of another message: its fields take the numbers the old message's lock gives their REST names"),
  DUPLICATE_TYPE_MERGED(false, "a message or enum had the shape of another (the same fields or wire values): both schemas use one type"),
  LOCKED_NAME_KEPT(false, "a schema the spec renamed or moved without changing its structure keeps the message or enum name the lock gave it"),
  LOCKED_ONEOF_CHANGED(false, "a locked field moved into, out of or between oneofs (the spec changed a oneOf/anyOf): its number stays, but a client setting two members now keeps only one"),
  BREAKING_CHANGE_ACCEPTED(false, "with --allow-breaking, a locked field whose REST type broke got a new proto name and number; the old ones are reserved"),
  REFINEMENT_HELD_BACK(false, "the spec made a locked field's REST type more precise (a format, an enum, a schema, typed items): it keeps its locked proto type, the options carry the format or allowed values; --adopt-refinements adopts the new type (new name and number)"),
  REFINEMENT_ADOPTED(false, "with --adopt-refinements, a locked field whose REST type became more precise got the new proto type under a new name and number; the old ones are reserved");

  private final boolean httpRuleLimit;
  private final String meaning;

  Category(boolean httpRuleLimit, String meaning) {
    this.httpRuleLimit = httpRuleLimit;
    this.meaning = meaning;
  }

  public boolean httpRuleLimit() {
    return httpRuleLimit;
  }

  public String meaning() {
    return meaning;
  }
}
