package io.rest2grpc.shadow.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestParameter;
import io.rest2grpc.options.v1.RestSecurityScheme;
import io.rest2grpc.shadow.compare.PathPatterns;
import io.rest2grpc.shadow.compare.Mismatch;
import io.rest2grpc.transcoding.JsonPointer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What never leaves the proxy in a kept mismatch: the credentials headers ({@code Authorization}, {@code Cookie},
 * {@code Set-Cookie}, {@code Proxy-Authorization}), the API keys and secret parameters the contract's security
 * schemes and shared parameters declare (as headers or query parameters), and the JSON paths the operator names.
 */
public final class Redaction {
  static final String REDACTED = "(redacted)";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie", "set-cookie", "proxy-authorization");

  private final Set<String> headers;
  private final Set<String> queryParameters;
  private final PathPatterns bodyPaths;

  Redaction(Set<String> headers, Set<String> queryParameters, PathPatterns bodyPaths) {
    this.headers = Set.copyOf(headers);
    this.queryParameters = Set.copyOf(queryParameters);
    this.bodyPaths = bodyPaths;
  }

  /** The secrets the contract's files declare, and {@code bodyPaths} (JSON pointers, {@code *} for one segment). */
  public static Redaction of(Collection<FileDescriptor> files, List<String> bodyPaths) {
    Set<String> headers = new TreeSet<>(CREDENTIAL_HEADERS);
    Set<String> query = new TreeSet<>();
    for (FileDescriptor file : files) {
      RestFile options = file.getOptions().getExtension(OptionsProto.file);
      for (RestSecurityScheme scheme : options.getSecuritySchemesMap().values()) {
        if (scheme.getApiKeyIn().equals("header")) {
          headers.add(scheme.getApiKeyName().toLowerCase(Locale.ROOT));
        } else if (scheme.getApiKeyIn().equals("query")) {
          query.add(scheme.getApiKeyName());
        }
      }
      for (RestParameter parameter : options.getSharedParametersList()) {
        if (parameter.getSecret()) {
          headers.add(parameter.getName().toLowerCase(Locale.ROOT));
          query.add(parameter.getName());
        }
      }
    }
    return new Redaction(headers, query, PathPatterns.of(bodyPaths));
  }

  public boolean secretHeader(String name) {
    return headers.contains(name.toLowerCase(Locale.ROOT));
  }

  public String header(String name, String value) {
    return secretHeader(name) ? REDACTED : value;
  }

  /** {@code /v1/orders?api_key=(redacted)&limit=3} for {@code /v1/orders?api_key=s3cret&limit=3}. */
  public String target(String target) {
    int question = target.indexOf('?');
    if (question < 0 || queryParameters.isEmpty()) {
      return target;
    }
    String query = List.of(target.substring(question + 1).split("&")).stream().map(pair -> {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      return queryParameters.contains(name) && equals >= 0 ? pair.substring(0, equals + 1) + REDACTED : pair;
    }).collect(Collectors.joining("&"));
    return target.substring(0, question + 1) + query;
  }

  /** A JSON body with the values at the redacted paths replaced; any other text as it is. */
  public String body(String body) {
    if (bodyPaths.patterns().isEmpty() || body.isBlank()) {
      return body;
    }
    try {
      JsonNode tree = JSON.readTree(body);
      redact(tree, JsonPointer.parse(""));
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException notJson) {
      return body;
    }
  }

  /** A mismatch at a redacted path or of a secret header, its values replaced. */
  public Mismatch mismatch(Mismatch mismatch) {
    boolean secret = switch (mismatch.kind()) {
      case BODY -> bodyPaths.covers(mismatch.where());
      case HEADER -> secretHeader(mismatch.where());
      case STATUS -> false;
    };
    return secret ? new Mismatch(mismatch.kind(), mismatch.where(), REDACTED, REDACTED) : mismatch;
  }

  private void redact(JsonNode node, JsonPointer path) {
    if (node instanceof ObjectNode object) {
      object.fieldNames().forEachRemaining(name -> {
        JsonPointer child = path.child(name);
        if (bodyPaths.covers(child.toString())) {
          object.put(name, REDACTED);
        } else {
          redact(object.get(name), child);
        }
      });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonPointer child = path.child(Integer.toString(i));
        if (bodyPaths.covers(child.toString())) {
          array.set(i, JSON.getNodeFactory().textNode(REDACTED));
        } else {
          redact(array.get(i), child);
        }
      }
    }
  }
}
