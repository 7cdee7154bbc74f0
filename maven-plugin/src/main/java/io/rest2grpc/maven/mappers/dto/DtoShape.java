package io.rest2grpc.maven.mappers.dto;

import io.rest2grpc.maven.mappers.dto.JavaType.Declared;
import java.util.List;
import java.util.Optional;

/** What a DTO type is, as far as its JSON is concerned: read from its source, Lombok members included. */
public sealed interface DtoShape {

  Declared type();

  /**
   * A record, POJO or Lombok class.
   *
   * @param problems what keeps the class from a typed mapping, whatever the proto (not public, …)
   */
  record DtoClass(Declared type, List<DtoProperty> properties, Construction construction, List<String> problems)
      implements DtoShape {
    public DtoClass {
      properties = List.copyOf(properties);
      problems = List.copyOf(problems);
    }
  }

  /** An enum; each constant with the value Jackson writes ({@code @JsonValue}, {@code @JsonProperty}, else its name). */
  record DtoEnum(Declared type, List<EnumConstant> constants, List<String> problems) implements DtoShape {
    public DtoEnum {
      constants = List.copyOf(constants);
      problems = List.copyOf(problems);
    }
  }

  record EnumConstant(String name, String wireValue) {}

  /** A sealed interface or abstract class with {@code @JsonTypeInfo(use = NAME)} and {@code @JsonSubTypes}. */
  record DtoUnion(Declared type, String discriminator, List<Subtype> subtypes, List<String> problems)
      implements DtoShape {
    public DtoUnion {
      subtypes = List.copyOf(subtypes);
      problems = List.copyOf(problems);
    }
  }

  record Subtype(String name, Declared type) {}

  /** A type whose source is not in the source roots, or that is none of the above. */
  record Unreadable(Declared type, String reason) implements DtoShape {}

  /**
   * One JSON property of a DTO class.
   *
   * @param getter the accessor that reads it ({@code getUserId}, {@code userId} on records); empty if none
   * @param setter the setter ({@code setUserId}); empty if none
   * @param stored a field or record component, which constructors and builders take; else a computed getter
   * @param problems Jackson annotations that change its JSON in ways a typed mapper does not follow
   */
  record DtoProperty(String javaName, String jsonName, JavaType type, Optional<String> getter, Optional<String> setter,
      boolean stored, List<String> problems) {
    public DtoProperty {
      problems = List.copyOf(problems);
    }
  }

  /** How a mapper builds an instance from values. */
  sealed interface Construction {
    /**
     * {@code new Dto(a, b)}: the parameters, each named after the property it takes; a parameter whose property
     * is ignored ({@code @JsonIgnore}) gets its type's default.
     */
    record ViaConstructor(List<ConstructorParameter> parameters) implements Construction {
      public ViaConstructor {
        parameters = List.copyOf(parameters);
      }

      public boolean takes(String property) {
        return parameters.stream().anyMatch(parameter -> parameter.property().equals(property));
      }
    }

    record ConstructorParameter(String property, JavaType type) {}

    /** {@code Dto.builder().a(..).b(..).build()} (Lombok {@code @Builder}). */
    record ViaBuilder(String builderMethod, String buildMethod) implements Construction {}

    /** {@code new Dto()} and a setter per property. */
    record ViaSetters() implements Construction {}

    record None(String reason) implements Construction {}
  }
}
