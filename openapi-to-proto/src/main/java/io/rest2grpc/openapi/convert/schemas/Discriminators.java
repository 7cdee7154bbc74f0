package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subtypes of a schema with a discriminator: its mapping's targets, then the components that
 * extend it through {@code allOf: [$ref]} (indexed from all components before any is converted);
 * and the discriminator value of each subtype.
 */
final class Discriminators {
  private final RefResolver refs;
  /** Parent schema location → the components whose {@code allOf} references it, in declaration order. */
  private final Map<String, List<Located<Schema>>> allOfChildren = new LinkedHashMap<>();

  Discriminators(RefResolver refs) {
    this.refs = refs;
  }

  void indexAllOfParents(Located<Schema> component) {
    List<Schema<?>> members = Schemas.allOf(component.value());
    for (int i = 0; i < members.size(); i++) {
      Schema<?> member = members.get(i);
      if (member.get$ref() != null) {
        Located<Schema> parent = refs.schema(member, component.location().child("allOf").child(i));
        allOfChildren.computeIfAbsent(parent.location().toString(), k -> new ArrayList<>()).add(component);
      }
    }
  }

  List<Located<Schema>> subtypes(Schema<?> base, SourceLocation at) {
    List<Located<Schema>> result = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    seen.add(at.toString());
    Discriminator discriminator = base.getDiscriminator();
    if (discriminator != null && discriminator.getMapping() != null) {
      for (Map.Entry<String, String> entry : discriminator.getMapping().entrySet()) {
        Located<Schema> target = resolveMapping(entry.getValue(), at);
        if (seen.add(target.location().toString())) {
          result.add(target);
        }
      }
    }
    for (Located<Schema> child : allOfChildren.getOrDefault(at.toString(), List.of())) {
      if (seen.add(child.location().toString())) {
        result.add(child);
      }
    }
    return result;
  }

  Map<String, String> mappingByLocation(Discriminator discriminator, SourceLocation at) {
    Map<String, String> byLocation = new HashMap<>();
    if (discriminator != null && discriminator.getMapping() != null) {
      discriminator.getMapping().forEach((value, ref) ->
          byLocation.putIfAbsent(resolveMapping(ref, at).location().toString(), value));
    }
    return byLocation;
  }

  private Located<Schema> resolveMapping(String ref, SourceLocation at) {
    Schema<?> pointer = new Schema<>();
    pointer.set$ref(ref.contains("#") || ref.contains(".") || ref.contains("/") ? ref : "#/components/schemas/" + ref);
    return refs.schema(pointer, at.child("discriminator").child("mapping"));
  }
}
