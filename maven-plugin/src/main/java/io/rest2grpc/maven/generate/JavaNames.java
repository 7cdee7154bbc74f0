package io.rest2grpc.maven.generate;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;

/** The Java names protoc's java and grpc-java generators give a proto's types and services. */
final class JavaNames {

  private JavaNames() {}

  static String javaPackage(FileDescriptor file) {
    return file.getOptions().hasJavaPackage() ? file.getOptions().getJavaPackage() : file.getPackage();
  }

  /** The message's class: top level with {@code java_multiple_files}, else nested in the file's outer class. */
  static ClassName message(Descriptor message) {
    List<String> names = new ArrayList<>();
    for (Descriptor at = message; at != null; at = at.getContainingType()) {
      names.add(0, at.getName());
    }
    FileDescriptor file = message.getFile();
    if (!file.getOptions().getJavaMultipleFiles()) {
      names.add(0, outerClass(file));
    }
    return ClassName.get(javaPackage(file), names.get(0), names.subList(1, names.size()).toArray(String[]::new));
  }

  /** grpc-java's {@code FooServiceGrpc}. */
  static ClassName grpcClass(ServiceDescriptor service) {
    return ClassName.get(javaPackage(service.getFile()), service.getName() + "Grpc");
  }

  /** grpc-java's {@code FooServiceGrpc.FooServiceImplBase}. */
  static ClassName implBase(ServiceDescriptor service) {
    return grpcClass(service).nestedClass(service.getName() + "ImplBase");
  }

  /** The service method's Java name: grpc-java's lower camel case of the RPC name. */
  static String methodName(MethodDescriptor method) {
    String camel = upperCamel(method.getName());
    return Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
  }

  /** The static accessor of the method's descriptor: {@code getGetOrderMethod}. */
  static String methodDescriptorGetter(MethodDescriptor method) {
    return "get" + upperCamel(method.getName()) + "Method";
  }

  private static String outerClass(FileDescriptor file) {
    if (file.getOptions().hasJavaOuterClassname()) {
      return file.getOptions().getJavaOuterClassname();
    }
    String base = file.getName().substring(file.getName().lastIndexOf('/') + 1).replaceAll("\\.proto$", "");
    String outer = upperCamel(base);
    boolean clash = file.getMessageTypes().stream().anyMatch(m -> m.getName().equals(outer))
        || file.getServices().stream().anyMatch(s -> s.getName().equals(outer))
        || file.getEnumTypes().stream().anyMatch(e -> e.getName().equals(outer));
    return clash ? outer + "OuterClass" : outer;
  }

  /** protoc's camel casing: underscores and digits end a word, the next letter is upper case. */
  private static String upperCamel(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else if (Character.isDigit(c)) {
        out.append(c);
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
