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
import io.rest2grpc.openapi.naming.ChosenNames;
import io.rest2grpc.openapi.naming.LanguageOptions;
import io.rest2grpc.transcoding.JsonPointer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

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
   * Applies every overlay, then the config, and returns the config's settings. A file that cannot be
   * read, or is not an overlay, is noted in {@code problems} and skipped; so is each action, override
   * or rename entry that fails, and the others are still applied, so one run names every invalid entry.
   */
  ConfigSettings apply(ObjectNode root, DocumentLoader loader, Problems problems) {
    for (Path overlay : overlays) {
      problems.run(() -> applyOverlay(root, loader.load(overlay), SourceLocation.of(loader.displayName(overlay)), problems));
    }
    if (config == null) {
      return ConfigSettings.none();
    }
    ConfigSettings settings = problems.attempt(() -> {
      JsonNode document = loader.load(config);
      SourceLocation at = SourceLocation.of(loader.displayName(config));
      applyConfig(root, document, at, problems);
      return new ConfigSettings(fileOptions(document, at, problems), renames(root, document, at, problems));
    });
    return settings == null ? ConfigSettings.none() : settings;
  }

  /** The config's {@code file_options}: each key one of {@code LanguageOptions.KEYS} with a valid value. */
  private static Map<String, String> fileOptions(JsonNode config, SourceLocation at, Problems problems) {
    Map<String, String> options = new TreeMap<>();
    for (Map.Entry<String, JsonNode> option : config.path("file_options").properties()) {
      SourceLocation where = at.child("file_options").child(option.getKey());
      String problem = option.getValue().isTextual() ? LanguageOptions.problem(option.getKey(), option.getValue().asText())
          : "file options are strings";
      if (problem == null) {
        options.put(option.getKey(), option.getValue().asText());
      } else {
        problems.run(() -> {
          throw new ConversionException(where, problem, "file_options takes " + new TreeSet<>(LanguageOptions.KEYS));
        });
      }
    }
    return options;
  }

  /**
   * Applies the config's {@code renames} (JSON pointer → proto name) as the {@code x-grpc-name} of each
   * target and returns those that were applied; the name itself is checked where it is used.
   */
  private static Map<String, String> renames(ObjectNode root, JsonNode config, SourceLocation at, Problems problems) {
    Map<String, String> renames = new TreeMap<>();
    for (Map.Entry<String, JsonNode> rename : config.path("renames").properties()) {
      SourceLocation where = at.child("renames").child(rename.getKey());
      problems.run(() -> {
        JsonNode target = rename.getKey().startsWith("/") ? root.at(rename.getKey()) : null;
        if (target == null || !target.isObject()) {
          throw new ConversionException(where, "'" + rename.getKey() + "' is not the JSON pointer of an operation, schema or property in the spec",
              "write a pointer from the spec's root, '/' in path keys escaped as ~1, e.g. /paths/~1orders/get or /components/schemas/Pet");
        }
        if (!rename.getValue().isTextual()) {
          throw new ConversionException(where, "a rename is the new proto name as a string", "e.g. /paths/~1orders/get: ListAllOrders");
        }
        ((ObjectNode) target).put(ChosenNames.EXTENSION, rename.getValue().asText());
        renames.put(rename.getKey(), rename.getValue().asText());
      });
    }
    return renames;
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
