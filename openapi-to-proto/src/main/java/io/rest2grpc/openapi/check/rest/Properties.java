package io.rest2grpc.openapi.check.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The properties of an object schema with those of its {@code allOf} members merged in, so moving a
 * property between a schema and its members is no change. Each property and each required name
 * records its origin: the component a {@code $ref}'d member brought it from ("" when written in
 * this schema or an inline member), whose own comparison already covers it.
 *
 * @param origins the components {@code $ref}'d as members, directly or through inline members
 */
record Properties(Map<String, Property> byName, Map<String, String> requiredBy, Set<String> origins) {

  record Property(Site site, String origin) {}

  static Properties of(Doc doc, Site schema) {
    Properties merged = new Properties(new TreeMap<>(), new TreeMap<>(), new HashSet<>());
    merged.collect(doc, schema, "", new HashSet<>());
    return merged;
  }

  /** Whether a fact of this origin is covered by comparing the origin component itself. */
  boolean covers(String origin) {
    return !origin.isEmpty() && origins.contains(origin);
  }

  private void collect(Doc doc, Site schema, String origin, Set<String> seen) {
    if (!schema.node().isObject() || !seen.add(schema.pointer())) {
      return;
    }
    Site properties = schema.child("properties");
    properties.node().fieldNames().forEachRemaining(name -> byName.putIfAbsent(name, new Property(properties.child(name), origin)));
    for (JsonNode name : schema.node().path("required")) {
      requiredBy.putIfAbsent(name.asText(), origin);
    }
    Site members = schema.child("allOf");
    for (int i = 0; i < members.node().size(); i++) {
      Site member = members.child(i);
      String name = doc.schemaName(Doc.ref(member.node()));
      String memberOrigin = origin.isEmpty() && name != null ? name : origin;
      if (origin.isEmpty() && name != null) {
        origins.add(name);
      }
      Site target = doc.resolve(member);
      if (target != null) {
        collect(doc, target, memberOrigin, seen);
      }
    }
  }
}
