package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.proto.OneofOptions;
import io.rest2grpc.openapi.proto.ProtoField.Cardinality;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.options.v1.UnionKind;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The oneofs of a message: one for a {@code oneOf}/{@code anyOf} (its {@code null} member makes the
 * oneof nullable), or one of the subtypes of a base with a discriminator. A variant is named by the
 * discriminator mapping, else the schema it references, else its {@code title}, else its type
 * ({@code string_value}, {@code list_value}, {@code variant_2}); with a discriminator, each variant
 * keeps its wire value.
 */
final class Unions {
  /** The type of a oneof member; {@code context} names an inline one. */
  @FunctionalInterface
  interface VariantTypes {
    TypeRef of(Normalized variant, String context);
  }

  private final RefResolver refs;
  private final SchemaNormalizer normalizer;
  private final Discriminators discriminators;
  private final VariantTypes variantTypes;

  Unions(RefResolver refs, SchemaNormalizer normalizer, Discriminators discriminators, VariantTypes variantTypes) {
    this.refs = refs;
    this.normalizer = normalizer;
    this.discriminators = discriminators;
    this.variantTypes = variantTypes;
  }

  /**
   * Adds the oneof of the union written at {@code owner}; named after the message when it is the
   * message's only member, else {@code variant}.
   */
  void add(MessageBuilder message, Located<Schema> owner, boolean onlyMember) {
    Schema<?> s = owner.value();
    String keyword = Schemas.unionKeyword(s);
    String oneof = message.fieldName(onlyMember ? Names.snake(message.name()) : "variant");
    Discriminator discriminator = s.getDiscriminator();
    Map<String, String> mappingByLocation = discriminators.mappingByLocation(discriminator, owner.location());
    Map<String, String> wireValues = new LinkedHashMap<>();
    boolean nullable = false;
    List<Schema<?>> members = Schemas.oneOrAnyOf(s);
    for (int i = 0; i < members.size(); i++) {
      Schema<?> member = members.get(i);
      SourceLocation memberAt = owner.location().child(keyword).child(i);
      if (Schemas.isNullOnly(member)) {
        nullable = true;
        continue;
      }
      Normalized variant = normalizer.normalize(member, memberAt);
      // the schema the variant names, before annotation-only wrappers are taken off: two variants
      // may wrap the same schema (allOf: [{$ref: Record}, {example: …}]) and still be told apart
      SourceLocation named = member.get$ref() != null ? refs.schema(member, memberAt).location() : null;
      String mapped = mappingByLocation.get((named != null ? named : variant.location()).toString());
      String wanted = mapped != null ? mapped
          : named != null ? Names.pascal(SchemaNames.of(named), "Variant")
          : variant.refName() != null ? variant.refName()
          : member.getTitle() != null ? member.getTitle()
          : variantName(variant, i);
      String fieldName = message.fieldName(Names.snake(wanted));
      TypeRef type = variantTypes.of(variant, message.name() + Names.pascal(fieldName, "Variant"));
      message.add(memberAt, fieldName, type, Cardinality.SINGULAR, null, oneof, List.of(), false, variant.description());
      if (discriminator != null) {
        wireValues.put(mapped != null ? mapped : named != null ? SchemaNames.of(named) : fieldName, fieldName);
      }
    }
    boolean named = discriminator != null && discriminator.getPropertyName() != null;
    message.oneof(oneof, new OneofOptions(keyword.equals("oneOf") ? UnionKind.UNION_KIND_ONE_OF : UnionKind.UNION_KIND_ANY_OF,
        named ? discriminator.getPropertyName() : null, named ? wireValues : null, nullable));
  }

  /** Adds the oneof of {@code base}'s subtypes ("any subtype"), named after the message. */
  void addSubtypes(MessageBuilder message, Normalized base, List<Located<Schema>> subtypes) {
    Discriminator discriminator = base.schema().getDiscriminator();
    String oneof = message.fieldName(Names.snake(message.name()));
    Map<String, String> mappingByLocation = discriminators.mappingByLocation(discriminator, base.location());
    Map<String, String> wireValues = new LinkedHashMap<>();
    for (Located<Schema> subtype : subtypes) {
      Normalized variant = normalizer.normalize(subtype.value(), subtype.location());
      String mapped = mappingByLocation.get(subtype.location().toString());
      String fieldName = message.fieldName(Names.snake(mapped != null ? mapped : SchemaNames.of(subtype.location())));
      TypeRef type = variantTypes.of(variant, message.name() + Names.pascal(fieldName, "Variant"));
      message.add(subtype.location(), fieldName, type, Cardinality.SINGULAR, null, oneof, List.of(), false, variant.description());
      wireValues.put(mapped != null ? mapped : SchemaNames.of(subtype.location()), fieldName);
    }
    message.oneof(oneof, new OneofOptions(UnionKind.UNION_KIND_SUBTYPES, discriminator.getPropertyName(), wireValues, false));
  }

  private static String variantName(Normalized variant, int index) {
    Set<String> types = Schemas.types(variant.schema());
    if (types.size() == 1) {
      String type = types.iterator().next();
      return switch (type) {
        case "string", "integer", "number", "boolean" -> type + "_value";
        case "array" -> "list_value";
        default -> "variant_" + (index + 1);
      };
    }
    return "variant_" + (index + 1);
  }
}
