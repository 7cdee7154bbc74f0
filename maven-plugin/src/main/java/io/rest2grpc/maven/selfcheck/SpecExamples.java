package io.rest2grpc.maven.selfcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.rest2grpc.maven.protos.ConvertedProtos;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.lock.LockFile;
import io.rest2grpc.transcoding.JsonPointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The examples a spec gives for the schemas its messages were made from, found through the lock beside the protos
 * (which names each message's schema): the schema's {@code example} and {@code examples}, and the {@code example} and
 * {@code examples} of every request and response body whose schema is that schema.
 */
public final class SpecExamples {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private SpecExamples() {}

  /**
   * The examples by message full name, in document order, each once.
   *
   * @param specs the OpenAPI documents; one without its lock in {@code protoFolder} (not converted yet) gives none
   */
  public static Map<String, List<Seed>> read(List<Path> specs, Path protoFolder) throws IOException {
    Map<String, Set<Seed>> found = new TreeMap<>();
    for (Path spec : specs) {
      Optional<Lock> lock = LockFile.read(protoFolder.resolve(ConvertedProtos.lockFileName(spec)));
      if (lock.isEmpty() || !Files.isRegularFile(spec)) {
        continue;
      }
      JsonNode document = read(spec);
      Map<String, List<Located>> bodyExamples = bodyExamples(document);
      String file = spec.getFileName().toString();
      Map<String, JsonNode> referenced = new HashMap<>(); // each other document the lock names, read once
      lock.get().messages().forEach((name, message) -> {
        Set<Seed> seeds = found.computeIfAbsent(lock.get().packageName() + "." + name, ignored -> new LinkedHashSet<>());
        schemaExamples(spec, document, referenced, message.source()).forEach(example -> seeds.add(example.seed(file)));
        bodyExamples.getOrDefault(message.source(), List.of()).forEach(example -> seeds.add(example.seed(file)));
      });
    }
    Map<String, List<Seed>> examples = new LinkedHashMap<>();
    found.forEach((message, seeds) -> {
      if (!seeds.isEmpty()) {
        examples.put(message, List.copyOf(seeds));
      }
    });
    return examples;
  }

  /** An example and where it is, a pointer into its file. */
  private record Located(String file, JsonPointer at, JsonNode value) {
    Seed seed(String entryFile) {
      try {
        return new Seed((file == null ? entryFile : file) + "#" + at, JSON.writeValueAsString(value), false);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static List<Located> schemaExamples(Path spec, JsonNode document, Map<String, JsonNode> referenced, String source) {
    int hash = source.indexOf('#');
    String file = hash > 0 ? source.substring(0, hash) : null;
    JsonPointer at = JsonPointer.parse(JsonPointer.fromUriFragment(source.substring(hash + 1)));
    JsonNode root = file == null ? document : referenced.computeIfAbsent(file, other -> readOrMissing(spec.resolveSibling(other)));
    JsonNode schema = walk(root, at);
    List<Located> examples = new ArrayList<>();
    if (schema.has("example") && !schema.get("example").isNull()) {
      examples.add(new Located(file, at.child("example"), schema.get("example")));
    }
    JsonNode list = schema.path("examples");
    for (int i = 0; list.isArray() && i < list.size(); i++) {
      examples.add(new Located(file, at.child("examples").child(String.valueOf(i)), list.get(i)));
    }
    return examples;
  }

  /** Every media type's examples in the document, keyed by the lock source of its schema: its {@code $ref}, or itself. */
  private static Map<String, List<Located>> bodyExamples(JsonNode document) {
    Map<String, List<Located>> examples = new LinkedHashMap<>();
    collect(document, document, JsonPointer.ROOT, examples);
    return examples;
  }

  private static void collect(JsonNode document, JsonNode node, JsonPointer at, Map<String, List<Located>> examples) {
    if (node.isObject() && node.path("schema").isObject() && (node.has("example") || node.has("examples"))) {
      List<Located> found = new ArrayList<>();
      if (node.has("example") && !node.get("example").isNull()) {
        found.add(new Located(null, at.child("example"), node.get("example")));
      }
      for (Iterator<Map.Entry<String, JsonNode>> named = node.path("examples").fields(); named.hasNext(); ) {
        Map.Entry<String, JsonNode> example = named.next();
        JsonNode value = example.getValue().has("$ref") ? resolve(document, example.getValue().get("$ref").asText()) : example.getValue();
        if (value.has("value")) {
          found.add(new Located(null, at.child("examples").child(example.getKey()).child("value"), value.get("value")));
        }
      }
      JsonNode schema = node.get("schema");
      examples.computeIfAbsent(source(schema, at.child("schema")), ignored -> new ArrayList<>()).addAll(found);
      if (schema.path("type").asText().equals("array") && schema.path("items").isObject()) {
        // a list's example: each element is an example of the item schema
        List<Located> items = examples.computeIfAbsent(source(schema.get("items"), at.child("schema").child("items")), ignored -> new ArrayList<>());
        for (Located list : found) {
          for (int i = 0; list.value().isArray() && i < list.value().size(); i++) {
            items.add(new Located(null, list.at().child(String.valueOf(i)), list.value().get(i)));
          }
        }
      }
    }
    if (node.isContainerNode()) {
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          collect(document, node.get(i), at.child(String.valueOf(i)), examples);
        }
      } else {
        node.fields().forEachRemaining(entry -> collect(document, entry.getValue(), at.child(entry.getKey()), examples));
      }
    }
  }

  /** A schema's lock source: what its {@code $ref} names, or where it is written. */
  private static String source(JsonNode schema, JsonPointer at) {
    return schema.has("$ref") ? schema.get("$ref").asText() : "#" + at;
  }

  private static JsonNode resolve(JsonNode document, String ref) {
    return ref.startsWith("#") ? walk(document, JsonPointer.parse(JsonPointer.fromUriFragment(ref.substring(1)))) : MissingNode.getInstance();
  }

  /** Follows a lock source's tokens; under {@code parameters} a token is a parameter's name, as the lock keys them. */
  private static JsonNode walk(JsonNode root, JsonPointer at) {
    JsonNode node = root;
    for (String token : at.tokens()) {
      if (node.isArray()) {
        JsonNode byIndex = token.chars().allMatch(Character::isDigit) ? node.path(Integer.parseInt(token)) : MissingNode.getInstance();
        JsonNode byName = MissingNode.getInstance();
        for (JsonNode element : node) {
          if (token.equals(element.path("name").asText(null))) {
            byName = element;
          }
        }
        node = byIndex.isMissingNode() ? byName : byIndex;
      } else {
        node = node.path(token);
      }
    }
    return node;
  }

  /** Another document of the spec; a missing or unreadable one has no examples (the conversion reported it). */
  private static JsonNode readOrMissing(Path file) {
    try {
      return Files.isRegularFile(file) ? read(file) : MissingNode.getInstance();
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static JsonNode read(Path file) throws IOException {
    try {
      return YAML.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": not YAML or JSON (" + e.getOriginalMessage() + "); it converted before, so check its last edit", e);
    }
  }
}
