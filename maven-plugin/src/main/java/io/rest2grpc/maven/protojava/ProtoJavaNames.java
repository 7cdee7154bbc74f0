package io.rest2grpc.maven.protojava;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java names protoc's Java generator and grpc-java's plugin give a proto's messages, enums, field
 * accessors, services and methods: what generated code refers to.
 */
public final class ProtoJavaNames {

  private ProtoJavaNames() {}

  public static ClassName message(Descriptor message) {
    List<String> names = new ArrayList<>();
    for (Descriptor type = message; type != null; type = type.getContainingType()) {
      names.add(0, type.getName());
    }
    return className(message.getFile(), names);
  }

  public static ClassName enumeration(EnumDescriptor enumeration) {
    List<String> names = new ArrayList<>();
    names.add(enumeration.getName());
    for (Descriptor type = enumeration.getContainingType(); type != null; type = type.getContainingType()) {
      names.add(0, type.getName());
    }
    return className(enumeration.getFile(), names);
  }

  /** The field's part of its accessors: {@code card_last4} → {@code CardLast4} ({@code getCardLast4()}). */
  public static String accessor(FieldDescriptor field) {
    return camel(field.getName(), true);
  }

  /** grpc-java's {@code FooServiceGrpc}. */
  public static ClassName grpcClass(ServiceDescriptor service) {
    return ClassName.get(javaPackage(service.getFile()), service.getName() + "Grpc");
  }

  /** grpc-java's {@code FooServiceGrpc.FooServiceImplBase}. */
  public static ClassName implBase(ServiceDescriptor service) {
    return grpcClass(service).nestedClass(service.getName() + "ImplBase");
  }

  /** The service method's Java name: {@code GetOrder} → {@code getOrder}. */
  public static String methodName(MethodDescriptor method) {
    return camel(method.getName(), false);
  }

  /** The static accessor of the method's descriptor in the {@code …Grpc} class: {@code getGetOrderMethod}. */
  public static String methodDescriptorGetter(MethodDescriptor method) {
    return "get" + camel(method.getName(), true) + "Method";
  }

  /** {@code java_package}, else the proto package. */
  public static String javaPackage(FileDescriptor file) {
    return file.getOptions().hasJavaPackage() ? file.getOptions().getJavaPackage() : file.getPackage();
  }

  private static ClassName className(FileDescriptor file, List<String> names) {
    if (!file.getOptions().getJavaMultipleFiles()) {
      names.add(0, outerClass(file));
    }
    return ClassName.get(javaPackage(file), names.get(0), names.subList(1, names.size()).toArray(String[]::new));
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
