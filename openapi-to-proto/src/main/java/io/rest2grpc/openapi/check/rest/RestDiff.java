package io.rest2grpc.openapi.check.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.check.rest.RestChange.Kind;
import io.rest2grpc.openapi.convert.operations.Servers;
import io.rest2grpc.openapi.read.DocumentLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST-level differences between two versions of a spec (Swagger 2.0, OpenAPI 3.0 or 3.1, in
 * any mix): operations, parameters, bodies, responses, and every schema compared at its own place,
 * so each change carries a JSON pointer into the old document (and the new) of exactly what changed.
 *
 * <p>Hand-written rather than built on openapi-diff: that library compares models swagger-parser
 * has resolved, with every {@code $ref} inlined into each operation, so it reports a component's
 * change once per use and without a pointer to where the schema is written, which is what links a
 * change to its proto element.
 */
public final class RestDiff {
  private RestDiff() {}

  /** Every change from {@code oldDoc} to {@code newDoc}, sorted by pointer (the old one, else the new), then kind. */
  public static List<RestChange> compare(JsonNode oldDoc, JsonNode newDoc) {
    Doc before = new Doc(oldDoc);
    Doc after = new Doc(newDoc);
    Operations oldOperations = Operations.of(before);
    Operations newOperations = Operations.of(after);
    Changes changes = new Changes();
    compareBasePaths(oldDoc, newDoc, changes);
    SchemaDiff schemas = new SchemaDiff(before, after, changes);
    compareComponents(before, after, Usage.of(before, oldOperations, after, newOperations), schemas, changes);
    new OperationDiff(before, after, schemas, changes).compare(oldOperations, newOperations);
    return changes.sorted();
  }

  /**
   * Reads both entry files (YAML or JSON, each up to {@code maxSpecBytes}) and compares them. A
   * {@code $ref} into another file is not followed: it is reported as {@code UNRESOLVED_REF}.
   *
   * @throws io.rest2grpc.openapi.diagnostics.ConversionException naming the file when one cannot be read
   */
  public static List<RestChange> compare(Path oldSpec, Path newSpec, long maxSpecBytes) {
    return compare(new DocumentLoader(oldSpec, maxSpecBytes).load(oldSpec), new DocumentLoader(newSpec, maxSpecBytes).load(newSpec));
  }

  /** The prefix of every URL: Swagger 2.0 {@code basePath}, else the path of the first server (what the converter puts in HttpRules). */
  private static void compareBasePaths(JsonNode oldDoc, JsonNode newDoc, Changes changes) {
    String before = basePath(oldDoc);
    String after = basePath(newDoc);
    if (!before.equals(after)) {
      String pointer = oldDoc.has("basePath") || oldDoc.has("swagger") ? "/basePath" : "/servers/0/url";
      String newPointer = newDoc.has("basePath") || newDoc.has("swagger") ? "/basePath" : "/servers/0/url";
      changes.add(Kind.BASE_PATH_CHANGED, null, pointer, newPointer,
          "the base path of every operation: " + (before.isEmpty() ? "/" : before) + " -> " + (after.isEmpty() ? "/" : after), true);
    }
  }

  private static String basePath(JsonNode doc) {
    if (doc.has("swagger")) {
      String path = doc.path("basePath").asText("");
      return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
    JsonNode server = doc.path("servers").path(0);
    Map<String, String> defaults = new HashMap<>();
    server.path("variables").fields().forEachRemaining(v -> defaults.put(v.getKey(), v.getValue().path("default").asText("")));
    String path = server.has("url") ? Servers.basePath(server.path("url").asText(), defaults) : null;
    return path == null ? "" : path;
  }

  /**
   * Component schemas pairwise by name. Their names are not on the wire: a removed or added one
   * breaks nothing by itself; what referenced it shows the effect (SCHEMA_REPLACED, a removed operation).
   */
  private static void compareComponents(Doc before, Doc after, Usage usage, SchemaDiff schemas, Changes changes) {
    Site old = before.schemas();
    Site neu = after.schemas();
    old.node().fieldNames().forEachRemaining(name -> {
      if (neu.node().has(name)) {
        schemas.compare(old.child(name), neu.child(name), Scope.of(null, usage.of(name), Kind.SCHEMA_RETYPED, name));
      } else {
        changes.add(Kind.SCHEMA_REMOVED, null, old.child(name).pointer(), null, "schema " + name + " removed", false);
      }
    });
    neu.node().fieldNames().forEachRemaining(name -> {
      if (!old.node().has(name)) {
        changes.add(Kind.SCHEMA_ADDED, null, null, neu.child(name).pointer(), "schema " + name + " added", false);
      }
    });
  }
}
