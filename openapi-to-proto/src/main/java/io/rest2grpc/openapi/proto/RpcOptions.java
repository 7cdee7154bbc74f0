package io.rest2grpc.openapi.proto;

import io.rest2grpc.options.v1.BodyEncoding;
import io.rest2grpc.options.v1.RestConstant;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.options.v1.RestParameterUse;
import io.rest2grpc.options.v1.RestSecurityRequirement;
import io.rest2grpc.options.v1.RestStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an RPC's REST operation says that proto3 and HttpRule cannot carry, as found in the spec: the
 * fields of its {@code rest2grpc.options.v1.RestMethod} option ({@link #option()}), kept as the spec
 * writes them where the option is narrower (a success status such as {@code 2XX}), the operation a
 * list pages ({@code GET /pets}), the {@code x-timeout} the service config carries, and the
 * operationId. Absent values are null, empty or false.
 */
public record RpcOptions(
    String successStatus,
    List<String> successStatuses,
    List<String> responseHeaders,
    String restMethod,
    String restPath,
    Map<String, String> restPathFields,
    List<String> metadataHeaders,
    BodyEncoding bodyEncoding,
    String requestMediaType,
    List<String> requestMediaTypes,
    String responseMediaType,
    boolean requestIsBody,
    List<RestError> errors,
    RestPaging paging,
    String pagedOperation,
    RestStream requestStream,
    RestStream responseStream,
    List<RestSecurityRequirement> security,
    boolean noSecurity,
    String timeout,
    String operationId,
    List<RestParameterUse> sharedParameterUses,
    List<RestConstant> constants,
    String mergePatchMaskField,
    String restBody) {

  public static final RpcOptions NONE = builder().build();

  public RpcOptions {
    successStatuses = copy(successStatuses);
    responseHeaders = copy(responseHeaders);
    metadataHeaders = copy(metadataHeaders);
    requestMediaTypes = copy(requestMediaTypes);
    errors = List.copyOf(errors);
    security = copy(security);
    sharedParameterUses = List.copyOf(sharedParameterUses);
    constants = List.copyOf(constants);
    restPathFields = Map.copyOf(restPathFields);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? null : List.copyOf(list);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The method option: the success status as a number (200 is the default and left out), the body encoding raw for a raw body. */
  public RestMethod option() {
    RestMethod.Builder b = RestMethod.newBuilder();
    Integer status = status(successStatus);
    if (status != null && status != 200) {
      b.setSuccessStatus(status);
    }
    if (successStatuses != null) {
      successStatuses.stream().map(RpcOptions::status).filter(s -> s != null).forEach(b::addSuccessStatuses);
    }
    if (responseHeaders != null) {
      b.addAllResponseHeaders(responseHeaders);
    }
    if (metadataHeaders != null) {
      b.addAllMetadataHeaders(metadataHeaders);
    }
    if (requestMediaTypes != null) {
      b.addAllRequestMediaTypes(requestMediaTypes);
    }
    if (restPath != null) {
      b.setRestPath(restPath);
    }
    restPathFields.forEach((variable, field) -> {
      if (!variable.equals(field)) {
        b.putRestPathFields(variable, field);
      }
    });
    if (restMethod != null) {
      b.setRestMethod(restMethod);
    }
    if (requestMediaType != null) {
      b.setRequestMediaType(requestMediaType).setBodyEncoding(BodyEncoding.BODY_ENCODING_RAW);
    }
    if (responseMediaType != null) {
      b.setResponseMediaType(responseMediaType);
    }
    if (bodyEncoding != null) {
      b.setBodyEncoding(bodyEncoding);
    }
    b.setRequestIsBody(requestIsBody);
    if (paging != null) {
      b.setPaging(paging);
    }
    if (requestStream != null) {
      b.setRequestStream(requestStream);
    }
    if (responseStream != null) {
      b.setResponseStream(responseStream);
    }
    if (security != null) {
      b.addAllSecurity(security);
    }
    b.setNoSecurity(noSecurity);
    b.addAllErrors(errors);
    if (operationId != null) {
      b.setOperationId(operationId);
    }
    b.addAllSharedParameterUses(sharedParameterUses).addAllConstants(constants);
    if (restBody != null) {
      b.setRestBody(restBody);
    }
    if (mergePatchMaskField != null) {
      b.setMergePatchMaskField(mergePatchMaskField);
    }
    return b.build();
  }

  /** A status code; null for a class such as {@code 2XX} or {@code default}. */
  private static Integer status(String code) {
    if (code == null) {
      return null;
    }
    try {
      return Integer.parseInt(code);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Collects an RPC's options while its request, response, rule and errors are converted. */
  public static final class Builder {
    private String successStatus;
    private List<String> successStatuses;
    private List<String> responseHeaders;
    private String restMethod;
    private String restPath;
    private Map<String, String> restPathFields = Map.of();
    private List<String> metadataHeaders;
    private BodyEncoding bodyEncoding;
    private String requestMediaType;
    private List<String> requestMediaTypes;
    private String responseMediaType;
    private boolean requestIsBody;
    private final List<RestError> errors = new ArrayList<>();
    private RestPaging paging;
    private String pagedOperation;
    private RestStream requestStream;
    private RestStream responseStream;
    private List<RestSecurityRequirement> security;
    private boolean noSecurity;
    private String timeout;
    private String operationId;
    private List<RestParameterUse> sharedParameterUses = List.of();
    private List<RestConstant> constants = List.of();
    private String mergePatchMaskField;
    private String restBody;

    private Builder() {}

    public Builder successStatus(String code) {
      this.successStatus = code;
      return this;
    }

    public Builder successStatuses(List<String> codes) {
      this.successStatuses = codes;
      return this;
    }

    public Builder responseHeaders(List<String> names) {
      this.responseHeaders = names;
      return this;
    }

    public Builder restMethod(String method) {
      this.restMethod = method;
      return this;
    }

    public Builder restPath(String path) {
      this.restPath = path;
      return this;
    }

    /** The request field each variable of the rest path fills, by the variable's name as the path writes it. */
    public Builder restPathFields(Map<String, String> fields) {
      this.restPathFields = fields;
      return this;
    }

    public Builder metadataHeaders(List<String> names) {
      this.metadataHeaders = names;
      return this;
    }

    public Builder bodyEncoding(BodyEncoding encoding) {
      this.bodyEncoding = encoding;
      return this;
    }

    public Builder requestMediaType(String mediaType) {
      this.requestMediaType = mediaType;
      return this;
    }

    public Builder requestMediaTypes(List<String> mediaTypes) {
      this.requestMediaTypes = mediaTypes;
      return this;
    }

    public Builder responseMediaType(String mediaType) {
      this.responseMediaType = mediaType;
      return this;
    }

    public Builder requestIsBody() {
      this.requestIsBody = true;
      return this;
    }

    public Builder errors(List<RestError> errors) {
      this.errors.addAll(errors);
      return this;
    }

    public Builder paging(RestPaging paging, String operation) {
      this.paging = paging;
      this.pagedOperation = operation;
      return this;
    }

    public Builder requestStream(RestStream stream) {
      this.requestStream = stream;
      return this;
    }

    public Builder responseStream(RestStream stream) {
      this.responseStream = stream;
      return this;
    }

    public Builder security(List<RestSecurityRequirement> requirements) {
      this.security = requirements;
      return this;
    }

    public Builder noSecurity() {
      this.noSecurity = true;
      return this;
    }

    public Builder timeout(String duration) {
      this.timeout = duration;
      return this;
    }

    public Builder operationId(String id) {
      this.operationId = id;
      return this;
    }

    public Builder sharedParameterUses(List<RestParameterUse> uses) {
      this.sharedParameterUses = uses;
      return this;
    }

    public Builder constants(List<RestConstant> constants) {
      this.constants = constants;
      return this;
    }

    /** The request's FieldMask field a JSON merge patch fills (AIP-134). */
    /** The request field the REST body fills where the route has no HttpRule body: a rest_path-only route, a GET with a body. */
    public Builder restBody(String field) {
      this.restBody = field;
      return this;
    }

    public Builder mergePatchMaskField(String field) {
      this.mergePatchMaskField = field;
      return this;
    }

    public RpcOptions build() {
      return new RpcOptions(successStatus, successStatuses, responseHeaders, restMethod, restPath, restPathFields, metadataHeaders,
          bodyEncoding,
          requestMediaType, requestMediaTypes, responseMediaType, requestIsBody, errors, paging, pagedOperation, requestStream,
          responseStream, security, noSecurity, timeout, operationId, sharedParameterUses, constants, mergePatchMaskField,
          restBody);
    }
  }
}
