package io.rest2grpc.maven.generate;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.rest2grpc.maven.protojava.ProtoJavaNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the Java of the generated services with JavaPoet: per gRPC service a class extending
 * grpc-java's {@code …ImplBase}, and one Spring Boot auto-configuration that makes them beans (so the
 * app's component scan need not reach the generated package).
 */
public final class ServiceWriter {
  static final ClassName BRIDGE = ClassName.get("io.rest2grpc.runtime.bridge", "MvcBridge");
  static final ClassName RUNTIME_CONFIGURATION = ClassName.get("io.rest2grpc.runtime.autoconfigure", "Rest2GrpcAutoConfiguration");
  private static final ClassName STREAM_OBSERVER = ClassName.get("io.grpc.stub", "StreamObserver");
  private static final ClassName AUTO_CONFIGURATION = ClassName.get("org.springframework.boot.autoconfigure", "AutoConfiguration");
  private static final String GRPC_SERVER_CONFIGURATION = "org.springframework.grpc.autoconfigure.server.GrpcServerFactoryAutoConfiguration";
  private static final ClassName BEAN = ClassName.get("org.springframework.context.annotation", "Bean");
  private static final AnnotationSpec GENERATED = AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
      .addMember("value", "$S", "io.rest2grpc:rest2grpc-maven-plugin").build();
  /** The auto-configuration's simple name; its file under META-INF/spring lists it. */
  public static final String CONFIGURATION = "Rest2GrpcGeneratedServices";

  private final String javaPackage;

  public ServiceWriter(String javaPackage) {
    this.javaPackage = javaPackage;
  }

  public JavaFile service(ServicePlan plan) {
    TypeSpec.Builder type = TypeSpec.classBuilder(plan.className())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ProtoJavaNames.implBase(plan.service()))
        .addAnnotation(GENERATED)
        .addJavadoc("The gRPC service $L, answered by the app's controllers.\n", plan.service().getFullName())
        .addField(FieldSpec.builder(BRIDGE, "bridge", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addParameter(BRIDGE, "bridge").addStatement("this.bridge = bridge").build());
    for (MethodPlan method : plan.methods()) {
      type.addMethod(method(plan, method));
    }
    return JavaFile.builder(javaPackage, type.build()).skipJavaLangImports(true).build();
  }

  public JavaFile configuration(List<ServicePlan> plans) {
    TypeSpec.Builder type = TypeSpec.classBuilder(CONFIGURATION)
        .addModifiers(Modifier.PUBLIC)
        // before Spring gRPC's server configuration, which only starts a server when services are beans already
        .addAnnotation(AnnotationSpec.builder(AUTO_CONFIGURATION).addMember("after", "$T.class", RUNTIME_CONFIGURATION)
            .addMember("beforeName", "$S", GRPC_SERVER_CONFIGURATION).build())
        .addAnnotation(GENERATED)
        .addJavadoc("The generated gRPC services as beans; Spring gRPC serves every such bean.\n");
    for (ServicePlan plan : plans) {
      ClassName service = ClassName.get(javaPackage, plan.className());
      String bean = Character.toLowerCase(plan.className().charAt(0)) + plan.className().substring(1);
      type.addMethod(MethodSpec.methodBuilder(bean).addAnnotation(BEAN).returns(service)
          .addParameter(BRIDGE, "bridge").addStatement("return new $T(bridge)", service).build());
    }
    return JavaFile.builder(javaPackage, type.build()).skipJavaLangImports(true).build();
  }

  private static MethodSpec method(ServicePlan plan, MethodPlan method) {
    MethodDescriptor rpc = method.rpc();
    TypeName request = ProtoJavaNames.message(rpc.getInputType());
    TypeName response = ProtoJavaNames.message(rpc.getOutputType());
    TypeName responses = ParameterizedTypeName.get(STREAM_OBSERVER, response);
    CodeBlock descriptor = CodeBlock.of("$T.$L()", ProtoJavaNames.grpcClass(plan.service()), ProtoJavaNames.methodDescriptorGetter(rpc));
    MethodSpec.Builder spec = MethodSpec.methodBuilder(ProtoJavaNames.methodName(rpc))
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(javadoc(method));
    if (rpc.isClientStreaming()) {
      return spec.returns(ParameterizedTypeName.get(STREAM_OBSERVER, request))
          .addParameter(responses, "responseObserver")
          .addStatement("return bridge.clientStream($L, responseObserver)", descriptor)
          .build();
    }
    return spec.addParameter(request, "request")
        .addParameter(responses, "responseObserver")
        .addStatement("bridge.$L($L, request, responseObserver)", rpc.isServerStreaming() ? "serverStream" : "unary", descriptor)
        .build();
  }

  private static CodeBlock javadoc(MethodPlan method) {
    List<String> lines = new ArrayList<>();
    lines.add(method.route() + method.handler().map(handler -> " → " + MethodPlan.describe(handler))
        .orElse(" (no handler found in this module's sources)"));
    lines.add("Bridged: " + method.bridged() + ".");
    return CodeBlock.of("$L\n", String.join("\n<p>", lines));
  }
}
