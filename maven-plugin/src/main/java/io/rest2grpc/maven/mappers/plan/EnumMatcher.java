package io.rest2grpc.maven.mappers.plan;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoEnum;
import io.rest2grpc.maven.mappers.dto.DtoShape.EnumConstant;
import io.rest2grpc.maven.mappers.plan.Mapper.EnumPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pairs Java enum constants with proto enum values by the value on the REST wire: the constant's
 * {@code @JsonValue} or {@code @JsonProperty} against the value's {@code RestEnumValue}; where neither side
 * has one, by name, the proto's enum prefix ({@code ORDER_STATUS_}) set aside.
 */
final class EnumMatcher {

  private EnumMatcher() {}

  static List<EnumPair> pairs(DtoEnum dto, EnumDescriptor proto) {
    List<EnumPair> pairs = new ArrayList<>();
    for (EnumConstant constant : dto.constants()) {
      match(constant, proto).ifPresent(value -> pairs.add(new EnumPair(constant.name(), value)));
    }
    return pairs;
  }

  /** A String property holds the wire values themselves. */
  static List<EnumPair> wirePairs(EnumDescriptor proto) {
    return values(proto).stream().map(value -> new EnumPair(ProtoOptions.wireValue(value), value)).toList();
  }

  /** The values that stand for something: all but {@code *_UNSPECIFIED}. */
  static List<EnumValueDescriptor> values(EnumDescriptor proto) {
    return proto.getValues().stream().filter(value -> !ProtoOptions.unspecified(value)).toList();
  }

  static Optional<EnumValueDescriptor> unspecified(EnumDescriptor proto) {
    return proto.getValues().stream().filter(ProtoOptions::unspecified).findFirst();
  }

  private static Optional<EnumValueDescriptor> match(EnumConstant constant, EnumDescriptor proto) {
    Optional<EnumValueDescriptor> byWire = values(proto).stream()
        .filter(value -> ProtoOptions.wireValue(value).equals(constant.wireValue()))
        .findFirst();
    if (byWire.isPresent() || !constant.wireValue().equals(constant.name())) {
      return byWire;
    }
    String prefix = unspecified(proto).map(value -> value.getName().substring(0, value.getName().length() - "UNSPECIFIED".length())).orElse("");
    return values(proto).stream()
        .filter(value -> !ProtoOptions.hasWireValue(value))
        .filter(value -> value.getName().equals(constant.name()) || value.getName().equals(prefix + constant.name()))
        .findFirst();
  }
}
