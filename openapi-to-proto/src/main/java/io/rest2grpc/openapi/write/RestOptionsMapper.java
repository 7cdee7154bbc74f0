package io.rest2grpc.openapi.write;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.TextFormat;
import com.google.protobuf.Value;
import com.google.rpc.Code;
import io.rest2grpc.openapi.report.Fact;
import io.rest2grpc.openapi.report.Report;
import io.rest2grpc.options.v1.BodyEncoding;
import io.rest2grpc.options.v1.Emission;
import io.rest2grpc.options.v1.ErrorBodyStyle;
import io.rest2grpc.options.v1.Format;
import io.rest2grpc.options.v1.Int64Encoding;
import io.rest2grpc.options.v1.PagingStyle;
import io.rest2grpc.options.v1.QueryStyle;
import io.rest2grpc.options.v1.RestEnum;
import io.rest2grpc.options.v1.RestEnumValue;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.options.v1.RestField;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMessage;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestOneof;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.options.v1.RestSecurityRequirement;
import io.rest2grpc.options.v1.RestSecurityScheme;
import io.rest2grpc.options.v1.RestService;
import io.rest2grpc.options.v1.RestStream;
import io.rest2grpc.options.v1.SecuritySchemeType;
import io.rest2grpc.options.v1.StreamFraming;
import io.rest2grpc.options.v1.UnionKind;
import io.rest2grpc.options.v1.Wrapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the report's REST facts about one proto element into its {@code rest2grpc.options.v1}
 * option message, and prints option messages in the text form protoc reads inside
 * {@code option (...) = {...}}. This is the one place where facts meet the options file.
 */
final class RestOptionsMapper {
  private static final TextFormat.Printer TEXT = TextFormat.printer().emittingSingleLine(true).escapingNonAscii(false);

  private final Report report;
  private RestErrorBody sharedErrorBody;

  RestOptionsMapper(Report report) {
    this.report = report;
  }

  /** The text between the braces of {@code option (...) = {…}}; empty for a default message. */
  static String text(Message options) {
    return TEXT.printToString(options).trim();
  }

  private Map<String, Object> facts(String element) {
    return report.facts().getOrDefault(element, Map.of());
  }

  RestFile file(String pkg, String spec) {
    Map<String, Object> f = facts(pkg);
    RestFile.Builder b = RestFile.newBuilder().setSpec(spec);
    if (f.get(Fact.REST_BASE_PATH.key()) instanceof String basePath) {
      b.setBasePath(basePath);
    }
    b.setInt64Encoding(int64(f.get(Fact.INT64_JSON.key())));
    b.setEmission(emission(f.get(Fact.EMISSION.key())));
    if (f.get(Fact.ERROR_DOMAIN.key()) instanceof String domain) {
      b.setErrorDomain(domain);
    }
    if (sharedErrorBody() != null) {
      b.setErrorBody(sharedErrorBody());
    }
    if (f.get(Fact.SECURITY_SCHEMES.key()) instanceof Map<?, ?> schemes) {
      schemes.forEach((name, scheme) -> b.putSecuritySchemes(name.toString(), securityScheme((Map<?, ?>) scheme)));
    }
    return b.build();
  }

  RestService service(String element) {
    RestService.Builder b = RestService.newBuilder();
    list(facts(element).get(Fact.SERVICE_SECURITY.key())).forEach(r -> b.addSecurity(requirement((Map<?, ?>) r)));
    return b.build();
  }

  RestMethod method(String element) {
    Map<String, Object> f = facts(element);
    RestMethod.Builder b = RestMethod.newBuilder();
    Integer status = status(f.get(Fact.SUCCESS_STATUS.key()));
    if (status != null && status != 200) {
      b.setSuccessStatus(status);
    }
    for (Object s : list(f.get(Fact.SUCCESS_STATUSES.key()))) {
      Integer code = status(s);
      if (code != null) {
        b.addSuccessStatuses(code);
      }
    }
    list(f.get(Fact.RESPONSE_HEADERS.key())).forEach(h -> b.addResponseHeaders(h.toString()));
    list(f.get(Fact.METADATA_HEADERS.key())).forEach(h -> b.addMetadataHeaders(h.toString()));
    list(f.get(Fact.REQUEST_MEDIA_TYPES.key())).forEach(m -> b.addRequestMediaTypes(m.toString()));
    if (f.get(Fact.REST_PATH.key()) instanceof String path) {
      b.setRestPath(path);
    }
    if (f.get(Fact.REST_METHOD.key()) instanceof String method) {
      b.setRestMethod(method);
    }
    if (f.get(Fact.REQUEST_MEDIA_TYPE.key()) instanceof String media) {
      b.setRequestMediaType(media).setBodyEncoding(BodyEncoding.BODY_ENCODING_RAW);
    }
    if (f.get(Fact.RESPONSE_MEDIA_TYPE.key()) instanceof String media) {
      b.setResponseMediaType(media);
    }
    Object encoding = f.get(Fact.BODY_ENCODING.key());
    if ("form".equals(encoding)) {
      b.setBodyEncoding(BodyEncoding.BODY_ENCODING_FORM);
    } else if ("multipart".equals(encoding)) {
      b.setBodyEncoding(BodyEncoding.BODY_ENCODING_MULTIPART);
    }
    if (Boolean.TRUE.equals(f.get(Fact.REQUEST_IS_BODY.key()))) {
      b.setRequestIsBody(true);
    }
    if (f.get(Fact.PAGING.key()) instanceof Map<?, ?> paging) {
      b.setPaging(paging(paging));
    }
    if (f.get(Fact.REQUEST_STREAM.key()) instanceof Map<?, ?> stream) {
      b.setRequestStream(stream(stream));
    }
    if (f.get(Fact.RESPONSE_STREAM.key()) instanceof Map<?, ?> stream) {
      b.setResponseStream(stream(stream));
    }
    list(f.get(Fact.SECURITY.key())).forEach(r -> b.addSecurity(requirement((Map<?, ?>) r)));
    if (Boolean.TRUE.equals(f.get(Fact.NO_SECURITY.key()))) {
      b.setNoSecurity(true);
    }
    for (Object error : list(f.get(Fact.ERRORS.key()))) {
      RestError e = error((Map<?, ?>) error);
      b.addErrors(e.getBody().equals(sharedErrorBody()) ? e.toBuilder().clearBody().build() : e);
    }
    return b.build();
  }

  /** The error body mapping most errors of the conversion share, written once on the file; null when there are no errors. */
  private RestErrorBody sharedErrorBody() {
    if (sharedErrorBody == null) {
      Map<RestErrorBody, Integer> counts = new LinkedHashMap<>();
      report.facts().values().forEach(f -> list(f.get(Fact.ERRORS.key()))
          .forEach(error -> counts.merge(error((Map<?, ?>) error).getBody(), 1, Integer::sum)));
      sharedErrorBody = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
          .orElse(RestErrorBody.getDefaultInstance());
    }
    return sharedErrorBody.equals(RestErrorBody.getDefaultInstance()) ? null : sharedErrorBody;
  }

  /** The paging fact's keys are RestPaging's field names; "operation" is for the report's readers only. */
  private static RestPaging paging(Map<?, ?> paging) {
    RestPaging.Builder b = RestPaging.newBuilder()
        .setStyle(PagingStyle.valueOf("PAGING_STYLE_" + paging.get("style").toString().toUpperCase(Locale.ROOT)));
    return fill(b, paging).build();
  }

  /** The stream fact's keys are RestStream's field names, "framing" the constant's suffix. */
  private static RestStream stream(Map<?, ?> stream) {
    RestStream.Builder b = RestStream.newBuilder()
        .setFraming(StreamFraming.valueOf("STREAM_FRAMING_" + stream.get("framing").toString().toUpperCase(Locale.ROOT)));
    return fill(b, stream).build();
  }

  /** The scheme fact's keys are RestSecurityScheme's field names, "type" the constant's suffix. */
  private static RestSecurityScheme securityScheme(Map<?, ?> scheme) {
    RestSecurityScheme.Builder b = RestSecurityScheme.newBuilder()
        .setType(SecuritySchemeType.valueOf("SECURITY_SCHEME_TYPE_" + scheme.get("type").toString().toUpperCase(Locale.ROOT)));
    if (scheme.get("scopes") instanceof Map<?, ?> scopes) {
      scopes.forEach((scope, description) -> b.putScopes(scope.toString(), description == null ? "" : description.toString()));
    }
    return fill(b, scheme).build();
  }

  /** A security requirement as OpenAPI writes it: scheme name → scopes. */
  private static RestSecurityRequirement requirement(Map<?, ?> requirement) {
    RestSecurityRequirement.Builder b = RestSecurityRequirement.newBuilder();
    requirement.forEach((scheme, scopes) -> b.addSchemesBuilder().setScheme(scheme.toString())
        .addAllScopes(list(scopes).stream().map(Object::toString).toList()));
    return b.build();
  }

  /** Sets the string, int, bool and repeated string fields of an option message from a fact map keyed by field name. */
  private static <B extends Message.Builder> B fill(B b, Map<?, ?> values) {
    for (FieldDescriptor field : b.getDescriptorForType().getFields()) {
      Object value = values.get(field.getName());
      if (field.isMapField() || value == null) {
        continue;
      }
      if (field.isRepeated()) {
        if (field.getJavaType() == FieldDescriptor.JavaType.STRING) {
          list(value).forEach(item -> b.addRepeatedField(field, item.toString()));
        }
        continue;
      }
      switch (field.getJavaType()) {
        case STRING -> {
          if (value instanceof String text) {
            b.setField(field, text);
          }
        }
        case INT -> {
          if (value instanceof Number number) {
            b.setField(field, number.intValue());
          }
        }
        case BOOLEAN -> {
          if (value instanceof Boolean flag) {
            b.setField(field, flag);
          }
        }
        default -> { }
      }
    }
    return b;
  }

  private static RestError error(Map<?, ?> error) {
    RestError.Builder b = RestError.newBuilder()
        .setHttpStatus(((Number) error.get("status")).intValue())
        .setStatusClass(Boolean.TRUE.equals(error.get("class")))
        .setCode(Code.valueOf((String) error.get("code")));
    list(error.get("headers")).forEach(h -> b.addHeaders(h.toString()));
    Map<?, ?> body = (Map<?, ?>) error.get("body");
    RestErrorBody.Builder eb = b.getBodyBuilder().setStyle(ErrorBodyStyle.valueOf("ERROR_BODY_STYLE_" + body.get("style").toString().toUpperCase(Locale.ROOT)));
    fill(eb, body);
    if (body.get("constants") instanceof Map<?, ?> constants) {
      constants.forEach((pointer, value) -> eb.putConstants(pointer.toString(), value(value)));
    }
    return b.build();
  }

  RestMessage message(String element) {
    Object wrapper = facts(element).get(Fact.WRAPPER.key());
    RestMessage.Builder b = RestMessage.newBuilder();
    if ("array".equals(wrapper)) {
      b.setWrapper(Wrapper.WRAPPER_ARRAY);
    } else if ("map".equals(wrapper)) {
      b.setWrapper(Wrapper.WRAPPER_MAP);
    }
    return b.build();
  }

  RestOneof oneof(String element) {
    Map<String, Object> f = facts(element);
    RestOneof.Builder b = RestOneof.newBuilder();
    Object union = f.get(Fact.UNION.key());
    if ("oneOf".equals(union)) {
      b.setKind(UnionKind.UNION_KIND_ONE_OF);
    } else if ("anyOf".equals(union)) {
      b.setKind(UnionKind.UNION_KIND_ANY_OF);
    } else if ("discriminator".equals(union)) {
      b.setKind(UnionKind.UNION_KIND_SUBTYPES);
    }
    if (f.get(Fact.DISCRIMINATOR.key()) instanceof String property) {
      b.setDiscriminator(property);
    }
    if (f.get(Fact.DISCRIMINATOR_VALUES.key()) instanceof Map<?, ?> values) {
      values.forEach((wire, field) -> b.putDiscriminatorValues(wire.toString(), field.toString()));
    }
    if (Boolean.TRUE.equals(f.get(Fact.NULLABLE.key()))) {
      b.setNullable(true);
    }
    return b.build();
  }

  RestField field(String element) {
    Map<String, Object> f = facts(element);
    RestField.Builder b = RestField.newBuilder();
    if (f.get(Fact.REST_NAME.key()) instanceof String name) {
      b.setRestName(name);
    }
    if (f.get(Fact.FORMAT.key()) instanceof String format) {
      b.setFormat(format(format)).setFormatName(format);
    }
    if (f.containsKey(Fact.DEFAULT.key())) {
      b.setDefaultValue(value(f.get(Fact.DEFAULT.key())));
    }
    if (f.containsKey(Fact.CONST.key())) {
      b.setConstValue(value(f.get(Fact.CONST.key())));
    }
    list(f.get(Fact.ALLOWED_VALUES.key())).forEach(v -> b.addAllowedValues(value(v)));
    b.setNullable(Boolean.TRUE.equals(f.get(Fact.NULLABLE.key())));
    b.setNullElements(Boolean.TRUE.equals(f.get(Fact.NULL_ELEMENTS.key())));
    b.setUnwrappedMap(Boolean.TRUE.equals(f.get(Fact.UNWRAPPED_MAP.key())));
    if (f.get(Fact.REST_HEADER.key()) instanceof String header) {
      b.setHeader(header);
    }
    if (f.get(Fact.REST_COOKIE.key()) instanceof String cookie) {
      b.setCookie(cookie);
    }
    if (f.get(Fact.QUERY_STYLE.key()) instanceof String style) {
      b.setQueryStyle(queryStyle(style));
    }
    b.setInt64Encoding(int64(f.get(Fact.INT64_JSON.key())));
    b.setEmission(emission(f.get(Fact.EMISSION.key())));
    return b.build();
  }

  RestEnum enumType(String element) {
    return RestEnum.newBuilder().setIntegerValues("integer".equals(facts(element).get(Fact.REST_TYPE.key()))).build();
  }

  RestEnumValue enumValue(String element) {
    Object value = facts(element).get(Fact.REST_VALUE.key());
    if (value == null) {
      return RestEnumValue.getDefaultInstance();
    }
    if (value instanceof Number n && new BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0) {
      return RestEnumValue.newBuilder().setIntegerValue(new BigDecimal(n.toString()).longValueExact()).build();
    }
    return RestEnumValue.newBuilder().setStringValue(value.toString()).build();
  }

  private static Int64Encoding int64(Object encoding) {
    return "number".equals(encoding) ? Int64Encoding.INT64_ENCODING_NUMBER
        : "string".equals(encoding) ? Int64Encoding.INT64_ENCODING_STRING
        : Int64Encoding.INT64_ENCODING_UNSPECIFIED;
  }

  /** An Emission constant name ("EMISSION_NON_NULL"); anything else is no override. */
  private static Emission emission(Object name) {
    if (name == null) {
      return Emission.EMISSION_UNSPECIFIED;
    }
    try {
      return Emission.valueOf(name.toString());
    } catch (IllegalArgumentException e) {
      return Emission.EMISSION_UNSPECIFIED;
    }
  }

  private static Format format(String format) {
    return switch (format) {
      case "date" -> Format.FORMAT_DATE;
      case "time" -> Format.FORMAT_TIME;
      case "date-time" -> Format.FORMAT_DATE_TIME;
      case "duration" -> Format.FORMAT_DURATION;
      default -> Format.FORMAT_OTHER;
    };
  }

  private static QueryStyle queryStyle(String style) {
    return switch (style) {
      case "deepObject" -> QueryStyle.QUERY_STYLE_DEEP_OBJECT;
      case "pipeDelimited" -> QueryStyle.QUERY_STYLE_PIPE;
      case "spaceDelimited" -> QueryStyle.QUERY_STYLE_SPACE;
      case "comma-separated" -> QueryStyle.QUERY_STYLE_COMMA;
      default -> QueryStyle.QUERY_STYLE_EXPLODED_OBJECT;
    };
  }

  private static Integer status(Object code) {
    if (code == null) {
      return null;
    }
    try {
      return Integer.parseInt(code.toString());
    } catch (NumberFormatException e) {
      return null; // "2XX", "default"
    }
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  /** A JSON value from the spec (as swagger-parser or Jackson hold it) as a google.protobuf.Value. */
  static Value value(Object v) {
    if (v == null) {
      return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    }
    if (v instanceof Boolean bool) {
      return Value.newBuilder().setBoolValue(bool).build();
    }
    if (v instanceof Number n) {
      return Value.newBuilder().setNumberValue(n.doubleValue()).build();
    }
    if (v instanceof Map<?, ?> map) {
      Struct.Builder struct = Struct.newBuilder();
      map.forEach((k, item) -> struct.putFields(k.toString(), value(item)));
      return Value.newBuilder().setStructValue(struct).build();
    }
    if (v instanceof List<?> items) {
      ListValue.Builder list = ListValue.newBuilder();
      items.forEach(item -> list.addValues(value(item)));
      return Value.newBuilder().setListValue(list).build();
    }
    return Value.newBuilder().setStringValue(v.toString()).build();
  }
}
