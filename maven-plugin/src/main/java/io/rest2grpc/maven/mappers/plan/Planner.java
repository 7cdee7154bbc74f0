package io.rest2grpc.maven.mappers.plan;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.rest2grpc.maven.mappers.dto.DtoShape;
import io.rest2grpc.maven.mappers.dto.DtoShape.Construction;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoClass;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoEnum;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoProperty;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoUnion;
import io.rest2grpc.maven.mappers.dto.DtoShape.Unreadable;
import io.rest2grpc.maven.mappers.dto.JavaType;
import io.rest2grpc.maven.mappers.dto.JavaType.Declared;
import io.rest2grpc.maven.mappers.dto.JavaTypeModel;
import io.rest2grpc.maven.mappers.MappingSettings;
import io.rest2grpc.maven.mappers.dto.JacksonDefaults;
import io.rest2grpc.maven.mappers.dto.NamingStrategy;
import io.rest2grpc.maven.mappers.plan.Mapper.ConstantField;
import io.rest2grpc.maven.mappers.plan.Mapper.EnumMapper;
import io.rest2grpc.maven.mappers.plan.Mapper.EnumPair;
import io.rest2grpc.maven.mappers.plan.Mapper.MessageMapper;
import io.rest2grpc.maven.mappers.plan.Mapper.UnionMapper;
import io.rest2grpc.maven.mappers.plan.Mapper.WrapperMapper;
import io.rest2grpc.maven.mappers.plan.MapperNames.PairKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the mappers of DTO/proto pairs, one direction at a time, recursing into nested messages, enums and
 * unions. Every problem is collected, each naming its proto field and DTO property.
 */
public final class Planner {

  private final JavaTypeModel types;
  private final NamingStrategy naming;
  private final JacksonDefaults jackson;
  private final Set<String> bridgedDtos;
  private final MapperNames names = new MapperNames();
  private final Map<String, Mapper> mappers = new LinkedHashMap<>();
  private final Map<PlanKey, Planned> planned = new HashMap<>();

  private record PlanKey(PairKey pair, boolean toProto) {}

  /** The mapper of a pair, and what keeps it from being used (empty: mapped). */
  public record Planned(String mapperName, List<Reason> reasons) {
    public Planned {
      reasons = List.copyOf(reasons);
    }
  }

  /** A union variant's discriminator: the property and the value this variant has. */
  private record Discriminator(String property, String value) {}

  public Planner(JavaTypeModel types, MappingSettings settings) {
    this.types = types;
    this.naming = settings.naming();
    this.jackson = settings.jackson();
    this.bridgedDtos = settings.bridgedDtos();
  }

  public Planned plan(Descriptor message, JavaType dto, boolean toProto) {
    return message(message, dto, toProto, Optional.empty());
  }

  public Mapper mapper(String name) {
    return mappers.get(name);
  }

  /** The mapper and every mapper it calls, in the order planned. */
  public List<String> reachable(String name) {
    List<String> found = new ArrayList<>();
    collect(name, found);
    return found;
  }

  private void collect(String name, List<String> found) {
    if (found.contains(name)) {
      return;
    }
    found.add(name);
    Mapper mapper = mappers.get(name);
    if (mapper instanceof MessageMapper message) {
      message.fields().stream().map(FieldMapping::conversion).filter(Conversion.ViaMapper.class::isInstance)
          .forEach(conversion -> collect(((Conversion.ViaMapper) conversion).mapperName(), found));
    } else if (mapper instanceof UnionMapper union) {
      union.variants().forEach(variant -> collect(variant.mapperName(), found));
    } else if (mapper instanceof WrapperMapper wrapper && wrapper.values().conversion() instanceof Conversion.ViaMapper values) {
      collect(values.mapperName(), found);
    }
  }

  private Planned message(Descriptor message, JavaType dto, boolean toProto,
      Optional<Discriminator> discriminator) {
    if (!(dto instanceof Declared declared)) {
      return failed(message.getFullName(), dto.describe(), "a message needs a class, record or sealed interface, not "
          + dto.describe() + (dto instanceof JavaType.Unresolved unresolved ? " (" + unresolved.reason() + ")" : ""));
    }
    if (bridgedDtos.contains(declared.qualifiedName())) {
      return failed(message.getFullName(), declared.qualifiedName(), "listed in the plugin's <bridgedDtos>; take it off once "
          + "its mapper passes the self-check");
    }
    PairKey pair = new PairKey(declared.describe(), message.getFullName());
    PlanKey key = new PlanKey(pair, toProto);
    if (planned.containsKey(key)) {
      return planned.get(key);
    }
    String simpleNames = declared.simpleNames().replace(".", "");
    String name = names.name(pair, simpleNames + "Mapper", simpleNames + message.getName() + "Mapper");
    planned.put(key, new Planned(name, List.of())); // a recursive type meets itself planned: its problems are the outer ones
    DtoShape shape = types.shape(declared, naming, jackson);
    List<Reason> reasons = new ArrayList<>();
    if (shape instanceof DtoClass dtoClass) {
      mappers.put(name, messageMapper(name, dtoClass, message, toProto, discriminator, reasons));
    } else if (shape instanceof DtoUnion union) {
      mappers.put(name, unionMapper(name, union, message, toProto, reasons));
    } else if (shape instanceof DtoEnum) {
      reasons.add(new Reason(message.getFullName(), declared.qualifiedName(), "an enum cannot hold a message"));
    } else if (shape instanceof Unreadable unreadable) {
      reasons.add(new Reason(message.getFullName(), declared.qualifiedName(), unreadable.reason()));
    }
    Planned result = new Planned(name, reasons.stream().distinct().sorted().toList());
    planned.put(key, result);
    return result;
  }

  private MessageMapper messageMapper(String name, DtoClass dto, Descriptor message, boolean toProto,
      Optional<Discriminator> discriminator, List<Reason> reasons) {
    String dtoName = dto.type().qualifiedName();
    dto.problems().forEach(problem -> reasons.add(new Reason(message.getFullName(), dtoName, problem)));
    if (!toProto && dto.construction() instanceof Construction.None none) {
      reasons.add(new Reason(message.getFullName(), dtoName, "cannot be built: " + none.reason()));
    }
    Map<String, FieldDescriptor> byRestName = new LinkedHashMap<>();
    message.getFields().forEach(field -> byRestName.put(ProtoOptions.restName(field), field));
    List<FieldMapping> fields = new ArrayList<>();
    for (DtoProperty property : dto.properties()) {
      String where = dtoName + "." + property.javaName();
      FieldDescriptor field = byRestName.remove(property.jsonName());
      if (field == null) {
        reasons.add(new Reason(message.getFullName(), where, "its JSON name '" + property.jsonName() + "' is no property of "
            + message.getName() + " (" + String.join(", ", restNames(message)) + "); convert the spec again if the DTO"
            + " changed, or check the naming strategy"));
        continue;
      }
      property.problems().forEach(problem -> reasons.add(new Reason(field.getFullName(), where, problem)));
      if (toProto && property.getter().isEmpty()) {
        reasons.add(new Reason(field.getFullName(), where, "has no getter; add one (or Lombok @Getter)"));
      }
      if (!toProto && !writable(property, dto.construction())) {
        reasons.add(new Reason(field.getFullName(), where, "cannot be set: the " + constructionName(dto.construction())
            + " does not take it"));
      }
      typed(field, property, toProto, where, reasons).ifPresent(fields::add);
    }
    List<ConstantField> constants = new ArrayList<>();
    List<FieldDescriptor> unmatched = new ArrayList<>();
    for (FieldDescriptor field : byRestName.values()) {
      if (discriminator.isPresent() && ProtoOptions.restName(field).equals(discriminator.get().property())) {
        constant(field, discriminator.get().value()).ifPresentOrElse(value -> constants.add(new ConstantField(field, value)),
            () -> reasons.add(new Reason(field.getFullName(), dtoName, "the discriminator value '" + discriminator.get().value()
                + "' is no value of this field")));
      } else {
        unmatched.add(field);
      }
    }
    return new MessageMapper(name, dto.type(), message, fields, constants, unmatched, dto.construction());
  }

  private Optional<FieldMapping> typed(FieldDescriptor field, DtoProperty property, boolean toProto, String where,
      List<Reason> reasons) {
    JavaType type = property.type();
    Cardinality cardinality;
    JavaType element = type;
    FieldDescriptor elementField = field;
    if (field.isMapField()) {
      FieldDescriptor key = field.getMessageType().findFieldByName("key");
      if (!isMap(type) || key.getJavaType() != FieldDescriptor.JavaType.STRING) {
        reasons.add(new Reason(field.getFullName(), where, "a map<string, V> field needs a Map<String, V> property, not " + type.describe()));
        return Optional.empty();
      }
      cardinality = Cardinality.MAP;
      element = ((Declared) type).arguments().get(1);
      elementField = field.getMessageType().findFieldByName("value");
    } else if (field.isRepeated()) {
      if (type instanceof JavaType.ArrayOf array && array.component() instanceof Declared) {
        cardinality = Cardinality.ARRAY;
        element = array.component();
      } else if (generic(type, Set.of("java.util.List", "java.util.Collection", "java.lang.Iterable"))) {
        cardinality = Cardinality.LIST;
        element = ((Declared) type).arguments().get(0);
      } else if (generic(type, Set.of("java.util.Set"))) {
        cardinality = Cardinality.SET;
        element = ((Declared) type).arguments().get(0);
      } else {
        reasons.add(new Reason(field.getFullName(), where, "a repeated field needs a List, Collection, Set or array of objects, not " + type.describe()));
        return Optional.empty();
      }
    } else if (generic(type, Set.of("java.util.Optional"))) {
      if (!field.hasPresence()) {
        reasons.add(new Reason(field.getFullName(), where, "an Optional property needs a field with presence (optional or a message)"));
        return Optional.empty();
      }
      cardinality = Cardinality.OPTIONAL;
      element = ((Declared) type).arguments().get(0);
    } else {
      cardinality = field.hasPresence() ? Cardinality.PRESENCE : Cardinality.SINGULAR;
    }
    Optional<Conversion> conversion = element(elementField, field.getFullName(), element, toProto, where, reasons);
    JavaType elementType = element;
    boolean scalar = cardinality == Cardinality.SINGULAR && !(type instanceof JavaType.Primitive)
        && field.getJavaType() != FieldDescriptor.JavaType.ENUM;
    // a wrapper message's collection is an element of another collection, written even when empty
    boolean collection = field.isRepeated() && !ProtoOptions.wrapper(field.getContainingType());
    boolean defaultIsNull = (scalar || collection) && ProtoOptions.omitsDefault(field);
    return conversion.map(value -> new FieldMapping(field, property, cardinality, elementType, value, defaultIsNull));
  }

  /** The conversion of one value of {@code field} (a map's value field for map fields), named {@code fieldName}. */
  private Optional<Conversion> element(FieldDescriptor field, String fieldName, JavaType type, boolean toProto,
      String where, List<Reason> reasons) {
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      Descriptor message = field.getMessageType();
      if (message.getFile().getPackage().equals("google.protobuf")) {
        return result(ValueTypes.wellKnown(field, type), fieldName, where, type, reasons);
      }
      if (ProtoOptions.wrapper(message)) {
        return wrapper(message, type, toProto, where, reasons);
      }
      Planned nested = message(message, type, toProto, Optional.empty());
      reasons.addAll(nested.reasons());
      return nested.reasons().isEmpty() ? Optional.of(new Conversion.ViaMapper(nested.mapperName())) : Optional.empty();
    }
    if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
      return enumeration(field.getEnumType(), type, toProto, fieldName, where, reasons);
    }
    return result(ValueTypes.scalar(field, type), fieldName, where, type, reasons);
  }

  /** A nested collection: the wrapper message's one field holds the Java collection, element by element. */
  private Optional<Conversion> wrapper(Descriptor message, JavaType type, boolean toProto, String where, List<Reason> reasons) {
    FieldDescriptor values = message.getFields().get(0);
    DtoProperty property = new DtoProperty(values.getName(), ProtoOptions.restName(values), type, Optional.empty(), Optional.empty(),
        true, List.of());
    Optional<FieldMapping> mapping = typed(values, property, toProto, where, reasons);
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    String kind = type instanceof Declared declared ? declared.simpleName() : "Array";
    String name = names.name(new PairKey(type.describe(), message.getFullName()), message.getName() + "Mapper",
        kind + message.getName() + "Mapper");
    mappers.putIfAbsent(name, new WrapperMapper(name, type, message, mapping.get()));
    return Optional.of(new Conversion.ViaMapper(name));
  }

  private static Optional<Conversion> result(ValueTypes.Result result, String field, String where,
      JavaType type, List<Reason> reasons) {
    if (result.conversion().isEmpty()) {
      reasons.add(new Reason(field, where, result.problem() + ", not " + type.describe()));
    }
    return result.conversion();
  }

  private Optional<Conversion> enumeration(EnumDescriptor protoEnum, JavaType type,
      boolean toProto, String field, String where, List<Reason> reasons) {
    if (ValueTypes.is(type, Set.of("java.lang.String"))) {
      PairKey pair = new PairKey("java.lang.String", protoEnum.getFullName());
      String name = names.name(pair, protoEnum.getName() + "Values", protoEnum.getName() + "WireValues");
      mappers.putIfAbsent(name, new EnumMapper(name, type, protoEnum, EnumMatcher.wirePairs(protoEnum), EnumMatcher.unspecified(protoEnum)));
      return Optional.of(new Conversion.ViaMapper(name));
    }
    DtoShape shape = type instanceof Declared declared ? types.shape(declared, naming, jackson) : null;
    if (!(shape instanceof DtoEnum dtoEnum)) {
      reasons.add(new Reason(field, where, "an enum field needs a Java enum or String property, not " + type.describe()));
      return Optional.empty();
    }
    List<Reason> found = new ArrayList<>();
    dtoEnum.problems().forEach(problem -> found.add(new Reason(protoEnum.getFullName(), dtoEnum.type().qualifiedName(), problem)));
    List<EnumPair> pairs = EnumMatcher.pairs(dtoEnum, protoEnum);
    if (toProto) {
      dtoEnum.constants().stream()
          .filter(constant -> pairs.stream().noneMatch(pair -> pair.javaValue().equals(constant.name())))
          .forEach(constant -> found.add(new Reason(protoEnum.getFullName(), dtoEnum.type().qualifiedName() + "." + constant.name(),
              "no proto value has its JSON value '" + constant.wireValue() + "'; convert the spec again")));
    } else {
      EnumMatcher.values(protoEnum).stream()
          .filter(value -> pairs.stream().noneMatch(pair -> pair.protoValue().equals(value)))
          .forEach(value -> found.add(new Reason(value.getFullName(), dtoEnum.type().qualifiedName(),
              "no constant has its JSON value '" + ProtoOptions.wireValue(value) + "'")));
    }
    PairKey pair = new PairKey(dtoEnum.type().describe(), protoEnum.getFullName());
    String simpleNames = dtoEnum.type().simpleNames().replace(".", "");
    String name = names.name(pair, simpleNames + "Mapper", simpleNames + protoEnum.getName() + "Mapper");
    mappers.putIfAbsent(name, new EnumMapper(name, dtoEnum.type(), protoEnum, pairs, EnumMatcher.unspecified(protoEnum)));
    reasons.addAll(found);
    return found.isEmpty() ? Optional.of(new Conversion.ViaMapper(name)) : Optional.empty();
  }

  private UnionMapper unionMapper(String name, DtoUnion union, Descriptor message, boolean toProto, List<Reason> reasons) {
    String dtoName = union.type().qualifiedName();
    union.problems().forEach(problem -> reasons.add(new Reason(message.getFullName(), dtoName, problem)));
    List<Mapper.Variant> variants = new ArrayList<>();
    if (message.getRealOneofs().size() != 1 || message.getFields().size() != message.getRealOneofs().get(0).getFieldCount()) {
      reasons.add(new Reason(message.getFullName(), dtoName, "a polymorphic DTO needs a message that is one oneof and nothing else"));
      return new UnionMapper(name, union.type(), message, variants);
    }
    var oneof = message.getRealOneofs().get(0);
    var options = oneof.getOptions().getExtension(io.rest2grpc.options.v1.OptionsProto.oneof);
    if (!options.getDiscriminator().equals(union.discriminator())) {
      reasons.add(new Reason(oneof.getFullName(), dtoName, "the oneof's discriminator is '" + options.getDiscriminator()
          + "' but @JsonTypeInfo's property is '" + union.discriminator() + "'"));
      return new UnionMapper(name, union.type(), message, variants);
    }
    for (DtoShape.Subtype subtype : union.subtypes()) {
      String variantField = options.getDiscriminatorValuesMap().get(subtype.name());
      FieldDescriptor field = variantField == null ? null : message.findFieldByName(variantField);
      if (field == null || field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        reasons.add(new Reason(oneof.getFullName(), subtype.type().qualifiedName(), "its type name '" + subtype.name()
            + "' is no discriminator value of the oneof (" + String.join(", ", options.getDiscriminatorValuesMap().keySet().stream().sorted().toList()) + ")"));
        continue;
      }
      Planned variant = message(field.getMessageType(), subtype.type(), toProto, Optional.of(new Discriminator(union.discriminator(), subtype.name())));
      reasons.addAll(variant.reasons());
      variants.add(new Mapper.Variant(subtype.type(), field, variant.mapperName()));
    }
    if (!toProto) {
      options.getDiscriminatorValuesMap().forEach((wire, variantField) -> {
        if (union.subtypes().stream().noneMatch(subtype -> subtype.name().equals(wire))) {
          reasons.add(new Reason(message.getFullName() + "." + variantField, dtoName, "no @JsonSubTypes entry is named '" + wire + "'"));
        }
      });
    }
    return new UnionMapper(name, union.type(), message, variants);
  }

  private static Optional<Object> constant(FieldDescriptor field, String value) {
    if (field.getJavaType() == FieldDescriptor.JavaType.STRING) {
      return Optional.of(value);
    }
    if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
      return EnumMatcher.values(field.getEnumType()).stream()
          .filter(candidate -> ProtoOptions.wireValue(candidate).equals(value))
          .<Object>map(EnumValueDescriptor.class::cast)
          .findFirst();
    }
    return Optional.empty();
  }

  private static boolean writable(DtoProperty property, Construction construction) {
    if (construction instanceof Construction.ViaConstructor constructor) {
      return constructor.takes(property.javaName());
    }
    if (construction instanceof Construction.ViaBuilder) {
      return property.stored();
    }
    if (construction instanceof Construction.ViaSetters) {
      return property.setter().isPresent();
    }
    return true; // Construction.None is reported once, for the class
  }

  private static String constructionName(Construction construction) {
    if (construction instanceof Construction.ViaConstructor) {
      return "constructor";
    }
    return construction instanceof Construction.ViaBuilder ? "builder" : "class's setters";
  }

  private static boolean isMap(JavaType type) {
    return generic(type, Set.of("java.util.Map", "java.util.SortedMap", "java.util.NavigableMap"))
        && ((Declared) type).arguments().size() == 2
        && ValueTypes.is(((Declared) type).arguments().get(0), Set.of("java.lang.String"));
  }

  private static boolean generic(JavaType type, Set<String> names) {
    return type instanceof Declared declared && names.contains(declared.qualifiedName()) && !declared.arguments().isEmpty();
  }

  private static List<String> restNames(Descriptor message) {
    return message.getFields().stream().map(ProtoOptions::restName).toList();
  }

  private static Planned failed(String protoName, String dto, String problem) {
    return new Planned("", List.of(new Reason(protoName, dto, problem)));
  }
}
