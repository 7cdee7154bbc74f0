package io.rest2grpc.maven.mappers.dto;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import io.rest2grpc.maven.mappers.dto.DtoShape.Construction;
import io.rest2grpc.maven.mappers.dto.DtoShape.Construction.ConstructorParameter;
import io.rest2grpc.maven.mappers.dto.DtoShape.Construction.None;
import io.rest2grpc.maven.mappers.dto.DtoShape.Construction.ViaBuilder;
import io.rest2grpc.maven.mappers.dto.DtoShape.Construction.ViaConstructor;
import io.rest2grpc.maven.mappers.dto.DtoShape.Construction.ViaSetters;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoClass;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoProperty;
import io.rest2grpc.maven.mappers.dto.JavaType.Declared;
import io.rest2grpc.maven.mappers.dto.JavaType.Primitive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads records, POJOs and Lombok classes. Lombok's members are not in the source, so they are synthesized
 * from {@code @Value}, {@code @Data}, {@code @Getter}, {@code @Setter}, {@code @Builder} and the constructor
 * annotations, as Lombok would generate them with its default configuration.
 */
final class ClassReader {

  private ClassReader() {}

  static DtoClass record(Declared type, RecordDeclaration record, JacksonNames names, Map<String, JavaType> bindings,
      List<String> problems) {
    List<DtoProperty> properties = new ArrayList<>();
    for (Parameter component : record.getParameters()) {
      List<Parameter> declarations = List.of(component);
      if (JacksonNames.ignored(declarations)) {
        continue;
      }
      String name = component.getNameAsString();
      properties.add(new DtoProperty(name, names.jsonName(name, declarations), TypeResolution.of(component.getType(), bindings),
          Optional.of(name), Optional.empty(), true, JacksonNames.unfollowed(declarations)));
    }
    Construction construction = Annotations.has(record, Annotations.LOMBOK + "Builder") ? new ViaBuilder("builder", "build")
        : new ViaConstructor(record.getParameters().stream().map(parameter -> parameter(parameter, bindings)).toList());
    return new DtoClass(type, properties, construction, problems);
  }

  static DtoClass pojo(Declared type, ClassOrInterfaceDeclaration pojo, JacksonNames names, Map<String, JavaType> bindings,
      List<String> problems) {
    Lombok lombok = new Lombok(pojo);
    List<DtoProperty> properties = new ArrayList<>();
    Set<String> fieldNames = new HashSet<>();
    List<VariableDeclarator> constructorFields = new ArrayList<>();
    for (FieldDeclaration field : pojo.getFields()) {
      if (field.isStatic() || field.isTransient()) {
        continue;
      }
      for (VariableDeclarator variable : field.getVariables()) {
        String name = variable.getNameAsString();
        fieldNames.add(name);
        boolean isFinal = field.isFinal() || lombok.value;
        if (!(isFinal && variable.getInitializer().isPresent())) {
          constructorFields.add(variable);
        }
        JavaType javaType = TypeResolution.of(variable.getType(), bindings);
        Optional<MethodDeclaration> getter = getter(pojo, name);
        Optional<MethodDeclaration> setter = setter(pojo, name);
        List<NodeWithAnnotations<?>> declarations = new ArrayList<>();
        declarations.add(field);
        getter.ifPresent(declarations::add);
        setter.ifPresent(declarations::add);
        if (JacksonNames.ignored(declarations)) {
          continue;
        }
        Optional<String> getterName = getter.map(MethodDeclaration::getNameAsString)
            .or(() -> lombok.getter(field) ? Optional.of(Lombok.getterName(name, javaType)) : Optional.empty());
        Optional<String> setterName = setter.map(MethodDeclaration::getNameAsString)
            .or(() -> lombok.setter(field) && !isFinal ? Optional.of(Lombok.accessorName("set", name)) : Optional.empty());
        boolean throughAccessors = !field.isPublic() && (getterName.isPresent() || setterName.isPresent());
        String jsonName = throughAccessors ? names.accessorJsonName(name, declarations) : names.jsonName(name, declarations);
        properties.add(new DtoProperty(name, jsonName, javaType, getterName, setterName, true,
            JacksonNames.unfollowed(declarations)));
      }
    }
    for (MethodDeclaration method : pojo.getMethods()) {
      Optional<String> property = getterProperty(method);
      if (property.isPresent() && !fieldNames.contains(property.get()) && !JacksonNames.ignored(List.of(method))) {
        // a computed getter Jackson prints as well: readable, never writable
        properties.add(new DtoProperty(property.get(), names.jsonName(property.get(), List.of(method)),
            TypeResolution.of(method.getType(), bindings), Optional.of(method.getNameAsString()), Optional.empty(),
            false, JacksonNames.unfollowed(List.of(method))));
      }
    }
    if (pojo.getExtendedTypes().isNonEmpty()) {
      problems.add("it extends " + pojo.getExtendedTypes(0) + "; typed mappers read the properties of one class only");
    }
    return new DtoClass(type, properties, construction(pojo, lombok, properties, constructorFields, bindings), problems);
  }

  private static ConstructorParameter parameter(Parameter parameter, Map<String, JavaType> bindings) {
    return new ConstructorParameter(parameter.getNameAsString(), TypeResolution.of(parameter.getType(), bindings));
  }

  private static Construction construction(ClassOrInterfaceDeclaration pojo, Lombok lombok, List<DtoProperty> properties,
      List<VariableDeclarator> constructorFields, Map<String, JavaType> bindings) {
    if (lombok.builder) {
      return new ViaBuilder("builder", "build");
    }
    Set<String> writable = new HashSet<>(properties.stream().filter(DtoProperty::stored).map(DtoProperty::javaName).toList());
    for (ConstructorDeclaration constructor : pojo.getConstructors()) {
      List<String> parameters = constructor.getParameters().stream().map(Parameter::getNameAsString).toList();
      if (constructor.isPublic() && !parameters.isEmpty() && new HashSet<>(parameters).equals(writable)) {
        return new ViaConstructor(constructor.getParameters().stream().map(parameter -> parameter(parameter, bindings)).toList());
      }
    }
    boolean explicitConstructors = !pojo.getConstructors().isEmpty();
    if (lombok.allArgsConstructor || (lombok.value && !explicitConstructors && !lombok.noArgsConstructor)) {
      return new ViaConstructor(constructorFields.stream()
          .map(field -> new ConstructorParameter(field.getNameAsString(), TypeResolution.of(field.getType(), bindings)))
          .toList());
    }
    boolean noArgs = lombok.noArgsConstructor
        || (!explicitConstructors && !lombok.value && !lombok.requiredArgsConstructorWithFields(pojo))
        || pojo.getConstructors().stream().anyMatch(constructor -> constructor.isPublic() && constructor.getParameters().isEmpty());
    List<String> withoutSetter = properties.stream().filter(property -> property.setter().isEmpty()).map(DtoProperty::javaName).toList();
    if (noArgs && withoutSetter.isEmpty()) {
      return new ViaSetters();
    }
    return new None("it has no builder, no public constructor taking exactly its properties "
        + writable.stream().sorted().toList() + (noArgs ? ", and no setter for " + withoutSetter : ", and no public no-args constructor")
        + "; add one (or Lombok @Builder / @AllArgsConstructor)");
  }

  private static Optional<MethodDeclaration> getter(ClassOrInterfaceDeclaration pojo, String field) {
    return pojo.getMethods().stream()
        .filter(method -> method.isPublic() && !method.isStatic() && method.getParameters().isEmpty())
        .filter(method -> method.getNameAsString().equals(Lombok.accessorName("get", field))
            || method.getNameAsString().equals(Lombok.accessorName("is", field)))
        .findFirst();
  }

  private static Optional<MethodDeclaration> setter(ClassOrInterfaceDeclaration pojo, String field) {
    return pojo.getMethods().stream()
        .filter(method -> method.isPublic() && !method.isStatic() && method.getParameters().size() == 1)
        .filter(method -> method.getNameAsString().equals(Lombok.accessorName("set", field)))
        .findFirst();
  }

  /** The property a public no-args {@code getX()} / {@code isX()} reads, as Jackson names it. */
  private static Optional<String> getterProperty(MethodDeclaration method) {
    if (!method.isPublic() || method.isStatic() || !method.getParameters().isEmpty() || method.getType().isVoidType()) {
      return Optional.empty();
    }
    String name = method.getNameAsString();
    String prefix = name.startsWith("get") ? "get" : name.startsWith("is") && method.getType().asString().equals("boolean") ? "is" : "";
    if (prefix.isEmpty() || name.length() == prefix.length() || !Character.isUpperCase(name.charAt(prefix.length()))) {
      return Optional.empty();
    }
    return Optional.of(Character.toLowerCase(name.charAt(prefix.length())) + name.substring(prefix.length() + 1));
  }

  /** The Lombok annotations of one class, and the members they generate. */
  private static final class Lombok {
    final boolean value;
    final boolean data;
    final boolean builder;
    final boolean classGetter;
    final boolean classSetter;
    final boolean allArgsConstructor;
    final boolean noArgsConstructor;

    Lombok(TypeDeclaration<?> type) {
      value = Annotations.has(type, Annotations.LOMBOK + "Value");
      data = Annotations.has(type, Annotations.LOMBOK + "Data");
      builder = Annotations.has(type, Annotations.LOMBOK + "Builder");
      classGetter = Annotations.has(type, Annotations.LOMBOK + "Getter");
      classSetter = Annotations.has(type, Annotations.LOMBOK + "Setter");
      allArgsConstructor = Annotations.has(type, Annotations.LOMBOK + "AllArgsConstructor");
      noArgsConstructor = Annotations.has(type, Annotations.LOMBOK + "NoArgsConstructor");
    }

    boolean getter(FieldDeclaration field) {
      return value || data || classGetter || Annotations.has(field, Annotations.LOMBOK + "Getter");
    }

    boolean setter(FieldDeclaration field) {
      return data || classSetter || Annotations.has(field, Annotations.LOMBOK + "Setter");
    }

    /** {@code @Data} generates a constructor for its final fields: with any, there is no no-args constructor. */
    boolean requiredArgsConstructorWithFields(ClassOrInterfaceDeclaration type) {
      return data && type.getFields().stream().anyMatch(field -> !field.isStatic() && field.isFinal()
          && field.getVariables().stream().anyMatch(variable -> variable.getInitializer().isEmpty()));
    }

    /** Lombok's getter: {@code isX()} for a primitive boolean, else {@code getX()}. */
    static String getterName(String field, JavaType type) {
      return accessorName(type.equals(new Primitive("boolean")) ? "is" : "get", field);
    }

    static String accessorName(String prefix, String field) {
      return prefix + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
  }

  static boolean isPublic(TypeDeclaration<?> type) {
    return type.hasModifier(Modifier.Keyword.PUBLIC);
  }
}
