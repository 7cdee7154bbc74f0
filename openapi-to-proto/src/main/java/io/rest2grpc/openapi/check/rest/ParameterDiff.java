package io.rest2grpc.openapi.check.rest;

import io.rest2grpc.openapi.check.rest.Operations.Operation;
import io.rest2grpc.openapi.check.rest.Operations.Parameter;
import io.rest2grpc.openapi.check.rest.RestChange.Kind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Compares the parameters of two matching operations. They match by place and name (header names in
 * any case); path parameters by their position in the template, so a renamed one is a rename, not a
 * removal. Swagger 2.0 body parameters are bodies ({@link BodyDiff}).
 */
final class ParameterDiff {
  private final SchemaDiff schemas;
  private final Changes changes;

  ParameterDiff(SchemaDiff schemas, Changes changes) {
    this.schemas = schemas;
    this.changes = changes;
  }

  void compare(Operation old, Operation neu) {
    Map<String, Parameter> was = byKey(old);
    Map<String, Parameter> is = byKey(neu);
    was.forEach((key, parameter) -> {
      Parameter now = is.get(key);
      if (now == null) {
        removed(old, parameter);
      } else if (parameter.definition() != null) {
        compare(old, parameter, now);
      }
    });
    is.forEach((key, parameter) -> {
      if (!was.containsKey(key)) {
        added(old, parameter);
      }
    });
  }

  private void compare(Operation old, Parameter parameter, Parameter now) {
    String label = describe(parameter) + " of " + old.label();
    String oldName = parameter.definition().node().path("name").asText();
    String newName = now.definition().node().path("name").asText();
    if (!oldName.equalsIgnoreCase(newName)) {
      changes.add(Kind.PARAMETER_RENAMED, old.label(), parameter.at().pointer(), now.at().pointer(),
          label + " renamed to \"" + newName + "\"", false);
    }
    if (!required(parameter) && required(now)) {
      changes.add(Kind.PARAMETER_BECAME_REQUIRED, old.label(), parameter.definition().pointer(), now.definition().pointer(),
          label + " is now required", true);
    }
    schemas.compare(schema(parameter.definition()), schema(now.definition()),
        Scope.of(old.label(), Direction.REQUEST, Kind.PARAMETER_RETYPED, label));
  }

  private void removed(Operation old, Parameter parameter) {
    if (parameter.definition() == null) {
      changes.add(Kind.UNRESOLVED_REF, old.label(), parameter.at().pointer(), null,
          "parameter $ref " + Doc.ref(parameter.at().node()) + " of " + old.label() + " is not followed", false);
    } else {
      changes.add(Kind.PARAMETER_REMOVED, old.label(), parameter.at().pointer(), null,
          describe(parameter) + " of " + old.label() + " removed", true);
    }
  }

  private void added(Operation old, Parameter parameter) {
    if (parameter.definition() == null) {
      changes.add(Kind.UNRESOLVED_REF, old.label(), null, parameter.at().pointer(),
          "parameter $ref " + Doc.ref(parameter.at().node()) + " of " + old.label() + " is not followed", false);
    } else {
      // A path parameter only now declared names a segment the URL already had (a new one is a PATH_CHANGED).
      boolean required = required(parameter);
      boolean path = parameter.definition().node().path("in").asText().equals("path");
      changes.add(Kind.PARAMETER_ADDED, old.label(), null, parameter.at().pointer(),
          describe(parameter) + " of " + old.label() + " added" + (required ? ", required" : ""), required && !path);
    }
  }

  private static Map<String, Parameter> byKey(Operation operation) {
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    for (Parameter parameter : operation.parameters()) {
      if (parameter.definition() == null) {
        byKey.put("$ref " + Doc.ref(parameter.at().node()), parameter);
        continue;
      }
      String in = parameter.definition().node().path("in").asText();
      String name = parameter.definition().node().path("name").asText();
      int position = operation.variables().indexOf(name);
      if (in.equals("path") && position >= 0) {
        byKey.put("path #" + position, parameter);
      } else if (!in.equals("body")) {
        byKey.put(in + " " + (in.equals("header") ? name.toLowerCase(Locale.ROOT) : name), parameter);
      }
    }
    return byKey;
  }

  private static String describe(Parameter parameter) {
    return parameter.definition().node().path("in").asText() + " parameter \""
        + parameter.definition().node().path("name").asText() + "\"";
  }

  private static boolean required(Parameter parameter) {
    return parameter.definition().node().path("required").asBoolean(false);
  }

  /** Its schema (OpenAPI 3, under {@code schema} or {@code content}); in Swagger 2.0 the parameter itself. */
  private static Site schema(Site parameter) {
    if (parameter.node().has("schema")) {
      return parameter.child("schema");
    }
    if (parameter.node().path("content").isObject() && parameter.node().path("content").size() > 0) {
      Site content = parameter.child("content");
      return content.child(content.node().fieldNames().next()).child("schema");
    }
    return parameter;
  }
}
