package io.rest2grpc.openapi.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.transcoding.JsonPointer;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Follows {@code $ref}s, as written, to the object they name and the place it is written: local
 * component references through the parsed model, everything else (other files, pointers into
 * paths) by reading the referenced file's tree and deserializing the fragment with swagger-parser.
 * Chains of references are followed to the end; a cycle of pure references is an error.
 */
public final class RefResolver {
  private static final int MAX_CHAIN = 64;

  private final DocumentLoader loader;
  private final Spec spec;
  private final Path entry;
  private final OpenAPIDeserializer deserializer = new OpenAPIDeserializer();
  private final Map<String, Object> fragments = new HashMap<>();
  /** By kind, then name: every local $ref asks for its component's location. */
  private final Map<String, Map<String, SourceLocation>> componentLocations = new HashMap<>();

  public RefResolver(DocumentLoader loader, Spec spec, Path entry) {
    this.loader = loader;
    this.spec = spec;
    this.entry = entry.toAbsolutePath().normalize();
  }

  public Located<Schema> schema(Schema<?> schema, SourceLocation at) {
    return follow(schema, at, Schema::get$ref, "schemas", Components::getSchemas,
        (node, loc, result) -> spec.version() == SpecVersion.OPENAPI_3_1
            ? deserializer.getJsonSchema(node, loc, result) : deserializer.getSchema(node, loc, result));
  }

  public Located<Parameter> parameter(Parameter parameter, SourceLocation at) {
    return follow(parameter, at, Parameter::get$ref, "parameters", Components::getParameters,
        (node, loc, result) -> deserializer.getParameter((ObjectNode) node, loc, result));
  }

  public Located<RequestBody> requestBody(RequestBody body, SourceLocation at) {
    return follow(body, at, RequestBody::get$ref, "requestBodies", Components::getRequestBodies,
        (node, loc, result) -> deserializer.getRequestBody((ObjectNode) node, loc, result));
  }

  public Located<ApiResponse> response(ApiResponse response, SourceLocation at) {
    return follow(response, at, ApiResponse::get$ref, "responses", Components::getResponses,
        (node, loc, result) -> deserializer.getResponse((ObjectNode) node, loc, result));
  }

  public Located<Header> header(Header header, SourceLocation at) {
    return follow(header, at, Header::get$ref, "headers", Components::getHeaders,
        (node, loc, result) -> deserializer.getHeader((ObjectNode) node, loc, result));
  }

  /** Where a component of the entry document is written (Swagger 2.0 keeps schemas under /definitions). */
  public SourceLocation componentLocation(String kind, String name) {
    return componentLocations.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(name, n -> {
      SourceLocation root = SourceLocation.of(spec.displayName());
      return (spec.version().isSwagger2() ? root : root.child("components")).child(componentSection(kind)).child(n);
    });
  }

  private String componentSection(String kind) {
    if (!spec.version().isSwagger2()) {
      return kind;
    }
    return switch (kind) {
      case "schemas" -> "definitions";
      case "securitySchemes" -> "securityDefinitions";
      default -> kind;
    };
  }

  /** One step of a chain of references; text only for the message about a cycle. */
  private record Hop(SourceLocation from, String ref) {
    @Override
    public String toString() {
      return from + " -> " + ref;
    }
  }

  private interface FragmentReader<T> {
    T read(JsonNode node, String location, OpenAPIDeserializer.ParseResult result);
  }

  @SuppressWarnings("unchecked")
  private <T> Located<T> follow(T value, SourceLocation at, Function<T, String> refOf, String kind,
      Function<Components, Map<String, T>> components, FragmentReader<T> reader) {
    Set<Hop> seen = null; // most objects are not references
    T current = value;
    SourceLocation location = at;
    while (current != null && refOf.apply(current) != null) {
      String ref = refOf.apply(current);
      seen = seen == null ? new LinkedHashSet<>() : seen;
      if (!seen.add(new Hop(location, ref)) || seen.size() > MAX_CHAIN) {
        throw new ConversionException(at, "circular $ref: " + seen.stream().map(Hop::toString).collect(Collectors.joining(", ")),
            "break the cycle: a $ref must end at an object that is not itself only a $ref");
      }
      Located<T> target = (Located<T>) lookup(ref, location, kind, (Function<Components, Map<String, Object>>) (Function<?, ?>) components,
          (FragmentReader<Object>) reader);
      current = target.value();
      location = target.location();
    }
    return new Located<>(current, location);
  }

  private Located<Object> lookup(String ref, SourceLocation at, String kind,
      Function<Components, Map<String, Object>> components, FragmentReader<Object> reader) {
    if (ref.contains("://")) {
      throw new ConversionException(at, "remote $ref '" + ref + "' is not fetched",
          "download the referenced document and refer to the local file");
    }
    String pointer = pointerOf(ref, at);
    Path file = fileOf(ref, loader.pathOf(at.file()));
    String fileName = loader.displayName(file);

    String componentPrefix = "/components/" + kind + "/";
    if (file.equals(entry) && pointer.startsWith(componentPrefix) && pointer.indexOf('/', componentPrefix.length()) < 0) {
      String name = unescape(pointer.substring(componentPrefix.length()));
      Components c = spec.model().getComponents();
      Map<String, Object> map = c == null ? null : components.apply(c);
      Object found = map == null ? null : map.get(name);
      if (found == null) {
        throw unresolved(at, ref, "no " + kind + " component named '" + name + "'");
      }
      return new Located<>(found, componentLocation(kind, name));
    }
    if (file.equals(entry) && spec.version().isSwagger2() && pointer.startsWith("/components/schemas/")) {
      pointer = "/definitions/" + pointer.substring("/components/schemas/".length());
    }
    SourceLocation target = new SourceLocation(fileName, pointer);
    Object cached = fragments.get(target.toString());
    if (cached != null) {
      return new Located<>(cached, target);
    }
    if (!Files.exists(file)) {
      throw unresolved(at, ref, fileName + " does not exist");
    }
    JsonNode node = loader.load(file).at(pointer);
    if (node.isMissingNode()) {
      throw unresolved(at, ref, "no '" + pointer + "' in " + fileName);
    }
    if (!node.isObject() && !(node.isBoolean() && kind.equals("schemas"))) {
      throw unresolved(at, ref, "it points at a " + node.getNodeType().name().toLowerCase() + ", not an object");
    }
    OpenAPIDeserializer.ParseResult result = new OpenAPIDeserializer.ParseResult();
    result.setOpenapi31(spec.version() == SpecVersion.OPENAPI_3_1);
    Object value = reader.read(node, target.toString(), result);
    if (value == null) {
      throw unresolved(at, ref, "swagger-parser could not read the object it points at");
    }
    fragments.put(target.toString(), value);
    return new Located<>(value, target);
  }

  /**
   * The file {@code ref} names, {@code referring} itself for a local reference. The part before '#' is
   * a URI reference relative to the referring file, so it is percent-decoded ({@code other%20file.yaml}
   * is the file {@code other file.yaml}); a file part that is no URI reference (a space or a '%' written
   * as such) is read as the file name it spells.
   */
  static Path fileOf(String ref, Path referring) {
    int hash = ref.indexOf('#');
    String filePart = hash < 0 ? ref : ref.substring(0, hash);
    if (filePart.isEmpty()) {
      return referring;
    }
    return referring.getParent().resolve(uriPath(filePart)).normalize();
  }

  private static String uriPath(String filePart) {
    try {
      String path = new URI(filePart).getPath();
      return path == null || path.isEmpty() ? filePart : path;
    } catch (URISyntaxException e) {
      return filePart;
    }
  }

  /** {@code file}'s path relative to {@code dir}, as a URI reference: '/'-separated and percent-encoded where a URI needs it. */
  static String uriReference(Path dir, Path file) {
    String relative = dir.relativize(file).toString().replace('\\', '/');
    try {
      return new URI(null, null, relative, null).getRawPath();
    } catch (URISyntaxException e) {
      return relative;
    }
  }

  /** The JSON pointer in {@code ref}'s fragment, percent-decoded (RFC 6901 §6); "" for none. */
  static String pointerOf(String ref, SourceLocation at) {
    int hash = ref.indexOf('#');
    String pointer = hash < 0 ? "" : JsonPointer.fromUriFragment(ref.substring(hash + 1));
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      throw unresolved(at, ref, "the part after '#' is not a JSON pointer (one starts with '/', as in #/components/schemas/Pet)");
    }
    return pointer;
  }

  static ConversionException unresolved(SourceLocation at, String ref, String why) {
    return new ConversionException(at, "$ref '" + ref + "' does not resolve: " + why,
        "fix the reference; relative file references are resolved from the file that contains them");
  }

  private static String unescape(String token) {
    return JsonPointer.unescape(token);
  }
}
