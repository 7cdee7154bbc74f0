package io.rest2grpc.openapi.check.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.compat.SchemaType;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether two schemas, one of each version, describe the same JSON: every {@code $ref} followed, allOf
 * merged, property names, required names, types, enum values, items, map values and oneOf/anyOf
 * members compared. A pair met again while it is being compared (a recursive schema) is taken as equal.
 */
final class Structure {
  private final Doc before;
  private final Doc after;
  private final Set<String> seen = new HashSet<>();

  Structure(Doc before, Doc after) {
    this.before = before;
    this.after = after;
  }

  /** The first difference, as a short phrase ({@code "different structure at \"owner.name\": ..."}), or null. */
  String difference(Site old, Site neu) {
    return difference(old, neu, "");
  }

  private String difference(Site old, Site neu, String path) {
    old = resolve(before, old);
    neu = resolve(after, neu);
    if (old == null || neu == null) {
      return old == neu ? null : at(path) + "a $ref does not resolve";
    }
    if (!seen.add(old.pointer() + " " + neu.pointer())) {
      return null;
    }
    SchemaType oldType = SchemaType.of(old.node());
    SchemaType newType = SchemaType.of(neu.node());
    if (!oldType.equals(newType)) {
      return at(path) + oldType + " -> " + newType;
    }
    Properties was = Properties.of(before, old);
    Properties is = Properties.of(after, neu);
    for (String name : union(was.byName().keySet(), is.byName().keySet())) {
      if (!is.byName().containsKey(name) || !was.byName().containsKey(name)) {
        return at(path) + "property \"" + name + "\" " + (is.byName().containsKey(name) ? "added" : "removed");
      }
    }
    if (!was.requiredBy().keySet().equals(is.requiredBy().keySet())) {
      return at(path) + "required " + was.requiredBy().keySet() + " -> " + is.requiredBy().keySet();
    }
    for (String name : was.byName().keySet()) {
      String difference = difference(was.byName().get(name).site(), is.byName().get(name).site(), path + "." + name);
      if (difference != null) {
        return difference;
      }
    }
    if (!values(old.node().path("enum")).equals(values(neu.node().path("enum")))) {
      return at(path) + "enum " + old.node().path("enum") + " -> " + neu.node().path("enum");
    }
    for (String keyword : new String[] {"items", "additionalProperties"}) {
      if (old.node().path(keyword).isObject() && neu.node().path(keyword).isObject()) {
        String difference = difference(old.child(keyword), neu.child(keyword), path + "." + keyword);
        if (difference != null) {
          return difference;
        }
      }
    }
    for (String keyword : new String[] {"oneOf", "anyOf"}) {
      int count = old.node().path(keyword).size();
      if (count != neu.node().path(keyword).size()) {
        return at(path) + keyword + " of " + count + " -> " + neu.node().path(keyword).size();
      }
      for (int i = 0; i < count; i++) {
        String difference = difference(old.child(keyword).child(i), neu.child(keyword).child(i), path + "." + keyword + "[" + i + "]");
        if (difference != null) {
          return difference;
        }
      }
    }
    return null;
  }

  /** Through $refs and allOf wrappers to the schema itself; null when a $ref does not resolve or they go round. */
  private static Site resolve(Doc doc, Site schema) {
    Site at = schema;
    for (int hops = 0; hops < 64 && at != null; hops++) {
      Site unwrapped = SchemaDiff.unwrap(at);
      if (Doc.ref(unwrapped.node()) == null) {
        return unwrapped;
      }
      at = doc.resolve(unwrapped);
    }
    return null;
  }

  private static String at(String path) {
    return "different structure" + (path.isEmpty() ? ": " : " at \"" + path.substring(1) + "\": ");
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static Set<JsonNode> values(JsonNode array) {
    Set<JsonNode> values = new HashSet<>();
    array.forEach(values::add);
    return values;
  }
}
