package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Set;

/**
 * Follows a schema to the one that decides its type: through {@code $ref}s, through an {@code allOf}
 * of one schema (members that only annotate, such as {@code {description: …}}, do not count) and
 * through a {@code oneOf}/{@code anyOf} of one schema and {@code null} or a null placeholder
 * ({@link Schemas#isNullMember}: {@code anyOf: [$ref X, {type: object, nullable: true}]} is a
 * nullable X), collecting nullability and the description on the way. A schema with properties, a
 * discriminator, an enum, a map or a type other than object stops the walk.
 */
final class SchemaNormalizer {
  private static final int MAX_STEPS = 64;

  private final RefResolver refs;
  private final TypeNaming naming;

  SchemaNormalizer(RefResolver refs, TypeNaming naming) {
    this.refs = refs;
    this.naming = naming;
  }

  Normalized normalize(Schema<?> given, SourceLocation location) {
    Schema<?> schema = given == null ? new Schema<>() : given;
    Schema<?> current = schema;
    SourceLocation at = location;
    String refName = null;
    boolean nullable = false;
    String description = schema.getDescription();
    for (int guard = 0; guard < MAX_STEPS; guard++) {
      nullable |= Schemas.allowsNull(current);
      if (current.get$ref() != null) {
        Located<Schema> target = refs.schema(current, at);
        current = target.value();
        at = target.location();
        refName = naming.refName(at);
        continue;
      }
      List<Schema<?>> members = !Schemas.allOf(current).isEmpty() ? Schemas.allOf(current) : Schemas.oneOrAnyOf(current);
      boolean composesOnlyOneThing = Schemas.allOf(current).isEmpty() || Schemas.oneOrAnyOf(current).isEmpty();
      if (members.isEmpty() || !composesOnlyOneThing || Schemas.hasProperties(current) || current.getDiscriminator() != null
          || Schemas.additionalProperties(current) != null || (current.getEnum() != null && !current.getEnum().isEmpty())
          || !Set.of("object").containsAll(Schemas.types(current))) {
        break;
      }
      boolean allOf = !Schemas.allOf(current).isEmpty();
      int kept = -1;
      int others = 0;
      boolean nullMember = false;
      String annotation = null;
      for (int i = 0; i < members.size(); i++) {
        Schema<?> member = members.get(i);
        if (allOf ? Schemas.isNullOnly(member) : Schemas.isNullMember(member)) {
          nullMember = true;
        } else if (allOf && Schemas.isShapeless(member)) {
          // allOf: [{$ref: X}, {description: …, example: …}] annotates X; it does not compose
          nullMember |= Schemas.allowsNull(member);
          annotation = annotation != null ? annotation : member.getDescription();
        } else {
          kept = i;
          others++;
        }
      }
      if (others != 1) {
        break;
      }
      nullable |= nullMember;
      String keyword = allOf ? "allOf" : Schemas.unionKeyword(current);
      if (description == null) {
        description = current.getDescription() != null ? current.getDescription() : annotation;
      }
      current = members.get(kept);
      at = at.child(keyword).child(kept);
    }
    if (description == null) {
      description = current.getDescription();
    }
    return new Normalized(current, at, refName, nullable, description);
  }
}
