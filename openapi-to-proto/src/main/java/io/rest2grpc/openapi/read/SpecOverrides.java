package io.rest2grpc.openapi.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.Problems;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.transcoding.JsonPointer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Changes to a spec that its team cannot make in the spec itself (it is generated, or owned by
 * someone else), applied to the entry document before it is read: OpenAPI Overlay 1.0 files
 * ({@code actions} with a JSONPath {@code target} and an {@code update} or {@code remove}), and a
 * rest2grpc config whose {@code overrides} map JSON pointers to objects merged there. Both carry the
 * {@code x-grpc-*} and {@code x-rest2grpc-*} extensions the converter reads (module README,
 * "Overrides"), so there is one mechanism for every override.
 */
public final class SpecOverrides {
  private final List<Path> overlays;
  private final Path config;

  /** Overlays are applied in order, then the config. */
  public SpecOverrides(List<Path> overlays, Path config) {
    this.overlays = List.copyOf(overlays);
    this.config = config;
  }

  public static SpecOverrides none() {
    return new SpecOverrides(List.of(), null);
  }

  /**
   * Applies every overlay, then the config. A file that cannot be read, or is not an overlay, is noted
   * in {@code problems} and skipped; so is each action or override entry that fails, and the others
   * are still applied, so one run names every invalid entry.
   */
  void apply(ObjectNode root, DocumentLoader loader, Problems problems) {
    for (Path overlay : overlays) {
      problems.run(() -> applyOverlay(root, loader.load(overlay), SourceLocation.of(loader.displayName(overlay)), problems));
    }
    if (config != null) {
      problems.run(() -> applyConfig(root, loader.load(config), SourceLocation.of(loader.displayName(config)), problems));
    }
  }

  private static void applyOverlay(ObjectNode root, JsonNode overlay, SourceLocation at, Problems problems) {
    if (!overlay.path("overlay").isTextual() || !overlay.path("overlay").asText().startsWith("1.")) {
      throw new ConversionException(at, "not an OpenAPI Overlay 1.x document (no 'overlay: 1.0.0')",
          "start the file with overlay: 1.0.0, info and actions (https://spec.openapis.org/overlay/v1.0.0)");
    }
    JsonNode actions = overlay.path("actions");
    for (int i = 0; i < actions.size(); i++) {
      JsonNode action = actions.get(i);
      SourceLocation where = at.child("actions").child(i);
      problems.run(() -> applyAction(root, action, where));
    }
  }

  private static void applyAction(ObjectNode root, JsonNode action, SourceLocation where) {
    String target = action.path("target").asText("");
    List<String> pointers = pointers(root, target, where);
    if (pointers.isEmpty()) {
      throw new ConversionException(where, "target " + target + " matches nothing in the spec",
          "check the JSONPath against the spec; overlays apply to the entry document");
    }
    for (String pointer : pointers) {
      if (action.path("remove").asBoolean(false)) {
        remove(root, pointer);
      } else if (action.has("update")) {
        merge(root.at(pointer), action.get("update"), where);
      }
    }
  }

  private static void applyConfig(ObjectNode root, JsonNode config, SourceLocation at, Problems problems) {
    JsonNode overrides = config.path("overrides");
    for (Map.Entry<String, JsonNode> override : overrides.properties()) {
      SourceLocation where = at.child("overrides").child(override.getKey());
      problems.run(() -> {
        if (!override.getKey().startsWith("/")) {
          throw new ConversionException(where, "'" + override.getKey() + "' is not a JSON pointer",
              "write a pointer from the spec's root, starting with '/', e.g. /paths/~1orders/get");
        }
        JsonNode target = root.at(override.getKey());
        if (target.isMissingNode()) {
          throw new ConversionException(where, "JSON pointer " + override.getKey() + " matches nothing in the spec",
              "escape '/' in path keys as ~1, e.g. /paths/~1orders/get");
        }
        merge(target, override.getValue(), where);
      });
    }
  }

  /** Overlay update semantics: objects merge recursively, arrays append, anything else replaces. */
  private static void merge(JsonNode target, JsonNode update, SourceLocation at) {
    if (!target.isObject() || !update.isObject()) {
      throw new ConversionException(at, "an update must be an object merged into an object",
          "target an object (an operation, a schema), and give the members to set");
    }
    ObjectNode object = (ObjectNode) target;
    update.properties().forEach(member -> {
      JsonNode existing = object.get(member.getKey());
      if (existing != null && existing.isObject() && member.getValue().isObject()) {
        merge(existing, member.getValue(), at);
      } else if (existing != null && existing.isArray() && member.getValue().isArray()) {
        ((ArrayNode) existing).addAll((ArrayNode) member.getValue().deepCopy());
      } else {
        object.set(member.getKey(), member.getValue().deepCopy());
      }
    });
  }

  private static void remove(ObjectNode root, String pointer) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    String token = JsonPointer.unescape(pointer.substring(slash + 1));
    if (parent instanceof ObjectNode object) {
      object.remove(token);
    } else if (parent instanceof ArrayNode array) {
      array.remove(Integer.parseInt(token));
    }
  }

  /** The JSON pointers of the nodes a JSONPath matches (Jayway answers with paths such as $['paths']['/a'][0]). */
  private static List<String> pointers(ObjectNode root, String target, SourceLocation at) {
    List<String> pointers = new ArrayList<>();
    JsonNode paths;
    try {
      paths = JsonPath.using(JsonPathConfig.INSTANCE).parse(root).read(target);
    } catch (RuntimeException e) {
      throw new ConversionException(at, "target '" + target + "' is not a JSONPath: " + e.getMessage(),
          "write a JSONPath such as $.paths['/orders'].get", e);
    }
    if (paths != null) {
      paths.forEach(path -> pointers.add(pointer(path.asText())));
    }
    return pointers;
  }

  private static String pointer(String jaywayPath) {
    StringBuilder pointer = new StringBuilder();
    int i = 1;
    while (i < jaywayPath.length()) {
      if (jaywayPath.startsWith("['", i)) {
        int end = i + 2;
        StringBuilder key = new StringBuilder();
        while (!jaywayPath.startsWith("']", end)) {
          char c = jaywayPath.charAt(end);
          if (c == '\\' && end + 1 < jaywayPath.length()) {
            end++;
            c = jaywayPath.charAt(end);
          }
          key.append(c);
          end++;
        }
        pointer.append('/').append(JsonPointer.escape(key.toString()));
        i = end + 2;
      } else {
        int end = jaywayPath.indexOf(']', i);
        pointer.append('/').append(jaywayPath, i + 1, end);
        i = end + 1;
      }
    }
    return pointer.toString();
  }

  /** Built on first use: JSONPath's set-up is 3% of a conversion that has no overlay. */
  private static final class JsonPathConfig {
    static final Configuration INSTANCE = Configuration.builder()
        .jsonProvider(new JacksonJsonNodeJsonProvider())
        .mappingProvider(new JacksonMappingProvider())
        .options(Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS)
        .build();
  }
}
