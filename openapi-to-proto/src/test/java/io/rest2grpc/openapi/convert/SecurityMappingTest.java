package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static io.rest2grpc.openapi.support.Specs.protoText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestSecurityRequirement;
import io.rest2grpc.options.v1.RestSecurityScheme;
import io.rest2grpc.options.v1.RestSecurityUse;
import io.rest2grpc.options.v1.SecuritySchemeType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Security schemes and requirements recorded in options, with their gRPC metadata keys (module README, "Auth"). */
class SecurityMappingTest {
  @TempDir Path dir;

  private static final String SPEC = """
      openapi: 3.1.0
      info: {title: Shop, version: 1.0.0}
      security: [{bearer: []}]
      paths:
        /orders:
          get:
            tags: [orders]
            operationId: listOrders
            parameters: [{name: X-API-Key, in: header, schema: {type: string}}]
            security: [{oauth: ['orders:read']}, {key: [], mtls: []}]
            responses: {'200': {description: ok}}
        /health:
          get:
            tags: [orders]
            operationId: getHealth
            security: []
            responses: {'200': {description: ok}}
      components:
        securitySchemes:
          bearer: {type: http, scheme: Bearer, bearerFormat: JWT}
          basic: {type: http, scheme: basic}
          digest: {type: http, scheme: digest}
          key: {type: apiKey, in: header, name: X-API-Key}
          queryKey: {type: apiKey, in: query, name: apiKey, x-grpc-metadata-key: x-query-api-key}
          cookieKey: {type: apiKey, in: cookie, name: JSESSIONID}
          oauth:
            type: oauth2
            flows:
              authorizationCode:
                authorizationUrl: https://auth.example.com/authorize
                tokenUrl: https://auth.example.com/token
                scopes: {'orders:read': Read orders.}
              clientCredentials:
                tokenUrl: https://auth.example.com/token
                scopes: {'orders:write': Write orders.}
          oidc: {type: openIdConnect, openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration'}
          mtls: {type: mutualTLS}
      """;

  @Test
  void schemesRequirementsAndMetadataKeysAreRecorded() {
    Conversion c = convert(dir, SPEC);
    assertThat(protoText(c)).as("the API key header travels as metadata, not as a field").doesNotContain("x_api_key");
    Map<String, FileDescriptor> files = assertCompilesAndLints(c, dir);
    FileDescriptor file = files.values().stream().filter(f -> !f.getServices().isEmpty()).findFirst().orElseThrow();

    RestFile rest = file.getOptions().getExtension(OptionsProto.file);
    Map<String, RestSecurityScheme> schemes = rest.getSecuritySchemesMap();
    assertThat(schemes.get("bearer")).isEqualTo(RestSecurityScheme.newBuilder().setType(SecuritySchemeType.SECURITY_SCHEME_TYPE_HTTP_BEARER)
        .setHttpScheme("bearer").setBearerFormat("JWT").setMetadataKey("authorization").setSecret(true).build());
    assertThat(schemes.get("basic").getType()).isEqualTo(SecuritySchemeType.SECURITY_SCHEME_TYPE_HTTP_BASIC);
    assertThat(schemes.get("digest").getType()).isEqualTo(SecuritySchemeType.SECURITY_SCHEME_TYPE_HTTP_OTHER);
    assertThat(schemes.get("key").getMetadataKey()).isEqualTo("x-api-key");
    assertThat(schemes.get("queryKey").getMetadataKey()).isEqualTo("x-query-api-key");
    assertThat(schemes.get("cookieKey").getMetadataKey()).isEqualTo("jsessionid");
    assertThat(schemes.get("cookieKey").getSecret()).isTrue();
    assertThat(schemes.get("oauth").getOauth2FlowsList()).containsExactly("clientCredentials", "authorizationCode");
    assertThat(schemes.get("oauth").getScopesMap()).containsOnlyKeys("orders:read", "orders:write");
    assertThat(schemes.get("oidc").getOpenidConnectUrl()).endsWith("/openid-configuration");
    assertThat(schemes.get("mtls").getType()).isEqualTo(SecuritySchemeType.SECURITY_SCHEME_TYPE_MUTUAL_TLS);
    assertThat(schemes.get("mtls").getMetadataKey()).as("the credential is the client certificate").isEmpty();

    ServiceDescriptor service = file.getServices().get(0);
    assertThat(service.getOptions().getExtension(OptionsProto.service).getSecurityList())
        .containsExactly(requirement("bearer"));
    MethodDescriptor list = service.findMethodByName("ListOrders");
    assertThat(list.getOptions().getExtension(OptionsProto.method).getSecurityList()).containsExactly(
        RestSecurityRequirement.newBuilder().addSchemes(RestSecurityUse.newBuilder().setScheme("oauth").addScopes("orders:read")).build(),
        requirement("key", "mtls"));
    assertThat(list.getOptions().getExtension(OptionsProto.method).getMetadataHeadersList()).containsExactly("X-API-Key");
    assertThat(service.findMethodByName("GetHealth").getOptions().getExtension(OptionsProto.method).getNoSecurity()).isTrue();
  }

  @Test
  void aConfiguredMetadataKeyMustBeUsable() {
    assertThatThrownBy(() -> convert(dir, SPEC.replace("x-grpc-metadata-key: x-query-api-key", "x-grpc-metadata-key: 'Query Key'")))
        .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.describe()).isEqualTo(
            "openapi.yaml#/components/securitySchemes/queryKey/x-grpc-metadata-key (line 24, column 55): 'Query Key' is not a usable gRPC metadata key"
                + "\n  hint: write lower-case letters, digits, '-', '_' or '.', not starting with grpc-"));
  }

  private static RestSecurityRequirement requirement(String... schemes) {
    RestSecurityRequirement.Builder b = RestSecurityRequirement.newBuilder();
    for (String scheme : schemes) {
      b.addSchemes(RestSecurityUse.newBuilder().setScheme(scheme));
    }
    return b.build();
  }
}
