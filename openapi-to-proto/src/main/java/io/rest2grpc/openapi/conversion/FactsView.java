package io.rest2grpc.openapi.conversion;

import com.google.protobuf.ProtocolMessageEnum;
import io.rest2grpc.openapi.proto.FieldOptions;
import io.rest2grpc.openapi.proto.FileOptions;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.proto.ProtoService;
import io.rest2grpc.openapi.proto.RpcOptions;
import io.rest2grpc.openapi.report.Fact;
import io.rest2grpc.options.v1.PageEnd;
import io.rest2grpc.options.v1.ParameterLocation;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.options.v1.RestSecurityRequirement;
import io.rest2grpc.options.v1.RestSecurityScheme;
import io.rest2grpc.options.v1.RestStream;
import io.rest2grpc.options.v1.UnionKind;
import io.rest2grpc.options.v1.Wrapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's "facts": what the options of the proto elements say, keyed by the fully qualified
 * element (the package for the file options), under the names of the option fields (enum constants by
 * their lower-case suffix), as the spec writes them. A view of the model, computed when the report is
 * written.
 */
public final class FactsView {
  private final Map<String, Map<String, Object>> facts = new TreeMap<>();

  private FactsView() {}

  /** Facts by element, in element order. */
  public static Map<String, Map<String, Object>> of(String packageName, FileOptions fileOptions, List<ProtoFile> files) {
    FactsView view = new FactsView();
    view.file(packageName, fileOptions);
    for (ProtoFile file : files) {
      for (ProtoMessage message : file.messages()) {
        view.message(packageName + "." + message.name(), message);
      }
      for (ProtoEnum protoEnum : file.enums()) {
        if (protoEnum.options().getIntegerValues()) {
          view.put(packageName + "." + protoEnum.name(), Fact.REST_TYPE, "integer");
        }
        for (ProtoEnum.Value value : protoEnum.values()) {
          if (value.restValue() != null) {
            view.putJson(packageName + "." + value.name(), Fact.REST_VALUE, value.restValue().value());
          }
        }
      }
      for (ProtoService service : file.services()) {
        String serviceElement = packageName + "." + service.name();
        if (service.options().getSecurityCount() > 0) {
          view.put(serviceElement, Fact.SERVICE_SECURITY, security(service.options().getSecurityList()));
        }
        for (ProtoRpc rpc : service.rpcs()) {
          view.rpc(serviceElement + "." + rpc.name(), rpc.options());
        }
      }
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(view.facts));
  }

  private void rpc(String element, RpcOptions o) {
    put(element, Fact.SUCCESS_STATUS, o.successStatus());
    put(element, Fact.SUCCESS_STATUSES, o.successStatuses());
    put(element, Fact.RESPONSE_HEADERS, o.responseHeaders());
    put(element, Fact.REST_METHOD, o.restMethod());
    put(element, Fact.REST_PATH, o.restPath());
    Map<String, String> renamed = new TreeMap<>();
    o.restPathFields().forEach((variable, field) -> {
      if (!variable.equals(field)) {
        renamed.put(variable, field);
      }
    });
    put(element, Fact.REST_PATH_FIELDS, renamed.isEmpty() ? null : renamed);
    put(element, Fact.METADATA_HEADERS, o.metadataHeaders());
    if (o.bodyEncoding() != null) {
      put(element, Fact.BODY_ENCODING, suffix(o.bodyEncoding()));
    }
    put(element, Fact.REQUEST_MEDIA_TYPE, o.requestMediaType());
    put(element, Fact.REQUEST_MEDIA_TYPES, o.requestMediaTypes());
    put(element, Fact.RESPONSE_MEDIA_TYPE, o.responseMediaType());
    if (o.requestIsBody()) {
      put(element, Fact.REQUEST_IS_BODY, true);
    }
    if (!o.errors().isEmpty()) {
      put(element, Fact.ERRORS, o.errors().stream().map(FactsView::error).toList());
    }
    if (o.paging() != null) {
      put(element, Fact.PAGING, paging(o.paging(), o.pagedOperation()));
    }
    if (o.requestStream() != null) {
      put(element, Fact.REQUEST_STREAM, stream(o.requestStream()));
    }
    if (o.responseStream() != null) {
      put(element, Fact.RESPONSE_STREAM, stream(o.responseStream()));
    }
    if (o.security() != null) {
      put(element, Fact.SECURITY, security(o.security()));
    }
    if (o.noSecurity()) {
      put(element, Fact.NO_SECURITY, true);
    }
    if (!o.sharedParameterUses().isEmpty()) {
      put(element, Fact.SHARED_PARAMETER_USES, o.sharedParameterUses().stream().map(use -> sorted(Map.of("metadata_key",
          use.getMetadataKey(), "in", use.getLocation() == ParameterLocation.PARAMETER_LOCATION_UNSPECIFIED ? "none" : suffix(use.getLocation()))))
          .toList());
    }
    if (!o.constants().isEmpty()) {
      put(element, Fact.CONSTANTS, o.constants().stream()
          .map(c -> sorted(Map.of("name", c.getName(), "in", suffix(c.getLocation()), "value", c.getValue()))).toList());
    }
    put(element, Fact.MERGE_PATCH_MASK_FIELD, o.mergePatchMaskField());
    put(element, Fact.TIMEOUT, o.timeout());
  }

  private void file(String element, FileOptions o) {
    put(element, Fact.INT64_JSON, o.int64Json());
    put(element, Fact.EMISSION, o.emission());
    put(element, Fact.TIMEOUT, o.timeout());
    put(element, Fact.ERROR_DOMAIN, o.errorDomain());
    put(element, Fact.REST_BASE_PATH, o.basePath());
    if (!o.securitySchemes().isEmpty()) {
      Map<String, Object> schemes = new TreeMap<>();
      o.securitySchemes().forEach((name, scheme) -> schemes.put(name, securityScheme(scheme)));
      put(element, Fact.SECURITY_SCHEMES, schemes);
    }
    if (!o.sharedParameters().isEmpty()) {
      put(element, Fact.SHARED_PARAMETERS, o.sharedParameters().stream().map(p -> sorted(Map.of("name", p.getName(), "in",
          suffix(p.getLocation()), "metadata_key", p.getMetadataKey(), "secret", p.getSecret()))).toList());
    }
  }

  /** Each type's members are always there (an HTTP scheme's http_scheme, an API key's place and name, OAuth2 flows and scopes). */
  private static Map<String, Object> securityScheme(RestSecurityScheme s) {
    Map<String, Object> scheme = new TreeMap<>();
    scheme.put("type", suffix(s.getType()));
    switch (s.getType()) {
      case SECURITY_SCHEME_TYPE_HTTP_BEARER, SECURITY_SCHEME_TYPE_HTTP_BASIC, SECURITY_SCHEME_TYPE_HTTP_OTHER -> {
        scheme.put("http_scheme", s.getHttpScheme());
        putText(scheme, "bearer_format", s.getBearerFormat());
      }
      case SECURITY_SCHEME_TYPE_API_KEY -> {
        scheme.put("api_key_in", s.getApiKeyIn());
        scheme.put("api_key_name", s.getApiKeyName());
      }
      case SECURITY_SCHEME_TYPE_OAUTH2 -> {
        scheme.put("oauth2_flows", s.getOauth2FlowsList());
        scheme.put("scopes", s.getScopesMap());
      }
      default -> putText(scheme, "openid_connect_url", s.getOpenidConnectUrl());
    }
    if (s.getSecret()) {
      scheme.put("metadata_key", s.getMetadataKey());
      scheme.put("secret", true);
    }
    putText(scheme, "description", s.getDescription());
    return scheme;
  }

  private void message(String element, ProtoMessage message) {
    Wrapper wrapper = message.options().getWrapper();
    if (wrapper != Wrapper.WRAPPER_UNSPECIFIED) {
      put(element, Fact.WRAPPER, suffix(wrapper));
    }
    message.oneofs().forEach((name, oneof) -> {
      String oneofElement = element + "." + name;
      if (oneof.kind() != UnionKind.UNION_KIND_UNSPECIFIED) {
        put(oneofElement, Fact.UNION, switch (oneof.kind()) {
          case UNION_KIND_ONE_OF -> "oneOf";
          case UNION_KIND_ANY_OF -> "anyOf";
          default -> "discriminator";
        });
      }
      put(oneofElement, Fact.DISCRIMINATOR, oneof.discriminator());
      put(oneofElement, Fact.DISCRIMINATOR_VALUES, oneof.discriminatorValues());
      if (oneof.nullable()) {
        put(oneofElement, Fact.NULLABLE, true);
      }
    });
    message.fields().forEach(field -> field(element + "." + field.name(), field.options()));
  }

  private void field(String element, FieldOptions o) {
    put(element, Fact.REST_NAME, o.restName());
    put(element, Fact.FORMAT, o.format());
    if (o.defaultValue() != null) {
      putJson(element, Fact.DEFAULT, o.defaultValue().value());
    }
    if (o.constValue() != null) {
      putJson(element, Fact.CONST, o.constValue().value());
    }
    put(element, Fact.ALLOWED_VALUES, o.allowedValues());
    if (o.nullable()) {
      put(element, Fact.NULLABLE, true);
    }
    if (o.nullElements()) {
      put(element, Fact.NULL_ELEMENTS, true);
    }
    if (o.unwrappedMap()) {
      put(element, Fact.UNWRAPPED_MAP, true);
    }
    put(element, Fact.REST_HEADER, o.header());
    put(element, Fact.REST_COOKIE, o.cookie());
    put(element, Fact.QUERY_STYLE, o.queryStyle());
    put(element, Fact.INT64_JSON, o.int64Json());
    put(element, Fact.EMISSION, o.emission());
    put(element, Fact.PART_CONTENT_TYPE, o.partContentType());
  }

  private void put(String element, Fact fact, Object value) {
    if (value != null) {
      putJson(element, fact, value);
    }
  }

  /** Puts a value that may be JSON null. */
  private void putJson(String element, Fact fact, Object value) {
    facts.computeIfAbsent(element, e -> new TreeMap<>()).put(fact.key(), value);
  }

  private static Map<String, Object> error(RestError e) {
    Map<String, Object> error = new TreeMap<>();
    error.put("status", e.getHttpStatus());
    if (e.getStatusClass()) {
      error.put("class", true);
    }
    error.put("code", e.getCode().name());
    if (e.getHeadersCount() > 0) {
      error.put("headers", e.getHeadersList());
    }
    RestErrorBody b = e.getBody();
    Map<String, Object> body = new TreeMap<>();
    body.put("style", suffix(b.getStyle()));
    putText(body, "media_type", b.getMediaType());
    putText(body, "message", b.getMessage());
    putText(body, "reason", b.getReason());
    putText(body, "http_status", b.getHttpStatus());
    putText(body, "field_violations", b.getFieldViolations());
    putText(body, "violation_field", b.getViolationField());
    putText(body, "violation_description", b.getViolationDescription());
    putText(body, "help_url", b.getHelpUrl());
    putText(body, "request_id", b.getRequestId());
    putText(body, "retry_delay", b.getRetryDelay());
    if (b.getConstantsCount() > 0) {
      Map<String, Object> constants = new TreeMap<>();
      b.getConstantsMap().forEach((pointer, value) -> constants.put(pointer, value.getBoolValue()));
      body.put("constants", constants);
    }
    error.put("body", body);
    return error;
  }

  private static Map<String, Object> paging(RestPaging p, String operation) {
    Map<String, Object> paging = new TreeMap<>();
    paging.put("operation", operation);
    paging.put("style", suffix(p.getStyle()));
    putText(paging, "size_parameter", p.getSizeParameter());
    putText(paging, "offset_parameter", p.getOffsetParameter());
    if (!p.getPageParameter().isEmpty()) {
      paging.put("page_parameter", p.getPageParameter());
      paging.put("first_page", p.getFirstPage());
    }
    putText(paging, "cursor_parameter", p.getCursorParameter());
    paging.put("items", p.getItems());
    putText(paging, "next_cursor", p.getNextCursor());
    putText(paging, "cursor_item_member", p.getCursorItemMember());
    putText(paging, "has_more", p.getHasMore());
    putText(paging, "total", p.getTotal());
    putText(paging, "total_header", p.getTotalHeader());
    putText(paging, "next_url", p.getNextUrl());
    if (p.getLinkHeader()) {
      paging.put("link_header", true);
    }
    if (p.getLinkRelationsCount() > 0) {
      paging.put("link_relations", p.getLinkRelationsList());
    }
    if (p.getPageEnd() != PageEnd.PAGE_END_UNSPECIFIED) {
      paging.put("page_end", suffix(p.getPageEnd()));
    }
    if (p.getDefaultPageSize() != 0) {
      paging.put("default_page_size", p.getDefaultPageSize());
    }
    if (p.getMaxPageSize() != 0) {
      paging.put("max_page_size", p.getMaxPageSize());
    }
    if (p.getMinPageSize() != 0) {
      paging.put("min_page_size", p.getMinPageSize());
    }
    paging.put("items_field", p.getItemsField());
    if (p.getUncertain()) {
      paging.put("uncertain", true);
    }
    return paging;
  }

  private static Map<String, Object> stream(RestStream s) {
    Map<String, Object> stream = new TreeMap<>();
    stream.put("framing", suffix(s.getFraming()));
    stream.put("media_type", s.getMediaType());
    if (s.getSseEventNamesCount() > 0) {
      stream.put("sse_event_names", s.getSseEventNamesList());
    }
    putText(stream, "sse_event_member", s.getSseEventMember());
    if (s.getSseIds()) {
      stream.put("sse_ids", true);
    }
    putText(stream, "sse_id_member", s.getSseIdMember());
    if (s.getSseRetryMs() != 0) {
      stream.put("sse_retry_ms", s.getSseRetryMs());
    }
    putText(stream, "resume_header", s.getResumeHeader());
    return stream;
  }

  /** Requirements as OpenAPI writes them: scheme name → scopes. */
  private static List<Map<String, List<String>>> security(List<RestSecurityRequirement> requirements) {
    return requirements.stream().map(r -> {
      Map<String, List<String>> schemes = new TreeMap<>();
      r.getSchemesList().forEach(use -> schemes.put(use.getScheme(), use.getScopesList()));
      return schemes;
    }).toList();
  }

  private static void putText(Map<String, Object> into, String key, String value) {
    if (!value.isEmpty()) {
      into.put(key, value);
    }
  }

  /** {@code ERROR_BODY_STYLE_ENVELOPE} → {@code envelope}: the constant without its enum's prefix, in lower case. */
  /** Members in name order, so the report is the same on every run. */
  private static Map<String, Object> sorted(Map<String, Object> members) {
    return new TreeMap<>(members);
  }

  private static String suffix(ProtocolMessageEnum constant) {
    String unspecified = constant.getDescriptorForType().getValues().get(0).getName();
    return constant.getValueDescriptor().getName().substring(unspecified.length() - "UNSPECIFIED".length()).toLowerCase(Locale.ROOT);
  }
}
