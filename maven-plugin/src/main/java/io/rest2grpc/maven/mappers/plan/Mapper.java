package io.rest2grpc.maven.mappers.plan;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.rest2grpc.maven.mappers.dto.DtoShape.Construction;
import io.rest2grpc.maven.mappers.dto.JavaType;
import io.rest2grpc.maven.mappers.dto.JavaType.Declared;
import java.util.List;
import java.util.Optional;

/** One generated mapper class: a DTO type and its proto counterpart. */
public sealed interface Mapper {

  /** The class's simple name, unique in the set. */
  String name();

  JavaType dto();

  String protoName();

  /** A DTO class ⇔ a message, field by field. */
  record MessageMapper(String name, Declared dto, Descriptor message, List<FieldMapping> fields,
      List<ConstantField> constants, List<FieldDescriptor> unmatched, Construction construction) implements Mapper {
    public MessageMapper {
      fields = List.copyOf(fields);
      constants = List.copyOf(constants);
      unmatched = List.copyOf(unmatched);
    }

    @Override
    public String protoName() {
      return message.getFullName();
    }
  }

  /**
   * A union variant's own discriminator field: written with the variant's value, never read (the type carries it).
   *
   * @param value an {@code EnumValueDescriptor} or a {@code String}
   */
  record ConstantField(FieldDescriptor field, Object value) {}

  /**
   * A Java enum (or a String holding wire values) ⇔ a proto enum, value by value.
   *
   * @param unspecified the proto's {@code *_UNSPECIFIED} zero value, which stands for {@code null}
   */
  record EnumMapper(String name, JavaType dto, EnumDescriptor protoEnum, List<EnumPair> pairs,
      Optional<EnumValueDescriptor> unspecified) implements Mapper {
    public EnumMapper {
      pairs = List.copyOf(pairs);
    }

    @Override
    public String protoName() {
      return protoEnum.getFullName();
    }
  }

  /** @param javaValue the Java constant's name, or the wire value for a String-typed property */
  record EnumPair(String javaValue, EnumValueDescriptor protoValue) {}

  /** A polymorphic DTO ({@code @JsonTypeInfo}) ⇔ a message holding one discriminated oneof. */
  record UnionMapper(String name, Declared dto, Descriptor message, List<Variant> variants) implements Mapper {
    public UnionMapper {
      variants = List.copyOf(variants);
    }

    @Override
    public String protoName() {
      return message.getFullName();
    }
  }

  record Variant(Declared subtype, FieldDescriptor field, String mapperName) {}

  /**
   * A nested collection ({@code List<List<String>>}, {@code Map<String, List<Parcel>>}) ⇔ a wrapper message
   * ({@code RestMessage.wrapper}), whose one repeated or map field holds the collection's elements.
   *
   * @param values that field, mapped to the collection itself
   */
  record WrapperMapper(String name, JavaType dto, Descriptor message, FieldMapping values) implements Mapper {
    @Override
    public String protoName() {
      return message.getFullName();
    }
  }
}
