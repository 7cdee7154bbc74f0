package io.rest2grpc.openapi.check.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.check.rest.RestChange.Kind;
import io.rest2grpc.openapi.read.DocumentLoader;
import java.nio.file.Path;
import java.util.List;

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
    SchemaDiff schemas = new SchemaDiff(before, after, changes);
    compareComponents(before, after, Usage.of(before, oldOperations, after, newOperations), schemas, changes);
    new OperationDiff(before, after, schemas, changes).compare(oldOperations, newOperations);
    return changes.sorted();
  }

  /**
   * Reads both entry files (YAML or JSON, each up to {@code maxSpecBytes}) and compares them. A
   * {@code $ref} into another file is not followed: it is reported as {@code UNRESOLVED_REF}.
   *
   * @throws io.rest2grpc.openapi.ConversionException naming the file when one cannot be read
   */
  public static List<RestChange> compare(Path oldSpec, Path newSpec, long maxSpecBytes) {
    return compare(new DocumentLoader(oldSpec, maxSpecBytes).load(oldSpec), new DocumentLoader(newSpec, maxSpecBytes).load(newSpec));
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
