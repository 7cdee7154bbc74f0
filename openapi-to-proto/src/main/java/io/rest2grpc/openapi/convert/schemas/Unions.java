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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The oneofs of a message: one for a {@code oneOf}/{@code anyOf} (its {@code null} member, or a null
 * placeholder such as {@code {type: object, nullable: true}}, makes the oneof nullable), or one of the
 * subtypes of a base with a discriminator. A variant is named by the discriminator mapping, else the
 * schema it references, else its {@code title}, else its discriminator value, else its shape
 * ({@code string_value}, {@code list_value}, {@code map_value}, {@code struct_value}), else the one
 * constant among an object's properties ({@code type: {enum: [function]}} → {@code function}), else
 * its position ({@code variant_2}). Without a declared discriminator, a
 * property with a constant of its own in every member is the discriminator ({@link ConstDiscriminator});
 * with one, each variant keeps its wire value. A member that is the union's own schema
 * ({@code allOf: [$ref: Base]} plus nothing that changes its shape, or the base named in its own
 * mapping) is a message of the base's own fields, never the union's message inside itself.
 */
final class Unions {
  /** The type of a oneof member; {@code context} names an inline one. */
  @FunctionalInterface
  interface VariantTypes {
    TypeRef of(Normalized variant, String context);
  }

  /** A message named {@code name} of {@code base}'s own fields (not its oneOf or subtypes), made once per {@code key}. */
  @FunctionalInterface
  interface BaseFields {
    TypeRef of(Normalized base, SourceLocation key, String name);
  }

  /** A member of a union: its position, where it is written, what it stands for, and the schema it references (null inline). */
  private record Member(int index, Schema<?> schema, SourceLocation at, Normalized variant, SourceLocation named) {}

  private final RefResolver refs;
  private final SchemaNormalizer normalizer;
  private final Discriminators discriminators;
  private final ConstDiscriminator constants;
  private final VariantTypes variantTypes;
  private final BaseFields baseFields;

  Unions(RefResolver refs, SchemaNormalizer normalizer, Discriminators discriminators, ConstDiscriminator constants,
      VariantTypes variantTypes, BaseFields baseFields) {
    this.refs = refs;
    this.normalizer = normalizer;
    this.discriminators = discriminators;
    this.constants = constants;
    this.variantTypes = variantTypes;
    this.baseFields = baseFields;
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
    boolean nullable = false;
    List<Member> members = new ArrayList<>();
    List<Schema<?>> written = Schemas.oneOrAnyOf(s);
    for (int i = 0; i < written.size(); i++) {
      Schema<?> member = written.get(i);
      SourceLocation memberAt = owner.location().child(keyword).child(i);
      if (Schemas.isNullMember(member)) {
        nullable = true;
        continue;
      }
      // the schema the variant names, before annotation-only wrappers are taken off: two variants
      // may wrap the same schema (allOf: [{$ref: Record}, {example: …}]) and still be told apart
      SourceLocation named = member.get$ref() != null ? refs.schema(member, memberAt).location() : null;
      members.add(new Member(i, member, memberAt, normalizer.normalize(member, memberAt), named));
    }
    List<Normalized> variants = members.stream().map(Member::variant).toList();
    String property = discriminator != null ? discriminator.getPropertyName() : null;
    List<String> wire = property != null ? constants.values(property, variants) : null;
    if (property == null) {
      ConstDiscriminator.Found found = constants.find(variants);
      if (found != null) {
        property = found.property();
        wire = found.values();
      }
    }
    Map<String, String> wireValues = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      String constant = wire == null ? null : wire.get(i);
      String mapped = mappingByLocation.get((m.named() != null ? m.named() : m.variant().location()).toString());
      String wanted = mapped != null ? mapped
          : m.named() != null ? Names.pascal(SchemaNames.of(m.named()), "Variant")
          : m.variant().refName() != null ? m.variant().refName()
          : m.schema().getTitle() != null ? m.schema().getTitle()
          : constant != null ? constant
          : variantName(m.variant(), m.index(), constants.ownConstant(m.variant()));
      String fieldName = message.fieldName(Names.snake(wanted));
      String context = message.name() + Names.pascal(fieldName, "Variant");
      TypeRef type = isOwn(m.variant(), message, owner)
          ? baseFields.of(m.variant(), m.named() != null ? m.named() : m.at(),
              m.named() != null ? Names.pascal(SchemaNames.of(m.named()), "Variant") : context)
          : variantTypes.of(m.variant(), context);
      message.add(m.at(), fieldName, type, Cardinality.SINGULAR, null, oneof, List.of(), false, m.variant().description());
      if (property != null) {
        wireValues.put(mapped != null ? mapped : constant != null ? constant
            : m.named() != null ? SchemaNames.of(m.named()) : fieldName, fieldName);
      }
    }
    message.oneof(oneof, new OneofOptions(keyword.equals("oneOf") ? UnionKind.UNION_KIND_ONE_OF : UnionKind.UNION_KIND_ANY_OF,
        property, property != null ? wireValues : null, nullable));
  }

  /**
   * Adds the oneof of {@code base}'s subtypes ("any subtype"), named after the message; the base
   * itself is a variant where its mapping names it.
   */
  void addSubtypes(MessageBuilder message, Normalized base, List<Located<Schema>> subtypes) {
    Discriminator discriminator = base.schema().getDiscriminator();
    String oneof = message.fieldName(Names.snake(message.name()));
    Map<String, String> mappingByLocation = discriminators.mappingByLocation(discriminator, base.location());
    Map<String, String> wireValues = new LinkedHashMap<>();
    String itself = mappingByLocation.get(base.location().toString());
    if (itself != null) {
      String wanted = Names.snake(itself);
      // the oneof is named after the message, and so often is the base's own mapping key: pet_base, not pet_2
      String fieldName = message.fieldName(wanted.equals(oneof) ? wanted + "_base" : wanted);
      TypeRef type = baseFields.of(base, base.location().child("discriminator").child("mapping").child(itself), message.name() + "Base");
      message.add(base.location(), fieldName, type, Cardinality.SINGULAR, null, oneof, List.of(), false, base.description());
      wireValues.put(itself, fieldName);
    }
    for (Located<Schema> subtype : subtypes) {
      Normalized variant = normalizer.normalize(subtype.value(), subtype.location());
      String mapped = mappingByLocation.get(subtype.location().toString());
      String fieldName = message.fieldName(Names.snake(mapped != null ? mapped : SchemaNames.of(subtype.location())));
      TypeRef type = variant.location().equals(base.location())
          ? baseFields.of(base, subtype.location(), Names.pascal(SchemaNames.of(subtype.location()), "Variant"))
          : variantTypes.of(variant, message.name() + Names.pascal(fieldName, "Variant"));
      message.add(subtype.location(), fieldName, type, Cardinality.SINGULAR, null, oneof, List.of(), false, variant.description());
      wireValues.put(mapped != null ? mapped : SchemaNames.of(subtype.location()), fieldName);
    }
    message.oneof(oneof, new OneofOptions(UnionKind.UNION_KIND_SUBTYPES, discriminator.getPropertyName(), wireValues, false));
  }

  /** Whether the variant is the schema of the message the union is in (typed as it, it would hold itself). */
  private static boolean isOwn(Normalized variant, MessageBuilder message, Located<Schema> owner) {
    return variant.location().equals(message.source()) || variant.location().equals(owner.location());
  }

  /** The name of a member that has no name of its own: its shape, its own constant ({@code ownConstant}), else its position. */
  private static String variantName(Normalized variant, int index, String ownConstant) {
    Schema<?> s = variant.schema();
    Set<String> types = Schemas.types(s);
    if (types.size() == 1) {
      String type = types.iterator().next();
      boolean plainObject = type.equals("object") && !Schemas.hasProperties(s) && Schemas.allOf(s).isEmpty()
          && Schemas.oneOrAnyOf(s).isEmpty();
      return switch (type) {
        case "string", "integer", "number", "boolean" -> type + "_value";
        case "array" -> "list_value";
        case "object" -> !plainObject ? (ownConstant != null ? ownConstant : "variant_" + (index + 1))
            : Schemas.additionalProperties(s) instanceof Schema<?> ? "map_value" : "struct_value";
        default -> "variant_" + (index + 1);
      };
    }
    return "variant_" + (index + 1);
  }
}
