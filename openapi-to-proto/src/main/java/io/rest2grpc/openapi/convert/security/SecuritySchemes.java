package io.rest2grpc.openapi.convert.security;

import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.options.v1.RestSecurityRequirement;
import io.rest2grpc.options.v1.RestSecurityScheme;
import io.rest2grpc.options.v1.SecuritySchemeType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The spec's security schemes and requirements as options (module README, "Auth"): they describe
 * where each credential travels in gRPC metadata; enforcing them stays with the application's
 * security. {@code x-grpc-metadata-key} on a scheme sets the metadata key of a query or cookie
 * API key.
 */
public final class SecuritySchemes {
  static final String METADATA_KEY = "x-grpc-metadata-key";
  private static final Pattern KEY = Pattern.compile("[0-9a-z_.-]+");

  private final Map<String, RestSecurityScheme> schemes = new TreeMap<>();

  public SecuritySchemes(Components components, RefResolver refs) {
    if (components == null || components.getSecuritySchemes() == null) {
      return;
    }
    components.getSecuritySchemes().forEach((name, scheme) -> {
      if (scheme != null && scheme.getType() != null) {
        schemes.put(name, option(scheme, refs.componentLocation("securitySchemes", name)));
      }
    });
  }

  /** Scheme name → its option; empty when the spec declares none. */
  public Map<String, RestSecurityScheme> options() {
    return schemes;
  }

  /** The request headers that carry credentials of a scheme (API keys in headers), lower case. */
  public Set<String> apiKeyHeaders() {
    Set<String> headers = new HashSet<>();
    schemes.values().forEach(s -> {
      if (s.getApiKeyIn().equals("header")) {
        headers.add(s.getApiKeyName().toLowerCase(Locale.ROOT));
      }
    });
    return headers;
  }

  /** Requirements as OpenAPI writes them (scheme → scopes), in order; schemes the spec does not declare are kept by name. */
  public static List<RestSecurityRequirement> requirements(List<SecurityRequirement> requirements) {
    List<RestSecurityRequirement> out = new ArrayList<>();
    for (SecurityRequirement requirement : requirements) {
      if (requirement == null) {
        continue;
      }
      RestSecurityRequirement.Builder schemes = RestSecurityRequirement.newBuilder();
      requirement.forEach((scheme, scopes) -> schemes.addSchemesBuilder().setScheme(scheme).addAllScopes(scopes == null ? List.of() : scopes));
      out.add(schemes.build());
    }
    return out;
  }


  private static RestSecurityScheme option(SecurityScheme scheme, SourceLocation at) {
    RestSecurityScheme.Builder b = RestSecurityScheme.newBuilder();
    String metadataKey = "authorization";
    switch (scheme.getType()) {
      case HTTP -> {
        String http = scheme.getScheme() == null ? "" : scheme.getScheme().toLowerCase(Locale.ROOT);
        b.setType(http.equals("bearer") ? SecuritySchemeType.SECURITY_SCHEME_TYPE_HTTP_BEARER
            : http.equals("basic") ? SecuritySchemeType.SECURITY_SCHEME_TYPE_HTTP_BASIC : SecuritySchemeType.SECURITY_SCHEME_TYPE_HTTP_OTHER);
        b.setHttpScheme(http);
        if (scheme.getBearerFormat() != null) {
          b.setBearerFormat(scheme.getBearerFormat());
        }
      }
      case APIKEY -> {
        String in = scheme.getIn() == null ? "header" : scheme.getIn().toString();
        String name = scheme.getName() == null ? "" : scheme.getName();
        b.setType(SecuritySchemeType.SECURITY_SCHEME_TYPE_API_KEY).setApiKeyIn(in).setApiKeyName(name);
        metadataKey = apiKeyMetadataKey(scheme, in, name, at);
      }
      case OAUTH2 -> {
        Map<String, String> scopes = new TreeMap<>();
        b.setType(SecuritySchemeType.SECURITY_SCHEME_TYPE_OAUTH2).addAllOauth2Flows(flows(scheme.getFlows(), scopes)).putAllScopes(scopes);
      }
      case OPENIDCONNECT -> {
        b.setType(SecuritySchemeType.SECURITY_SCHEME_TYPE_OPENID_CONNECT);
        if (scheme.getOpenIdConnectUrl() != null) {
          b.setOpenidConnectUrl(scheme.getOpenIdConnectUrl());
        }
      }
      case MUTUALTLS -> {
        b.setType(SecuritySchemeType.SECURITY_SCHEME_TYPE_MUTUAL_TLS);
        metadataKey = null;
      }
    }
    if (metadataKey != null) {
      b.setMetadataKey(metadataKey).setSecret(true);
    }
    if (scheme.getDescription() != null) {
      b.setDescription(scheme.getDescription());
    }
    return b.build();
  }

  /** Header keys travel under their own name; query and cookie keys under x-grpc-metadata-key, else their name. */
  private static String apiKeyMetadataKey(SecurityScheme scheme, String in, String name, SourceLocation at) {
    Object configured = scheme.getExtensions() == null ? null : scheme.getExtensions().get(METADATA_KEY);
    if (configured == null || in.equals("header")) {
      return name.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-z_.-]", "-");
    }
    String key = configured.toString();
    if (!KEY.matcher(key).matches() || key.startsWith("grpc-")) {
      throw new ConversionException(at.child(METADATA_KEY), "'" + key + "' is not a usable gRPC metadata key",
          "write lower-case letters, digits, '-', '_' or '.', not starting with grpc-");
    }
    return key;
  }

  private static List<String> flows(OAuthFlows flows, Map<String, String> scopes) {
    List<String> names = new ArrayList<>();
    if (flows == null) {
      return names;
    }
    Map<String, OAuthFlow> byName = new LinkedHashMap<>();
    byName.put("implicit", flows.getImplicit());
    byName.put("password", flows.getPassword());
    byName.put("clientCredentials", flows.getClientCredentials());
    byName.put("authorizationCode", flows.getAuthorizationCode());
    byName.forEach((name, flow) -> {
      if (flow != null) {
        names.add(name);
        if (flow.getScopes() != null) {
          flow.getScopes().forEach((scope, description) -> scopes.putIfAbsent(scope, description == null ? "" : description));
        }
      }
    });
    return names;
  }
}
