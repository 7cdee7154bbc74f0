package io.rest2grpc.openapi.check.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.check.rest.RestChange.Kind;
import io.rest2grpc.openapi.compat.SchemaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two schemas written at corresponding places, recursing only into what is written inline
 * there (properties, items, map values, oneOf/anyOf members; allOf merged), so every change points
 * at the exact place it was made. A {@code $ref} is compared by the name it points at: the same name
 * is left to that component's own comparison, another name is a {@code SCHEMA_REPLACED}, breaking
 * only if the two are structurally different.
 */
final class SchemaDiff {
  private final Doc before;
  private final Doc after;
  private final Changes changes;

  SchemaDiff(Doc before, Doc after, Changes changes) {
    this.before = before;
    this.after = after;
    this.changes = changes;
  }

  void compare(Site old, Site neu, Scope scope) {
    boolean wasNullable = nullable(old.node());
    if (wasNullable != nullable(neu.node())) {
      changes.add(Kind.NULLABILITY_CHANGED, scope.operation(), old.pointer(), neu.pointer(),
          scope.label() + (wasNullable ? ": no longer nullable" : ": now nullable"), !wasNullable && scope.direction().response());
    }
    old = unwrap(old);
    neu = unwrap(neu);
    String oldRef = Doc.ref(old.node());
    String newRef = Doc.ref(neu.node());
    if (oldRef != null || newRef != null) {
      compareReferences(old, oldRef, neu, newRef, scope);
      return;
    }
    SchemaType oldType = SchemaType.of(old.node());
    SchemaType newType = SchemaType.of(neu.node());
    SchemaType.Change change = oldType.changeTo(newType);
    if (change != SchemaType.Change.SAME) {
      changes.add(scope.retype(), scope.operation(), old.pointer(), neu.pointer(),
          scope.label() + ": " + oldType + " -> " + newType + (change == SchemaType.Change.REFINED ? " (refined)" : ""),
          change == SchemaType.Change.BREAKING);
      // a free-form object given properties: what they require of a request is judged below
      if (change != SchemaType.Change.REFINED || !newType.name().equals("object")) {
        return;
      }
    }
    compareDefaults(old, neu, scope);
    compareProperties(old, neu, scope);
    compareChild(old, neu, "items", scope.items());
    compareChild(old, neu, "additionalProperties", scope.values());
    compareEnums(old, neu, scope);
    compareVariants(old, neu, "oneOf", scope);
    compareVariants(old, neu, "anyOf", scope);
  }

  /** {@code allOf: [X]} with nothing beside it but annotations (a common way to document a $ref) is X. */
  static Site unwrap(Site schema) {
    JsonNode node = schema.node();
    while (node.isObject() && node.path("allOf").size() == 1 && !node.has("$ref") && !node.has("properties")
        && !node.has("type") && !node.has("items") && !node.has("additionalProperties") && !node.has("enum")
        && !node.has("oneOf") && !node.has("anyOf")) {
      schema = schema.child("allOf").child(0);
      node = schema.node();
    }
    return schema;
  }

  private void compareReferences(Site old, String oldRef, Site neu, String newRef, Scope scope) {
    if (oldRef != null && newRef != null && before.identity(oldRef).equals(after.identity(newRef))) {
      return;
    }
    String change = scope.label() + ": " + describe(before, old, oldRef) + " -> " + describe(after, neu, newRef);
    if (Doc.external(oldRef) || Doc.external(newRef)) {
      changes.add(Kind.UNRESOLVED_REF, scope.operation(), old.pointer(), neu.pointer(),
          change + "; a $ref into another file is not followed: compare bundled specs to check it", false);
      return;
    }
    String difference = new Structure(before, after).difference(old, neu);
    changes.add(Kind.SCHEMA_REPLACED, scope.operation(), old.pointer(), neu.pointer(),
        change + (difference == null ? ", same structure" : ", " + difference), difference != null);
  }

  private static String describe(Doc doc, Site schema, String ref) {
    if (ref == null) {
      return "inline " + SchemaType.of(schema.node());
    }
    String name = doc.schemaName(ref);
    return "$ref " + (name != null ? name : ref);
  }

  private void compareProperties(Site old, Site neu, Scope scope) {
    Properties was = Properties.of(before, old);
    Properties is = Properties.of(after, neu);
    was.byName().forEach((name, property) -> {
      Properties.Property now = is.byName().get(name);
      if (now == null) {
        if (!is.covers(property.origin())) {
          changes.add(Kind.PROPERTY_REMOVED, scope.operation(), property.site().pointer(), null,
              "property \"" + name + "\" of " + scope.path() + " removed", true);
        }
        return;
      }
      if (was.requiredBy().containsKey(name) && !is.requiredBy().containsKey(name) && !is.covers(was.requiredBy().get(name))) {
        changes.add(Kind.PROPERTY_BECAME_OPTIONAL, scope.operation(), property.site().pointer(), now.site().pointer(),
            "property \"" + name + "\" of " + scope.path() + " is no longer required", scope.direction().response());
      }
      String requiredBy = is.requiredBy().get(name);
      if (requiredBy != null && !was.requiredBy().containsKey(name) && !was.covers(requiredBy)) {
        changes.add(Kind.PROPERTY_BECAME_REQUIRED, scope.operation(), property.site().pointer(), now.site().pointer(),
            "property \"" + name + "\" of " + scope.path() + " is now required",
            scope.direction().request() && !readOnly(after, now.site()));
      }
      if (property.origin().isEmpty() || !property.origin().equals(now.origin())) {
        compare(property.site(), now.site(), scope.property(name));
      }
    });
    is.byName().forEach((name, property) -> {
      if (!was.byName().containsKey(name) && !was.covers(property.origin())) {
        boolean required = is.requiredBy().containsKey(name);
        changes.add(Kind.PROPERTY_ADDED, scope.operation(), null, property.site().pointer(),
            "property \"" + name + "\" of " + scope.path() + " added" + (required ? ", required" : ""),
            required && scope.direction().request() && !readOnly(after, property.site()));
      }
    });
  }

  /** What an absent value means: breaking when it changes, not when one is first given. */
  private void compareDefaults(Site old, Site neu, Scope scope) {
    JsonNode was = old.node().get("default");
    JsonNode is = neu.node().get("default");
    if (!Objects.equals(was, is)) {
      changes.add(Kind.DEFAULT_CHANGED, scope.operation(), old.pointer(), neu.pointer(),
          scope.label() + ": default " + (was == null ? "none" : was.toString()) + " -> " + (is == null ? "none" : is.toString()), was != null);
    }
  }

  /** {@code nullable} (3.0), {@code x-nullable} (2.0), a 3.1 type list with "null", or a {@code {type: "null"}} member of anyOf/oneOf. */
  private static boolean nullable(JsonNode schema) {
    if (schema.path("nullable").asBoolean(false) || schema.path("x-nullable").asBoolean(false)) {
      return true;
    }
    for (JsonNode type : schema.path("type")) {
      if ("null".equals(type.asText())) {
        return true;
      }
    }
    for (String union : List.of("anyOf", "oneOf")) {
      for (JsonNode member : schema.path(union)) {
        if ("null".equals(member.path("type").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  /** A read-only property is never sent by a client, so requiring it breaks no request. */
  private static boolean readOnly(Doc doc, Site property) {
    Site schema = doc.resolve(property);
    return schema != null && schema.node().path("readOnly").asBoolean(false);
  }

  private void compareChild(Site old, Site neu, String keyword, Scope scope) {
    if (old.node().path(keyword).isObject() && neu.node().path(keyword).isObject()) {
      compare(old.child(keyword), neu.child(keyword), scope);
    }
  }

  private void compareEnums(Site old, Site neu, Scope scope) {
    Set<JsonNode> was = new HashSet<>();
    old.node().path("enum").forEach(was::add);
    Set<JsonNode> is = new HashSet<>();
    neu.node().path("enum").forEach(is::add);
    for (int i = 0; i < old.node().path("enum").size(); i++) {
      JsonNode value = old.node().path("enum").get(i);
      if (!is.contains(value)) {
        changes.add(Kind.ENUM_VALUE_REMOVED, scope.operation(), old.child("enum").child(i).pointer(), null,
            "enum value " + value + " of " + scope.label() + " removed", scope.direction().request());
      }
    }
    for (int i = 0; i < neu.node().path("enum").size(); i++) {
      JsonNode value = neu.node().path("enum").get(i);
      if (!was.contains(value)) {
        changes.add(Kind.ENUM_VALUE_ADDED, scope.operation(), null, neu.child("enum").child(i).pointer(),
            "enum value " + value + " of " + scope.label() + " added", false);
      }
    }
  }

  /** Members that are $refs are matched by name, inline ones by their order among the inline ones. */
  private void compareVariants(Site old, Site neu, String keyword, Scope scope) {
    Map<String, Site> oldRefs = new LinkedHashMap<>();
    List<Site> oldInline = new ArrayList<>();
    split(before, old.child(keyword), oldRefs, oldInline);
    Map<String, Site> newRefs = new LinkedHashMap<>();
    List<Site> newInline = new ArrayList<>();
    split(after, neu.child(keyword), newRefs, newInline);
    oldRefs.forEach((identity, member) -> {
      if (!newRefs.containsKey(identity)) {
        variantRemoved(member, identity, keyword, scope);
      }
    });
    newRefs.forEach((identity, member) -> {
      if (!oldRefs.containsKey(identity)) {
        variantAdded(member, identity, keyword, scope);
      }
    });
    for (int i = 0; i < Math.max(oldInline.size(), newInline.size()); i++) {
      if (i >= newInline.size()) {
        variantRemoved(oldInline.get(i), "an inline " + SchemaType.of(oldInline.get(i).node()), keyword, scope);
      } else if (i >= oldInline.size()) {
        variantAdded(newInline.get(i), "an inline " + SchemaType.of(newInline.get(i).node()), keyword, scope);
      } else {
        compare(oldInline.get(i), newInline.get(i), scope.member(keyword, i));
      }
    }
  }

  private static void split(Doc doc, Site members, Map<String, Site> refs, List<Site> inline) {
    for (int i = 0; i < members.node().size(); i++) {
      Site member = unwrap(members.child(i));
      String ref = Doc.ref(member.node());
      if (ref != null) {
        refs.putIfAbsent(doc.identity(ref), member);
      } else {
        inline.add(member);
      }
    }
  }

  /** A value the server accepted is refused: breaking in a request; a response only promises less. */
  private void variantRemoved(Site member, String what, String keyword, Scope scope) {
    changes.add(Kind.VARIANT_REMOVED, scope.operation(), member.pointer(), null,
        what + " removed from the " + keyword + " of " + scope.label(), scope.direction().request());
  }

  private void variantAdded(Site member, String what, String keyword, Scope scope) {
    changes.add(Kind.VARIANT_ADDED, scope.operation(), null, member.pointer(),
        what + " added to the " + keyword + " of " + scope.label(), false);
  }
}
