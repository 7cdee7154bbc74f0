package io.rest2grpc.openapi.check.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.check.rest.Operations.Operation;
import io.rest2grpc.openapi.check.rest.Operations.Parameter;
import io.rest2grpc.openapi.check.rest.RestChange.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares the request body and the responses of two matching operations: presence, status codes,
 * media types (without parameters such as charset), and the schema under each media type kept.
 * Swagger 2.0 bodies (a body parameter, a response {@code schema}) count under each media type of
 * {@code consumes}/{@code produces}.
 */
final class BodyDiff {
  private static final List<String> DEFAULT_MEDIA_TYPES = List.of("application/json");

  private final Doc before;
  private final Doc after;
  private final SchemaDiff schemas;
  private final Changes changes;

  BodyDiff(Doc before, Doc after, SchemaDiff schemas, Changes changes) {
    this.before = before;
    this.after = after;
    this.schemas = schemas;
    this.changes = changes;
  }

  /**
   * A body as written: where, whether required, and its schema per media type (lower case, no
   * parameters); the content is null when the body is a $ref into another file.
   */
  private record Body(Site at, boolean required, Map<String, Media> content) {}

  private record Media(String name, Site at, Site schema) {}

  void compareRequests(Operation old, Operation neu) {
    Body was = requestBody(before, old);
    Body is = requestBody(after, neu);
    String label = old.label() + " request body";
    if (was == null && is != null) {
      changes.add(Kind.REQUEST_BODY_ADDED, old.label(), null, is.at().pointer(), label + " added" + (is.required() ? ", required" : ""),
          is.required());
    } else if (was != null && is == null) {
      changes.add(Kind.REQUEST_BODY_REMOVED, old.label(), was.at().pointer(), null, label + " removed", true);
    } else if (was != null && (was.content() == null || is.content() == null)) {
      unresolved(old, was.at(), is.at(), label);
    } else if (was != null) {
      if (!was.required() && is.required()) {
        changes.add(Kind.REQUEST_BODY_BECAME_REQUIRED, old.label(), was.at().pointer(), is.at().pointer(), label + " is now required", true);
      }
      compareContent(was, is, Scope.of(old.label(), Direction.REQUEST, Kind.SCHEMA_RETYPED, label));
    }
  }

  void compareResponses(Operation old, Operation neu) {
    Site was = old.site().child("responses");
    Site is = neu.site().child("responses");
    Map<String, String> newCodes = new LinkedHashMap<>();
    is.node().fieldNames().forEachRemaining(code -> newCodes.put(code.toUpperCase(Locale.ROOT), code));
    List<String> oldCodes = new ArrayList<>();
    was.node().fieldNames().forEachRemaining(oldCodes::add);
    for (String code : oldCodes) {
      String label = old.label() + " response " + code;
      String newCode = newCodes.remove(code.toUpperCase(Locale.ROOT));
      if (newCode == null) {
        // A client no longer gets a success it was written for; an error it no longer gets breaks nothing.
        changes.add(Kind.RESPONSE_REMOVED, old.label(), was.child(code).pointer(), null, label + " removed", code.startsWith("2"));
        continue;
      }
      Body oldBody = response(before, old, was.child(code));
      Body newBody = response(after, neu, is.child(newCode));
      if (oldBody != null && newBody != null) {
        compareContent(oldBody, newBody, Scope.of(old.label(), Direction.RESPONSE, Kind.SCHEMA_RETYPED, label));
      } else if (oldBody != null || newBody != null) {
        unresolved(old, was.child(code), is.child(newCode), label);
      }
    }
    newCodes.values().forEach(code -> changes.add(Kind.RESPONSE_ADDED, old.label(), null, is.child(code).pointer(),
        old.label() + " response " + code + " added", false));
  }

  private void compareContent(Body was, Body is, Scope scope) {
    if (was.content().size() == 1 && is.content().size() == 1 && !was.content().keySet().equals(is.content().keySet())) {
      Media from = was.content().values().iterator().next();
      Media to = is.content().values().iterator().next();
      changes.add(Kind.MEDIA_TYPE_CHANGED, scope.operation(), from.at().pointer(), to.at().pointer(),
          "media type of " + scope.label() + ": " + from.name() + " -> " + to.name(), true);
      compareSchemas(from, to, scope);
      return;
    }
    was.content().forEach((type, media) -> {
      Media now = is.content().get(type);
      if (now == null) {
        changes.add(Kind.MEDIA_TYPE_CHANGED, scope.operation(), media.at().pointer(), null,
            "media type " + media.name() + " of " + scope.label() + " removed", true);
      } else {
        compareSchemas(media, now, scope);
      }
    });
    is.content().forEach((type, media) -> {
      if (!was.content().containsKey(type)) {
        changes.add(Kind.MEDIA_TYPE_CHANGED, scope.operation(), null, media.at().pointer(),
            "media type " + media.name() + " of " + scope.label() + " added", false);
      }
    });
  }

  private void compareSchemas(Media old, Media neu, Scope scope) {
    if (old.schema().present() || neu.schema().present()) {
      schemas.compare(old.schema(), neu.schema(), scope);
    }
  }

  private Body requestBody(Doc doc, Operation operation) {
    if (doc.swagger2()) {
      for (Parameter parameter : operation.parameters()) {
        Site definition = parameter.definition();
        if (definition != null && definition.node().path("in").asText().equals("body")) {
          return new Body(parameter.at(), definition.node().path("required").asBoolean(false),
              swaggerContent(doc, operation, "consumes", definition));
        }
      }
      return null;
    }
    Site at = operation.site().child("requestBody");
    if (!at.present()) {
      return null;
    }
    Site body = doc.resolve(at);
    return body == null ? new Body(at, false, null)
        : new Body(at, body.node().path("required").asBoolean(false), content(body));
  }

  /** The response as written, or null when it is a $ref into another file. */
  private static Body response(Doc doc, Operation operation, Site at) {
    Site response = doc.resolve(at);
    if (response == null) {
      return null;
    }
    return new Body(at, true, doc.swagger2() ? swaggerContent(doc, operation, "produces", response) : content(response));
  }

  private static Map<String, Media> content(Site body) {
    Map<String, Media> content = new LinkedHashMap<>();
    Site media = body.child("content");
    media.node().fieldNames().forEachRemaining(name ->
        content.putIfAbsent(normalized(name), new Media(name, media.child(name), media.child(name).child("schema"))));
    return content;
  }

  /** A Swagger 2.0 schema under each media type the operation (or else the document) consumes or produces. */
  private static Map<String, Media> swaggerContent(Doc doc, Operation operation, String keyword, Site owner) {
    Map<String, Media> content = new LinkedHashMap<>();
    if (!owner.node().has("schema")) {
      return content;
    }
    JsonNode listed = operation.site().node().has(keyword) ? operation.site().node().path(keyword) : doc.root().node().path(keyword);
    List<String> types = new ArrayList<>();
    listed.forEach(type -> types.add(type.asText()));
    for (String type : types.isEmpty() ? DEFAULT_MEDIA_TYPES : types) {
      content.putIfAbsent(normalized(type), new Media(type, owner, owner.child("schema")));
    }
    return content;
  }

  private static String normalized(String mediaType) {
    int parameters = mediaType.indexOf(';');
    return (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
  }

  private void unresolved(Operation old, Site was, Site is, String label) {
    String oldRef = Doc.ref(was.node());
    String newRef = Doc.ref(is.node());
    if (oldRef == null || !oldRef.equals(newRef)) {
      changes.add(Kind.UNRESOLVED_REF, old.label(), was.pointer(), is.pointer(),
          label + ": a $ref into another file is not followed: compare bundled specs to check it", false);
    }
  }
}
