package io.rest2grpc.maven.selfcheck;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import io.rest2grpc.maven.mappers.plan.Conversion;
import io.rest2grpc.maven.mappers.plan.FieldMapping;
import io.rest2grpc.maven.mappers.plan.Mapper;
import io.rest2grpc.maven.mappers.plan.Mapper.EnumMapper;
import io.rest2grpc.maven.mappers.plan.Mapper.MessageMapper;
import io.rest2grpc.maven.mappers.plan.Mapper.UnionMapper;
import io.rest2grpc.maven.mappers.plan.Mapper.WrapperMapper;
import io.rest2grpc.transcoding.json.RestJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * A message with every field its mapper maps set to a value the DTO's type holds (a date string for a
 * {@code LocalDate}, a decimal for a {@code BigDecimal}, an enum value the DTO's enum has, a union's first variant), as
 * REST JSON: the self-check's document for a mapper whatever examples the spec gives. Fields the DTO has no property
 * for stay unset, and a message already being filled (a recursive type) is left out where it recurs.
 */
public final class FilledMessages {
  private static final RestJson REST_JSON = RestJson.create();
  private static final long SECONDS = 1_710_408_413L; // 2024-03-14T09:26:53Z
  private static final int MILLIS_AS_NANOS = 120_000_000;

  private final Map<String, Mapper> mappers;
  private final Deque<String> filling = new ArrayDeque<>();

  private FilledMessages(Map<String, Mapper> mappers) {
    this.mappers = mappers;
  }

  /**
   * @param mapper a message or union mapper
   * @param mappers every mapper of the plan by name, for the nested ones
   */
  public static Seed of(Mapper mapper, Map<String, Mapper> mappers) {
    DynamicMessage message = new FilledMessages(mappers).message(mapper).orElseThrow();
    return new Seed(message.getDescriptorForType().getFullName() + " with every field " + mapper.name() + " maps filled in",
        REST_JSON.print(message), true);
  }

  private Optional<DynamicMessage> message(Mapper mapper) {
    if (filling.contains(mapper.name())) {
      return Optional.empty();
    }
    filling.push(mapper.name());
    try {
      if (mapper instanceof MessageMapper message) {
        return Optional.of(fields(message));
      }
      if (mapper instanceof UnionMapper union) {
        return Optional.of(union(union));
      }
      if (mapper instanceof WrapperMapper wrapper) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(wrapper.message());
        set(builder, wrapper.values());
        return Optional.of(builder.build());
      }
      throw new IllegalArgumentException(mapper.name() + " maps an enum, not a message");
    } finally {
      filling.pop();
    }
  }

  private DynamicMessage fields(MessageMapper mapper) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(mapper.message());
    mapper.fields().forEach(field -> set(builder, field));
    mapper.constants().forEach(constant -> builder.setField(constant.field(), constant.value()));
    return builder.build();
  }

  private DynamicMessage union(UnionMapper mapper) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(mapper.message());
    Mapper.Variant first = mapper.variants().get(0);
    message(mappers.get(first.mapperName())).ifPresent(variant -> builder.setField(first.field(), variant));
    return builder.build();
  }

  private void set(DynamicMessage.Builder builder, FieldMapping mapping) {
    FieldDescriptor field = mapping.field();
    if (field.isMapField()) {
      Descriptor entry = field.getMessageType();
      FieldDescriptor key = entry.findFieldByName("key");
      value(entry.findFieldByName("value"), mapping.conversion()).ifPresent(value -> builder.addRepeatedField(field,
          DynamicMessage.newBuilder(entry).setField(key, mapKey(key)).setField(entry.findFieldByName("value"), value).build()));
    } else if (field.isRepeated()) {
      value(field, mapping.conversion()).ifPresent(value -> builder.addRepeatedField(field, value));
    } else {
      value(field, mapping.conversion()).ifPresent(value -> builder.setField(field, value));
    }
  }

  /** One value of the field (an element, a map value), as the conversion's Java side holds it; empty where it recurs. */
  private Optional<Object> value(FieldDescriptor field, Conversion conversion) {
    if (conversion instanceof Conversion.ViaMapper via) {
      Mapper nested = mappers.get(via.mapperName());
      return nested instanceof EnumMapper enumeration ? enumeration.pairs().stream().findFirst().map(pair -> pair.protoValue())
          : message(nested).map(Object.class::cast);
    }
    if (conversion instanceof Conversion.Timestamp) {
      return Optional.of(time(field.getMessageType(), SECONDS, MILLIS_AS_NANOS));
    }
    if (conversion instanceof Conversion.Duration) {
      return Optional.of(time(field.getMessageType(), 90, 0));
    }
    if (conversion instanceof Conversion.DateString) {
      return Optional.of("2024-05-01");
    }
    if (conversion instanceof Conversion.ParsedString parsed) {
      return Optional.of(switch (parsed.javaType()) {
        case "java.util.UUID" -> "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        case "java.math.BigInteger" -> "12";
        default -> "12.5";
      });
    }
    if (conversion instanceof Conversion.BigNumber) {
      return Optional.of(field.getJavaType() == FieldDescriptor.JavaType.LONG ? (Object) 12L : 12.5);
    }
    if (conversion instanceof Conversion.Wrapper) {
      FieldDescriptor value = field.getMessageType().findFieldByName("value");
      return Optional.of(DynamicMessage.newBuilder(field.getMessageType()).setField(value, scalar(value)).build());
    }
    return Optional.of(scalar(field)); // Same, Bytes: the proto's own scalar
  }

  private static Object scalar(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case STRING -> field.getName().replace('_', ' ');
      case INT -> 7;
      case LONG -> 7L;
      case FLOAT -> 1.5f;
      case DOUBLE -> 2.5;
      case BOOLEAN -> true;
      case BYTE_STRING -> ByteString.copyFrom("rest2grpc", StandardCharsets.UTF_8);
      case ENUM -> firstNamed(field);
      case MESSAGE -> throw new IllegalArgumentException(field.getFullName() + " is a message, not a scalar");
    };
  }

  private static EnumValueDescriptor firstNamed(FieldDescriptor field) {
    return field.getEnumType().getValues().stream().filter(value -> value.getNumber() != 0).findFirst()
        .orElse(field.getEnumType().getValues().get(0));
  }

  private static Object mapKey(FieldDescriptor key) {
    return key.getJavaType() == FieldDescriptor.JavaType.STRING ? "key" : scalar(key);
  }

  private static DynamicMessage time(Descriptor type, long seconds, int nanos) {
    return DynamicMessage.newBuilder(type).setField(type.findFieldByName("seconds"), seconds)
        .setField(type.findFieldByName("nanos"), nanos).build();
  }
}
