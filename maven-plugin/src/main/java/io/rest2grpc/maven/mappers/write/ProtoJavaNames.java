package io.rest2grpc.maven.mappers.write;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;

/** The names protoc's Java generator gives messages, enums and field accessors. */
final class ProtoJavaNames {

  private ProtoJavaNames() {}

  static ClassName message(Descriptor message) {
    List<String> names = new ArrayList<>();
    for (Descriptor type = message; type != null; type = type.getContainingType()) {
      names.add(0, type.getName());
    }
    return className(message.getFile(), names);
  }

  static ClassName enumeration(EnumDescriptor enumeration) {
    List<String> names = new ArrayList<>();
    names.add(enumeration.getName());
    for (Descriptor type = enumeration.getContainingType(); type != null; type = type.getContainingType()) {
      names.add(0, type.getName());
    }
    return className(enumeration.getFile(), names);
  }

  /** The field's part of its accessors: {@code card_last4} → {@code CardLast4} ({@code getCardLast4()}). */
  static String accessor(FieldDescriptor field) {
    return camel(field.getName(), true);
  }

  private static ClassName className(FileDescriptor file, List<String> names) {
    String javaPackage = file.getOptions().hasJavaPackage() ? file.getOptions().getJavaPackage() : file.getPackage();
    if (!file.getOptions().getJavaMultipleFiles()) {
      names.add(0, outerClass(file));
    }
    return ClassName.get(javaPackage, names.get(0), names.subList(1, names.size()).toArray(String[]::new));
  }

  private static String outerClass(FileDescriptor file) {
    if (file.getOptions().hasJavaOuterClassname()) {
      return file.getOptions().getJavaOuterClassname();
    }
    String base = file.getName().substring(file.getName().lastIndexOf('/') + 1).replaceFirst("\\.proto$", "");
    String name = camel(base, true);
    boolean clash = file.getMessageTypes().stream().anyMatch(type -> type.getName().equals(name))
        || file.getEnumTypes().stream().anyMatch(type -> type.getName().equals(name))
        || file.getServices().stream().anyMatch(type -> type.getName().equals(name));
    return clash ? name + "OuterClass" : name;
  }

  /** protoc's UnderscoresToCamelCase: a letter after an underscore or a digit is upper case. */
  private static String camel(String name, boolean capitalizeFirst) {
    StringBuilder result = new StringBuilder();
    boolean capitalizeNext = capitalizeFirst;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'a' && c <= 'z') {
        result.append(capitalizeNext ? Character.toUpperCase(c) : c);
        capitalizeNext = false;
      } else if (c >= 'A' && c <= 'Z') {
        result.append(i == 0 && !capitalizeNext ? Character.toLowerCase(c) : c);
        capitalizeNext = false;
      } else if (c >= '0' && c <= '9') {
        result.append(c);
        capitalizeNext = true;
      } else {
        capitalizeNext = true;
      }
    }
    return result.toString();
  }
}
