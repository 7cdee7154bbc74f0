package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.convert.schemas.Compositions.Members;
import io.rest2grpc.openapi.diagnostics.Problems;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.naming.ChosenNames;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.proto.FieldOptions;
import io.rest2grpc.openapi.proto.JsonValue;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoField.Cardinality;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns schemas into proto types. Every message and enum is keyed by the place its schema is
 * written, so a schema reached twice becomes one type; schemas reached through a {@code $ref} are
 * named after their component (or file), inline ones after where they are used
 * ({@code Order.shipping_address} → {@code OrderShippingAddress}, array items → the singular,
 * {@code OrderLines} → {@code OrderLine}, else {@code …Item}; map values → {@code …Value}).
 *
 * <p>This class decides what a schema becomes (scalar, enum, message, collection) and builds the
 * messages; the steps are its collaborators: {@link SchemaNormalizer} (what a schema stands for),
 * {@link SchemaClassifier} (what it becomes), {@link TypeNaming} (what the type is called),
 * {@link Compositions} (a message's members), {@link Unions} (its oneofs), {@link CollectionShapes}
 * and {@link Wrappers} (arrays and maps), {@link Discriminators} and {@link EnumConverter}.
 */
public final class SchemaConverter {
  private final TypeStore store;
  private final Findings report;
  private final String pkg;
  private final Map<String, String> messagesBySchema = new HashMap<>();
  private final EnumConverter enums;
  private final Discriminators discriminators;
  private final SchemaClassifier classifier;
  private final TypeNaming naming;
  private final SchemaNormalizer normalizer;
  private final Compositions compositions;
  private final Wrappers wrappers;
  private final CollectionShapes collections;
  private final Unions unions;

  public SchemaConverter(RefResolver refs, TypeStore store, Findings report, String pkg) {
    this.store = store;
    this.report = report;
    this.pkg = pkg;
    this.enums = new EnumConverter(store);
    this.discriminators = new Discriminators(refs);
    this.classifier = new SchemaClassifier(discriminators);
    this.naming = new TypeNaming(store, report, pkg);
    this.normalizer = new SchemaNormalizer(refs, naming);
    this.compositions = new Compositions(refs, normalizer, classifier, report);
    this.wrappers = new Wrappers(store);
    this.collections = new CollectionShapes(this::shape, wrappers, report, pkg);
    this.unions = new Unions(refs, normalizer, discriminators, new ConstDiscriminator(refs, normalizer), this::variantType,
        this::baseFields);
  }

  // ---------------------------------------------------------------------------------------------
  // Components

  /**
   * Reserves the names of all component schemas that become messages or enums, in declaration
   * order, before anything else is named: components keep their names; inline schemas yield.
   * A component whose name an RPC needs for its request message gets a {@code Body} suffix.
   */
  public void reserveComponentNames(Map<String, Located<Schema>> components, Set<String> requestNames, Problems problems) {
    for (Located<Schema> component : components.values()) {
      problems.run(() -> discriminators.indexAllOfParents(component));
    }
    components.forEach((name, component) -> problems.run(() -> {
      Normalized n = normalize(component.value(), component.location());
      if (!n.location().equals(component.location())) {
        return; // an alias of another schema: it takes that schema's type
      }
      SchemaKind kind = classify(n);
      if (kind == SchemaKind.MESSAGE || kind == SchemaKind.ENUM) {
        naming.reserveComponent(name, component.location(), requestNames, component.value().getExtensions());
      }
    }));
  }

  /** Builds every component that becomes a message or enum, whether or not an operation uses it. */
  public void convertComponents(Map<String, Located<Schema>> components, Problems problems) {
    components.forEach((name, component) -> problems.run(() -> shape(component.value(), component.location(), Names.pascal(name, "Schema"))));
  }

  // ---------------------------------------------------------------------------------------------
  // Shapes

  /** The field shape for a schema used at {@code location}; {@code context} names inline types. */
  public Shape shape(Schema<?> schema, SourceLocation location, String context) {
    Shape shape = shape(schema, normalize(schema, location), context);
    if (shape.kind() == SchemaKind.MESSAGE) {
      messagesBySchema.put(location.toString(), shape.type().name());
    }
    return shape;
  }

  /**
   * The message each schema became, by the place the schema (or the {@code $ref} to it) is
   * written: what lets examples written next to a schema find their message.
   */
  public Map<String, String> messagesBySchema() {
    Map<String, String> all = new HashMap<>(messagesBySchema);
    naming.typesByLocation().forEach((location, type) -> {
      if (store.messages().containsKey(type.name())) {
        all.putIfAbsent(location, type.name());
      }
    });
    return all;
  }

  private Shape shape(Schema<?> schema, Normalized n, String context) {
    FieldOptions facts = FieldOptions.NONE;
    Object defaultValue = schema != null && schema.getDefault() != null ? schema.getDefault() : n.schema().getDefault();
    if (defaultValue != null) {
      facts = facts.withDefaultValue(JsonValue.of(defaultValue));
    }
    if (n.nullable()) {
      facts = facts.withNullable();
    }
    facts = overrides(schema, facts);
    boolean presence = n.nullable() || defaultValue != null;
    return switch (classify(n)) {
      case SCALAR -> new Shape(SchemaKind.SCALAR, Scalars.of(n.schema()), Cardinality.SINGULAR, presence, Scalars.options(n.schema(), facts));
      case ENUM -> new Shape(SchemaKind.ENUM, enumType(n, context), Cardinality.SINGULAR, presence, facts);
      case MESSAGE -> new Shape(SchemaKind.MESSAGE, messageType(n, context), Cardinality.SINGULAR, false, facts);
      case STRUCT -> new Shape(SchemaKind.STRUCT, TypeRef.STRUCT, Cardinality.SINGULAR, false, facts);
      case ANY -> {
        if (Schemas.types(n.schema()).size() > 1) {
          report.info(Category.MIXED_TYPES, n.location(), "", "types " + Schemas.types(n.schema()) + " carried as google.protobuf.Value");
        }
        yield new Shape(SchemaKind.ANY, TypeRef.VALUE, Cardinality.SINGULAR, false, facts);
      }
      case ARRAY -> collections.of(n, context, facts, Cardinality.REPEATED);
      case MAP -> collections.of(n, context, facts, Cardinality.MAP);
    };
  }

  /** A message for a schema that must be one (a response, a request body, a union variant). */
  public TypeRef messageFor(Schema<?> schema, SourceLocation location, String context) {
    Shape shape = shape(schema, location, context);
    if (shape.cardinality() != Cardinality.SINGULAR) {
      return wrappers.of(shape, location);
    }
    return shape.type();
  }

  /**
   * The response message of a list RPC (AIP-158): the items as field 1, {@code next_page_token},
   * {@code total_size} where the REST API reports a total, then the envelope's other members, so the
   * REST body still parses into it. {@code itemsMember} is null for a bare JSON array, whose field
   * is then {@code itemsField}. {@code replaced} are envelope members an AIP field stands for (the REST
   * cursor already called next_page_token): they get no field of their own. Null when the items
   * member is not a plain property (e.g. inside a oneOf).
   */
  public TypeRef listResponse(String wanted, Schema<?> body, SourceLocation location, String itemsMember, String itemsField,
      boolean withTotal, Set<String> replaced) {
    Normalized n = normalize(body, location);
    Members members = itemsMember != null ? compositions.of(n.schema(), n.location()) : Members.NONE;
    if (itemsMember != null && !members.properties().containsKey(itemsMember)) {
      return null;
    }
    String name = store.reserveType(wanted, location);
    store.claim(name);
    MessageBuilder message = new MessageBuilder(name, location)
        .comment(n.description() != null ? n.description() : "A page of the list (AIP-158).");
    if (itemsMember == null) {
      addProperty(message, itemsField, new Located<>(n.schema(), n.location()), false);
    } else {
      addProperty(message, itemsMember, members.properties().get(itemsMember), members.required().contains(itemsMember));
    }
    message.add(location, message.fieldName("next_page_token"), TypeRef.STRING, Cardinality.SINGULAR, null, null, List.of(), false,
        "The token of the next page; empty on the last one.");
    if (withTotal) {
      message.add(location, message.fieldName("total_size"), TypeRef.INT64, Cardinality.SINGULAR, null, null, List.of(), false,
          "The number of items in the whole list, as the REST API reports it.");
    }
    Set<String> skipped = new HashSet<>(replaced);
    if (itemsMember != null) {
      skipped.add(itemsMember);
    }
    addMembers(message, members, skipped);
    store.add(message.build());
    return TypeRef.local(name);
  }

  public Normalized normalize(Schema<?> given, SourceLocation location) {
    return normalizer.normalize(given, location);
  }

  public SchemaKind classify(Normalized n) {
    return classifier.classify(n.schema(), n.location());
  }

  /**
   * Per-field overrides a team writes into the spec (or an overlay) where the service's JSON differs
   * from the spec-wide choice: {@code x-rest2grpc-emission: always|non-null|non-empty|present} and
   * {@code x-rest2grpc-int64: string|number}.
   */
  private static FieldOptions overrides(Schema<?> schema, FieldOptions facts) {
    if (schema == null || schema.getExtensions() == null) {
      return facts;
    }
    Object emission = schema.getExtensions().get("x-rest2grpc-emission");
    if (emission != null) {
      facts = facts.withEmission("EMISSION_" + emission.toString().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
    Object int64 = schema.getExtensions().get("x-rest2grpc-int64");
    if (int64 != null) {
      facts = facts.withInt64Json(int64.toString().toLowerCase(java.util.Locale.ROOT));
    }
    return facts;
  }

  // ---------------------------------------------------------------------------------------------
  // Enums

  private TypeRef enumType(Normalized n, String context) {
    return naming.typeAt(n, context, name -> store.add(enums.convert(name, n, Schemas.nonNull(Schemas.oneOrAnyOf(n.schema())))));
  }

  // ---------------------------------------------------------------------------------------------
  // Messages

  private TypeRef messageType(Normalized n, String context) {
    return naming.typeAt(n, context, name -> store.add(defineMessage(n, name)));
  }

  private ProtoMessage defineMessage(Normalized n, String name) {
    Schema<?> s = n.schema();
    MessageBuilder message = new MessageBuilder(name, n.location())
        .comment(n.description() != null ? n.description() : s.getTitle())
        .deprecated(Boolean.TRUE.equals(s.getDeprecated()));
    List<Located<Schema>> subtypes = Schemas.oneOrAnyOf(s).isEmpty() && Schemas.allOf(s).isEmpty() ? discriminators.subtypes(n.schema(), n.location()) : List.of();
    if (s.getDiscriminator() != null && !subtypes.isEmpty()) {
      unions.addSubtypes(message, n, subtypes);
    } else {
      addMembers(message, compositions.of(s, n.location()), Set.of());
    }
    return message.build();
  }

  /**
   * Adds a composition's fields in order: its properties (but {@code skipped}, already added or
   * stood for), its oneofs (named after the message when one is all there is), then
   * {@code additional_properties}.
   */
  private void addMembers(MessageBuilder message, Members members, Set<String> skipped) {
    for (Map.Entry<String, Located<Schema>> property : members.properties().entrySet()) {
      if (!skipped.contains(property.getKey())) {
        addProperty(message, property.getKey(), property.getValue(), members.required().contains(property.getKey()));
      }
    }
    for (Located<Schema> union : members.unions()) {
      unions.add(message, union, members.properties().isEmpty() && members.unions().size() == 1);
    }
    if (members.additional() != null) {
      addAdditionalProperties(message, members.additional());
    }
  }

  private void addProperty(MessageBuilder message, String restName, Located<Schema> property, boolean required) {
    Schema<?> schema = property.value();
    String chosen = ChosenNames.of(schema.getExtensions(), ChosenNames.Kind.FIELD, property.location());
    if (chosen != null && message.isTaken(chosen)) {
      throw ChosenNames.taken(property.location(), chosen, "another field of " + message.name());
    }
    String fieldName = message.fieldName(chosen != null ? chosen : Names.snake(restName));
    Normalized target = normalize(schema, property.location());
    Shape shape = shape(schema, target, message.name() + Names.pascal(restName, "Field"));
    List<String> behaviors = new ArrayList<>();
    if (required) {
      behaviors.add("REQUIRED");
    }
    if (Boolean.TRUE.equals(schema.getReadOnly()) || Boolean.TRUE.equals(target.schema().getReadOnly())) {
      behaviors.add("OUTPUT_ONLY");
    } else if (Boolean.TRUE.equals(schema.getWriteOnly()) || Boolean.TRUE.equals(target.schema().getWriteOnly())) {
      behaviors.add("INPUT_ONLY");
    }
    String comment = schema.getDescription() != null ? schema.getDescription() : target.description();
    ProtoField field = message.add(property.location(), fieldName, shape.type(), shape.fieldCardinality(), restName, null, behaviors,
        Boolean.TRUE.equals(schema.getDeprecated()), comment, shape.options());
    if (MessageBuilder.lostRestName(field, restName)) {
      report.warn(Category.NAME_COLLISION, property.location(), pkg + "." + message.name() + "." + fieldName,
          "JSON name '" + restName + "' clashes with another field's JSON name; kept as the rest_name fact");
    }
  }

  /** The type of a oneof member: a collection is wrapped, since a oneof cannot hold one. */
  private TypeRef variantType(Normalized variant, String context) {
    return switch (classify(variant)) {
      case MESSAGE -> messageType(variant, context);
      case ENUM -> enumType(variant, context);
      case SCALAR -> Scalars.of(variant.schema());
      case STRUCT -> TypeRef.STRUCT;
      case ANY -> TypeRef.VALUE;
      case ARRAY, MAP -> {
        Shape shape = shape(variant.schema(), variant.location(), context);
        TypeRef wrapper = wrappers.of(shape, variant.location());
        report.info(Category.NESTED_COLLECTION_WRAPPED, variant.location(), pkg + "." + wrapper.name(),
            "a oneof cannot hold a repeated or map field; the variant is wrapped in " + wrapper.name());
        yield wrapper;
      }
    };
  }

  /**
   * A message of {@code base}'s own fields (its properties and allOf, not its oneOf or subtypes), for
   * a union member that is the base itself; made once per {@code key}, the place the member is named.
   */
  private TypeRef baseFields(Normalized base, SourceLocation key, String wanted) {
    Normalized member = new Normalized(base.schema(), key, wanted, false, base.description());
    return naming.typeAt(member, wanted, name -> {
      Members all = compositions.of(base.schema(), base.location());
      MessageBuilder message = new MessageBuilder(name, key)
          .comment(base.description() != null ? base.description() : base.schema().getTitle());
      addMembers(message, new Members(all.properties(), all.required(), List.of(), all.additional()), Set.of());
      store.add(message.build());
    });
  }

  private void addAdditionalProperties(MessageBuilder message, Located<Object> additional) {
    Schema<?> valueSchema = additional.value() instanceof Schema<?> s ? s : new Schema<>();
    String fieldName = message.fieldName("additional_properties");
    Shape value = shape(valueSchema, additional.location(), message.name() + "AdditionalProperty");
    TypeRef type = value.cardinality() == Cardinality.SINGULAR ? value.type() : wrappers.of(value, additional.location());
    message.add(additional.location(), fieldName, type, Cardinality.MAP, null, null, List.of(), false,
        "Properties not declared above; on the REST wire they sit beside the declared ones.", FieldOptions.NONE.withUnwrappedMap());
    report.info(Category.PROPERTIES_WITH_ADDITIONAL, additional.location(), pkg + "." + message.name(),
        "undeclared properties are kept in map field '" + fieldName + "', printed beside the declared ones");
  }
}
