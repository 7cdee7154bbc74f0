package io.rest2grpc.openapi.check.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations of one document, in document order, and the path items or operations given as a
 * {@code $ref} into another file (not followed, so not compared).
 */
record Operations(List<Operation> all, List<Site> unresolved) {
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]*)}");

  /**
   * One operation with its parameters, path-item ones first, each as listed ({@code at}, maybe a
   * {@code $ref}) and as resolved ({@code definition}, null when the $ref leads out of the file).
   */
  record Operation(String method, String path, Site site, List<Parameter> parameters) {
    String label() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    /** Method and path template with the variables' names left out: {@code GET /pets/{}}. */
    String route() {
      return method.toUpperCase(Locale.ROOT) + " " + VARIABLE.matcher(path).replaceAll("{}");
    }

    String operationId() {
      return site.node().path("operationId").asText(null);
    }

    /** The names of the path variables, in template order. */
    List<String> variables() {
      List<String> names = new ArrayList<>();
      Matcher m = VARIABLE.matcher(path);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }
  }

  record Parameter(Site at, Site definition) {}

  static Operations of(Doc doc) {
    List<Operation> all = new ArrayList<>();
    List<Site> unresolved = new ArrayList<>();
    Site paths = doc.root().child("paths");
    paths.node().fieldNames().forEachRemaining(path -> {
      Site item = doc.resolve(paths.child(path));
      if (item == null) {
        unresolved.add(paths.child(path));
        return;
      }
      for (String method : METHODS) {
        if (!item.node().has(method)) {
          continue;
        }
        Site operation = doc.resolve(item.child(method));
        if (operation == null) {
          unresolved.add(item.child(method));
        } else {
          all.add(new Operation(method, path, operation, parameters(doc, item, operation)));
        }
      }
    });
    return new Operations(List.copyOf(all), List.copyOf(unresolved));
  }

  /** Path-item parameters, then the operation's, which replace those of the same name and place. */
  private static List<Parameter> parameters(Doc doc, Site item, Site operation) {
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    for (Site list : List.of(item.child("parameters"), operation.child("parameters"))) {
      for (int i = 0; i < list.node().size(); i++) {
        Site at = list.child(i);
        Site definition = doc.resolve(at);
        String key = definition == null ? Doc.ref(at.node())
            : definition.node().path("in").asText() + " " + definition.node().path("name").asText();
        byKey.put(key, new Parameter(at, definition));
      }
    }
    return List.copyOf(byKey.values());
  }
}
