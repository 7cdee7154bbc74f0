package io.rest2grpc.openapi.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates JSON values against the spec's schemas: the fidelity check's examples against the schema
 * they illustrate (an example its own schema rejects says nothing about the converter), a stream's
 * example events against the component schemas. JSON Schema validation by networknt's json-schema-validator, in the OpenAPI 3.1 dialect for 3.1 specs and the 3.0 dialect
 * (which knows {@code nullable}) otherwise; {@code $ref}s to other files are loaded from disk.
 *
 * <p>Memory stays proportional to the spec: the entry document is read into the validator once,
 * and every other file once (the registry caches them by URI, without a fragment); the schema
 * an example names is taken out of its file's schema (a JSON pointer) once and reused. Asking the
 * registry for {@code file#/pointer} instead would read the whole file again for every pointer
 * and keep each copy in its cache: a copy of the spec per schema with an example.
 */
public final class SchemaValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final SchemaRegistry registry;
  private final String documentUri;
  private final String documentName;
  private final Path folder;
  private final Map<String, Schema> schemas = new HashMap<>();

  /**
   * @param file the entry document, whose tree is {@code document}
   * @param documentName the entry document as source locations name it
   */
  public SchemaValidator(Path file, String documentName, SpecVersion version, JsonNode document) {
    this.documentUri = file.toUri().toString();
    this.documentName = documentName;
    this.folder = file.getParent();
    // The registry loads a whole spec file as one schema, so "openapi", "info", "paths"… are keywords
    // it does not know: quietly not validated, rather than a warning for each in every conversion.
    Dialect dialect = Dialect.builder(version == SpecVersion.OPENAPI_3_1 ? Dialects.getOpenApi31() : Dialects.getOpenApi30())
        .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
        .build();
    this.registry = SchemaRegistry.withDefaultDialect(dialect,
        builder -> builder.schemas(uri -> uri.equals(documentUri) ? json(document) : otherFile(uri)));
  }

  /** The URI of a spec file named as in source locations (relative to the entry document's folder). */
  private String uriOf(String file) {
    return file.equals(documentName) ? documentUri : folder.resolve(file).normalize().toUri().toString();
  }

  private static String json(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Files that {@code $ref}s reach, YAML or JSON, handed over as JSON (null: not ours to load). */
  private static String otherFile(String uri) {
    if (!uri.startsWith("file:")) {
      return null;
    }
    try {
      return JSON.writeValueAsString(YAML.readTree(Path.of(URI.create(uri)).toFile()));
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The errors of {@code value} against the schema at {@code schemaAt}, empty when it is valid; one entry if the schema cannot be loaded. */
  public List<String> errors(SourceLocation schemaAt, JsonNode value) {
    try {
      Schema schema = schema(schemaAt);
      List<Error> errors = schema.validate(JSON.writeValueAsString(value), InputFormat.JSON);
      return errors.stream().map(Error::toString).toList();
    } catch (RuntimeException | JsonProcessingException e) {
      return List.of("schema could not be used for validation: " + e.getMessage());
    }
  }

  /** The schema at a location: its file's schema from the registry, then the pointer within it. */
  private Schema schema(SourceLocation at) {
    String location = uriOf(at.file()) + "#" + at.pointer();
    Schema schema = schemas.get(location);
    if (schema == null) {
      SchemaLocation pointer = SchemaLocation.of(location);
      Schema file = registry.getSchema(new SchemaLocation(pointer.getAbsoluteIri()));
      schema = pointer.getFragment().getNameCount() == 0 ? file : file.getRefSchema(pointer.getFragment());
      schemas.put(location, schema);
    }
    return schema;
  }
}
