package io.rest2grpc.openapi.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.Problems;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.parser.util.SwaggerDeserializer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the entry document with swagger-parser, deserializing from the tree we parsed (one parse,
 * no {@code resolveFully}): {@code $ref}s stay as written, so {@link RefResolver} can name and
 * locate every schema, including those in other files.
 *
 * <p>Before handing the tree to swagger-parser, path items given as {@code $ref} (legal) and
 * operations given as {@code $ref} (not legal, but what DigitalOcean's spec does) are read in from
 * the referenced file, with the {@code $ref}s inside them rebased onto the entry document.
 */
public final class SpecReader {
  /** In swagger-parser's order; a List, not Set.of, whose order changes from one JVM run to the next. */
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final DocumentLoader loader;
  private final Findings report;
  private final SpecOverrides overrides;

  public SpecReader(DocumentLoader loader, Findings report, SpecOverrides overrides) {
    this.loader = loader;
    this.report = report;
    this.overrides = overrides;
  }

  /**
   * The spec in {@code entry}. A file that does not parse, or is no OpenAPI document, stops here;
   * otherwise the version, {@code info}, every path item and operation {@code $ref}, and every overlay
   * action and config override are checked, and all their problems are thrown together.
   */
  public Spec read(Path entry) {
    String name = loader.displayName(entry);
    JsonNode tree = loader.load(entry);
    SourceLocation top = SourceLocation.of(name);
    if (!tree.isObject()) {
      throw notOpenApi(top, "the top level is not an object");
    }
    ObjectNode root = (ObjectNode) tree;
    if (!root.has("openapi") && !root.has("swagger")) {
      throw notOpenApi(top, "no 'openapi' or 'swagger' field at the top level");
    }
    Problems problems = new Problems();
    SpecVersion version = problems.attempt(() -> version(root, top));
    if (!root.path("info").isObject()) {
      problems.run(() -> {
        throw notUsable(top, "it has no 'info'",
            "add info with a title and version (without a server host the proto package is named after the title), or give --package");
      });
    }
    ConfigSettings config = ConfigSettings.none();
    if (inlineReferencedPathItems(root, entry, top, problems)) {
      // An override may target a path item or operation that a failed $ref left out: apply them only when all were read.
      config = overrides.apply(root, loader, problems);
    }
    problems.throwIfAny();
    new SchemaRecoveries(report, version.isSwagger2()).apply(root, top);
    SwaggerParseResult parsed;
    try {
      parsed = version.isSwagger2() ? readSwagger2(root) : readOpenApi3(root, entry);
    } catch (RuntimeException e) {
      // swagger-parser has corner cases it does not survive (e.g. a Swagger 2.0 schema of type "null")
      throw new ConversionException(top, "swagger-parser failed to read the document: " + e,
          "simplify the construct named in the message, or report the document to rest2grpc so it can be recovered", e);
    }
    List<String> messages = parsed.getMessages();
    if (messages != null) {
      for (String message : messages) {
        report.warn(Category.SPEC_MESSAGE, top, "", message);
      }
    }
    if (parsed.getOpenAPI() == null) {
      throw new ConversionException(top, "swagger-parser could not read the document"
          + (messages == null || messages.isEmpty() ? "" : ": " + String.join("; ", messages)), "fix the problems it names");
    }
    if (nothingToConvert(parsed.getOpenAPI())) {
      throw notUsable(top, "it has no operations under 'paths' and no schemas to make messages of",
          "point at the document that holds the API's paths (a file of shared schemas is $ref'd from it), or add paths");
    }
    reportWebhooks(root, top);
    return new Spec(name, version, root, parsed.getOpenAPI(), config);
  }

  private static SpecVersion version(ObjectNode root, SourceLocation top) {
    JsonNode openapi = root.get("openapi");
    if (openapi != null) {
      String v = openapi.asText();
      if (v.startsWith("3.0")) {
        return SpecVersion.OPENAPI_3_0;
      }
      if (v.startsWith("3.1")) {
        return SpecVersion.OPENAPI_3_1;
      }
      throw new ConversionException(top.child("openapi"), "unsupported OpenAPI version '" + v + "'",
          "rest2grpc reads Swagger 2.0 and OpenAPI 3.0 and 3.1");
    }
    JsonNode swagger = root.get("swagger");
    if (swagger.asText().startsWith("2.")) {
      return SpecVersion.SWAGGER_2;
    }
    throw new ConversionException(top.child("swagger"), "unsupported Swagger version '" + swagger.asText() + "'",
        "rest2grpc reads Swagger 2.0 and OpenAPI 3.0 and 3.1");
  }

  private static ConversionException notUsable(SourceLocation at, String why, String hint) {
    return new ConversionException(at, "not a spec rest2grpc can convert: " + why, hint);
  }

  private static boolean nothingToConvert(OpenAPI model) {
    boolean operations = model.getPaths() != null
        && model.getPaths().values().stream().anyMatch(item -> item != null && !item.readOperations().isEmpty());
    boolean schemas = model.getComponents() != null && model.getComponents().getSchemas() != null
        && !model.getComponents().getSchemas().isEmpty();
    return !operations && !schemas;
  }

  private static ConversionException notOpenApi(SourceLocation at, String why) {
    return new ConversionException(at, "not an OpenAPI document: " + why,
        "point at an OpenAPI 3.x or Swagger 2.0 document (the file that has 'openapi:' or 'swagger:' at the top)");
  }

  /**
   * What {@code OpenAPIDeserializer.deserialize(root, path, options)} does, minus its first step: a
   * copy of the whole document as a {@code Map} (about 8% of a cold conversion) that only
   * {@code JsonSchemaParserExtension}s read. None ships with rest2grpc; when one is on the classpath,
   * the full method runs. Like that method, which ignores the options it is given, this reads with
   * swagger-parser's default options.
   */
  private static SwaggerParseResult readOpenApi3(ObjectNode root, Path entry) {
    OpenAPIDeserializer deserializer = new OpenAPIDeserializer();
    String location = entry.toAbsolutePath().toUri().toString();
    ParseOptions options = new ParseOptions();
    if (!OpenAPIDeserializer.getJsonSchemaParserExtensions().isEmpty()) {
      return deserializer.deserialize(root, location, options);
    }
    OpenAPIDeserializer.ParseResult parse = new OpenAPIDeserializer.ParseResult();
    parse.setOaiAuthor(options.isOaiAuthor());
    parse.setInferSchemaType(options.isInferSchemaType());
    parse.setAllowEmptyStrings(options.isAllowEmptyString());
    parse.setValidateInternalRefs(options.isValidateInternalRefs());
    parse.setExplicitStyleAndExplode(options.isExplicitStyleAndExplode());
    SwaggerParseResult result = new SwaggerParseResult();
    try {
      OpenAPI openApi = deserializer.parseRoot(root, parse, location);
      result.openapi31(parse.isOpenapi31());
      result.setOpenAPI(openApi);
      result.setMessages(parse.getMessages());
    } catch (Exception e) {
      String message = e.getMessage();
      result.setMessages(List.of(message != null && !message.isBlank() ? message : "Unexpected error deserialising spec"));
    }
    return result;
  }

  private static SwaggerParseResult readSwagger2(ObjectNode root) {
    SwaggerDeserializationResult swagger = new SwaggerDeserializer().deserialize(root);
    return new SwaggerConverter().convert(swagger);
  }

  /**
   * Reads path items and operations given as {@code $ref} into the tree; each that fails is noted in
   * {@code problems}, the others are still read. Returns whether all were read.
   */
  private boolean inlineReferencedPathItems(ObjectNode root, Path entry, SourceLocation top, Problems problems) {
    JsonNode paths = root.get("paths");
    if (paths == null || !paths.isObject()) {
      return true;
    }
    boolean all = true;
    Iterator<Map.Entry<String, JsonNode>> it = paths.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> pathEntry = it.next();
      JsonNode item = pathEntry.getValue();
      SourceLocation itemLoc = top.child("paths").child(pathEntry.getKey());
      if (item.isObject() && item.has("$ref")) {
        String ref = item.get("$ref").asText();
        item = problems.attempt(() -> readReferenced(ref, entry, itemLoc));
        if (item == null) {
          all = false;
          continue;
        }
        pathEntry.setValue(item);
      }
      if (!item.isObject()) {
        continue;
      }
      ObjectNode itemObject = (ObjectNode) item;
      for (String method : METHODS) {
        JsonNode op = itemObject.get(method);
        if (op != null && op.isObject() && op.has("$ref")) {
          SourceLocation opLoc = itemLoc.child(method);
          String ref = op.get("$ref").asText();
          JsonNode read = problems.attempt(() -> readReferenced(ref, entry, opLoc));
          if (read == null) {
            all = false;
            continue;
          }
          itemObject.set(method, read);
          report.warn(Category.OPERATION_REF_INLINED, opLoc, "",
              "operation given as $ref '" + ref + "' (OpenAPI allows $ref for path items, not operations); read from that file");
        }
      }
    }
    return all;
  }

  /** Reads a referenced node from another file, with its relative $refs rebased onto the entry document. */
  private JsonNode readReferenced(String ref, Path entry, SourceLocation at) {
    String pointer = RefResolver.pointerOf(ref, at);
    Path self = entry.toAbsolutePath().normalize();
    Path target = RefResolver.fileOf(ref, self);
    if (target.equals(self)) {
      JsonNode local = loader.load(entry).at(pointer);
      if (local.isMissingNode()) {
        throw RefResolver.unresolved(at, ref, "no '" + pointer + "' in this document");
      }
      return local.deepCopy();
    }
    if (!Files.exists(target)) {
      throw RefResolver.unresolved(at, ref, loader.displayName(target) + " does not exist");
    }
    JsonNode node = loader.load(target).at(pointer);
    if (node.isMissingNode()) {
      throw RefResolver.unresolved(at, ref, "no '" + pointer + "' in " + loader.displayName(target));
    }
    JsonNode copy = node.deepCopy();
    rebase(copy, target, entry.toAbsolutePath().getParent());
    return copy;
  }

  private void rebase(JsonNode node, Path from, Path toDir) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual()) {
        object.set("$ref", new TextNode(rebase(ref.asText(), from, toDir)));
      }
      JsonNode mapping = object.path("discriminator").path("mapping");
      if (mapping.isObject()) {
        ObjectNode mappingObject = (ObjectNode) mapping;
        mappingObject.fieldNames().forEachRemaining(key -> {
          String target = mappingObject.get(key).asText();
          if (target.contains("#") || target.contains("/") || target.contains(".")) {
            mappingObject.set(key, new TextNode(rebase(target, from, toDir)));
          }
        });
      }
      object.elements().forEachRemaining(child -> rebase(child, from, toDir));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> rebase(child, from, toDir));
    }
  }

  private static String rebase(String ref, Path from, Path toDir) {
    if (ref.contains("://")) {
      return ref;
    }
    int hash = ref.indexOf('#');
    String fragment = hash < 0 ? "" : ref.substring(hash);
    return RefResolver.uriReference(toDir, RefResolver.fileOf(ref, from)) + fragment;
  }

  private void reportWebhooks(ObjectNode root, SourceLocation top) {
    JsonNode webhooks = root.get("webhooks");
    if (webhooks != null && webhooks.isObject()) {
      webhooks.fieldNames().forEachRemaining(name -> report.info(Category.WEBHOOK_NOT_CONVERTED,
          top.child("webhooks").child(name), "", "webhook '" + name + "' is a call the service makes; not converted"));
    }
  }
}
