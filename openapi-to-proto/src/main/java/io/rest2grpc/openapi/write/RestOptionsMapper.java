package io.rest2grpc.openapi.write;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.rest2grpc.openapi.Conversion;
import io.rest2grpc.openapi.proto.Encodings;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.report.Fact;
import io.rest2grpc.openapi.report.Report;
import io.rest2grpc.options.v1.RestEnum;
import io.rest2grpc.options.v1.RestEnumValue;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMessage;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestOneof;
import io.rest2grpc.options.v1.RestSecurityScheme;
import io.rest2grpc.options.v1.SecuritySchemeType;
import io.rest2grpc.options.v1.UnionKind;
import io.rest2grpc.options.v1.Wrapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@code rest2grpc.options.v1} option messages of a conversion's elements, for the printer and
 * the descriptor builder: services and RPCs carry theirs (the error body most errors share goes once
 * on the file option); files, messages, oneofs, fields and enums still take theirs from the report's
 * facts. Also prints option messages in the text form protoc reads inside {@code option (...) = {...}}.
 */
final class RestOptionsMapper {
  private static final TextFormat.Printer TEXT = TextFormat.printer().emittingSingleLine(true).escapingNonAscii(false);

  private final Conversion conversion;
  private final Report report;
  private RestErrorBody sharedErrorBody;

  RestOptionsMapper(Conversion conversion) {
    this.conversion = conversion;
    this.report = conversion.report();
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
    b.setInt64Encoding(Encodings.int64((String) f.get(Fact.INT64_JSON.key())));
    b.setEmission(Encodings.emission((String) f.get(Fact.EMISSION.key())));
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

  /** The method option of an RPC, without the error body the file option already gives. */
  RestMethod method(ProtoRpc rpc) {
    RestMethod option = rpc.options().option();
    if (option.getErrorsCount() == 0 || sharedErrorBody() == null) {
      return option;
    }
    RestMethod.Builder b = option.toBuilder().clearErrors();
    option.getErrorsList().forEach(e -> b.addErrors(e.getBody().equals(sharedErrorBody()) ? e.toBuilder().clearBody().build() : e));
    return b.build();
  }

  /**
   * The error body mapping most errors of the conversion share, written once on the file; null when
   * there are no errors. Of bodies shared equally often, the first in RPC name order.
   */
  private RestErrorBody sharedErrorBody() {
    if (sharedErrorBody == null) {
      Map<String, ProtoRpc> rpcs = new TreeMap<>();
      conversion.files().forEach(f -> f.services().forEach(s -> s.rpcs().forEach(r -> rpcs.put(s.name() + "." + r.name(), r))));
      Map<RestErrorBody, Integer> counts = new LinkedHashMap<>();
      rpcs.values().forEach(r -> r.options().errors().forEach(error -> counts.merge(error.getBody(), 1, Integer::sum)));
      sharedErrorBody = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
          .orElse(RestErrorBody.getDefaultInstance());
    }
    return sharedErrorBody.equals(RestErrorBody.getDefaultInstance()) ? null : sharedErrorBody;
  }

  /** The scheme fact's keys are RestSecurityScheme's field names, "type" the constant's suffix. */
  private static RestSecurityScheme securityScheme(Map<?, ?> scheme) {
    RestSecurityScheme.Builder b = RestSecurityScheme.newBuilder()
        .setType(SecuritySchemeType.valueOf("SECURITY_SCHEME_TYPE_" + scheme.get("type").toString().toUpperCase(Locale.ROOT)));
    if (scheme.get("scopes") instanceof Map<?, ?> scopes) {
      scopes.forEach((scope, description) -> b.putScopes(scope.toString(), description == null ? "" : description.toString()));
    }
    text(scheme, "http_scheme", b::setHttpScheme);
    text(scheme, "bearer_format", b::setBearerFormat);
    text(scheme, "api_key_in", b::setApiKeyIn);
    text(scheme, "api_key_name", b::setApiKeyName);
    text(scheme, "metadata_key", b::setMetadataKey);
    text(scheme, "openid_connect_url", b::setOpenidConnectUrl);
    text(scheme, "description", b::setDescription);
    b.setSecret(Boolean.TRUE.equals(scheme.get("secret")));
    list(scheme.get("oauth2_flows")).forEach(flow -> b.addOauth2Flows(flow.toString()));
    return b.build();
  }

  private static void text(Map<?, ?> values, String key, Consumer<String> setter) {
    if (values.get(key) instanceof String text) {
      setter.accept(text);
    }
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

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }
}
