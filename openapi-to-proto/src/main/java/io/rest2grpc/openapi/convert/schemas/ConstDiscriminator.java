package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The discriminator a union carries without declaring one: the property every member declares with
 * a constant of its own ({@code const}, or an enum of one string), different in each member, such as
 * {@code event: {enum: [thread.run.created]}}. The wire value picks the member, and names it.
 */
final class ConstDiscriminator {
  private final RefResolver refs;
  private final SchemaNormalizer normalizer;

  ConstDiscriminator(RefResolver refs, SchemaNormalizer normalizer) {
    this.refs = refs;
    this.normalizer = normalizer;
  }

  /** The property and each member's constant, in member order. */
  record Found(String property, List<String> values) {}

  /** The implicit discriminator of {@code members} (normalized, at least two), or null when none. */
  Found find(List<Normalized> members) {
    if (members.size() < 2) {
      return null;
    }
    List<Map<String, Located<Schema>>> properties = members.stream().map(m -> properties(m.schema(), m.location())).toList();
    for (String property : properties.get(0).keySet()) {
      List<String> values = constants(property, properties);
      if (values != null && new HashSet<>(values).size() == values.size()) {
        return new Found(property, values);
      }
    }
    return null;
  }

  /** Each member's constant for {@code property}, in member order; null when a member has none. */
  List<String> values(String property, List<Normalized> members) {
    return constants(property, members.stream().map(m -> properties(m.schema(), m.location())).toList());
  }

  /**
   * The constant of a member's own, when exactly one of its properties has one ({@code type: {enum:
   * [function]}} → function): what it is called where the union has no discriminator to name it by.
   */
  String ownConstant(Normalized member) {
    List<String> found = properties(member.schema(), member.location()).values().stream().map(this::constant)
        .filter(Objects::nonNull).toList();
    return found.size() == 1 ? found.get(0) : null;
  }

  private List<String> constants(String property, List<Map<String, Located<Schema>>> members) {
    List<String> values = new ArrayList<>(members.size());
    for (Map<String, Located<Schema>> member : members) {
      Located<Schema> declared = member.get(property);
      String value = declared == null ? null : constant(declared);
      if (value == null) {
        return null;
      }
      values.add(value);
    }
    return values;
  }

  private String constant(Located<Schema> property) {
    Schema<?> s = normalizer.normalize(property.value(), property.location()).schema();
    Object value = s.getConst() != null ? s.getConst() : s.getEnum() != null && s.getEnum().size() == 1 ? s.getEnum().get(0) : null;
    return value instanceof String text && !text.isEmpty() ? text : null;
  }

  /** The properties a member declares itself or through its allOf, the last declaration winning. */
  private Map<String, Located<Schema>> properties(Schema<?> s, SourceLocation at) {
    Map<String, Located<Schema>> into = new LinkedHashMap<>();
    collect(s, at, into, new HashSet<>());
    return into;
  }

  private void collect(Schema<?> s, SourceLocation at, Map<String, Located<Schema>> into, Set<String> visiting) {
    if (!visiting.add(at.toString())) {
      return;
    }
    List<Schema<?>> members = Schemas.allOf(s);
    for (int i = 0; i < members.size(); i++) {
      SourceLocation memberAt = at.child("allOf").child(i);
      Located<Schema> member = members.get(i).get$ref() != null ? refs.schema(members.get(i), memberAt)
          : new Located<>(members.get(i), memberAt);
      collect(member.value(), member.location(), into, visiting);
    }
    if (s.getProperties() != null) {
      s.getProperties().forEach((name, property) -> {
        if (property != null) {
          into.put(name, new Located<>(property, at.child("properties").child(name)));
        }
      });
    }
  }
}
