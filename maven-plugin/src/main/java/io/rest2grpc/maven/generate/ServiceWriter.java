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
import io.rest2grpc.maven.calls.Call;
import io.rest2grpc.maven.platform.SpringGrpc;
import io.rest2grpc.maven.protojava.ProtoJavaNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes the Java of the generated services with JavaPoet: per gRPC service a class extending
 * grpc-java's {@code …ImplBase}, and one Spring Boot auto-configuration that makes them beans (so the
 * app's component scan need not reach the generated package).
 */
public final class ServiceWriter {
  public static final ClassName BRIDGE = ClassName.get("io.rest2grpc.runtime.bridge", "MvcBridge");
  public static final ClassName TYPED = ClassName.get("io.rest2grpc.runtime.typed", "TypedCalls");
  static final ClassName RUNTIME_CONFIGURATION = ClassName.get("io.rest2grpc.runtime.autoconfigure", "Rest2GrpcAutoConfiguration");
  private static final ClassName STREAM_OBSERVER = ClassName.get("io.grpc.stub", "StreamObserver");
  private static final ClassName AUTO_CONFIGURATION = ClassName.get("org.springframework.boot.autoconfigure", "AutoConfiguration");
  private static final ClassName BEAN = ClassName.get("org.springframework.context.annotation", "Bean");
  private static final AnnotationSpec GENERATED = AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
      .addMember("value", "$S", "io.rest2grpc:rest2grpc-maven-plugin").build();
  /** The auto-configuration's simple name; its file under META-INF/spring lists it. */
  public static final String CONFIGURATION = "Rest2GrpcGeneratedServices";

  private static final ClassName IMPORT = ClassName.get("org.springframework.context.annotation", "Import");

  private final String javaPackage;
  private final String mapperPackage;
  private final SpringGrpc springGrpc;

  /**
   * Services in {@code javaPackage}, their mappers in its {@code .mappers}.
   *
   * @param springGrpc the Spring gRPC the project resolves, whose server configuration the generated one comes before
   */
  public ServiceWriter(String javaPackage, SpringGrpc springGrpc) {
    this(javaPackage, javaPackage + ".mappers", springGrpc);
  }

  public ServiceWriter(String javaPackage, String mapperPackage, SpringGrpc springGrpc) {
    this.javaPackage = javaPackage;
    this.mapperPackage = mapperPackage;
    this.springGrpc = springGrpc;
  }

  public JavaFile service(ServicePlan plan) {
    TypeSpec.Builder type = TypeSpec.classBuilder(plan.className())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ProtoJavaNames.implBase(plan.service()))
        .addAnnotation(GENERATED)
        .addJavadoc("The gRPC service $L, answered by the app's controllers.\n", plan.service().getFullName())
        .addField(FieldSpec.builder(BRIDGE, "bridge", Modifier.PRIVATE, Modifier.FINAL).build())
        .addField(FieldSpec.builder(TYPED, "typed", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addParameter(BRIDGE, "bridge").addParameter(TYPED, "typed")
            .addStatement("this.bridge = bridge").addStatement("this.typed = typed").build());
    for (MethodPlan method : plan.methods()) {
      type.addMethod(method(plan, method));
    }
    return JavaFile.builder(javaPackage, type.build()).skipJavaLangImports(true).build();
  }

  /**
   * The auto-configuration: a bean per generated service, and the ejected services (qualified names of the module's own
   * classes) imported, so that Spring builds them with whatever their constructors ask for.
   */
  public JavaFile configuration(List<ServicePlan> plans, List<String> ejected) {
    TypeSpec.Builder type = TypeSpec.classBuilder(CONFIGURATION)
        .addModifiers(Modifier.PUBLIC)
        // before Spring gRPC's server configuration, which only starts a server when services are beans already
        .addAnnotation(AnnotationSpec.builder(AUTO_CONFIGURATION).addMember("after", "$T.class", RUNTIME_CONFIGURATION)
            .addMember("beforeName", "$S", springGrpc.serverFactoryConfiguration()).build())
        .addAnnotation(GENERATED)
        .addJavadoc("The generated gRPC services as beans; Spring gRPC serves every such bean.\n");
    if (!ejected.isEmpty()) {
      CodeBlock classes = ejected.stream().map(name -> CodeBlock.of("$T.class", ClassName.bestGuess(name)))
          .collect(CodeBlock.joining(", ", "{", "}"));
      type.addAnnotation(AnnotationSpec.builder(IMPORT).addMember("value", "$L", classes).build());
    }
    for (ServicePlan plan : plans) {
      ClassName service = ClassName.get(javaPackage, plan.className());
      String bean = Character.toLowerCase(plan.className().charAt(0)) + plan.className().substring(1);
      type.addMethod(MethodSpec.methodBuilder(bean).addAnnotation(BEAN).returns(service)
          .addParameter(BRIDGE, "bridge").addParameter(TYPED, "typed").addStatement("return new $T(bridge, typed)", service).build());
    }
    return JavaFile.builder(javaPackage, type.build()).skipJavaLangImports(true).build();
  }

  private MethodSpec method(ServicePlan plan, MethodPlan method) {
    return method(plan, method, Optional.empty(), javadoc(method));
  }

  /**
   * The method answering one RPC. A typed call with {@code ejectedHandler} (an expression giving the runtime's
   * {@code EjectedHandler}) is answered by that handler method instead of the controller's.
   */
  public MethodSpec method(ServicePlan plan, MethodPlan method, Optional<CodeBlock> ejectedHandler, CodeBlock javadoc) {
    MethodDescriptor rpc = method.rpc();
    TypeName request = ProtoJavaNames.message(rpc.getInputType());
    TypeName response = ProtoJavaNames.message(rpc.getOutputType());
    TypeName responses = ParameterizedTypeName.get(STREAM_OBSERVER, response);
    CodeBlock descriptor = CodeBlock.of("$T.$L()", ProtoJavaNames.grpcClass(plan.service()), ProtoJavaNames.methodDescriptorGetter(rpc));
    MethodSpec.Builder spec = MethodSpec.methodBuilder(ProtoJavaNames.methodName(rpc))
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(javadoc);
    if (rpc.isClientStreaming()) {
      return spec.returns(ParameterizedTypeName.get(STREAM_OBSERVER, request))
          .addParameter(responses, "responseObserver")
          .addStatement("return bridge.clientStream($L, responseObserver)", descriptor)
          .build();
    }
    spec.addParameter(request, "request").addParameter(responses, "responseObserver");
    if (method.call() instanceof Call.Typed typed) {
      if (ejectedHandler.isPresent()) {
        return spec.addStatement("typed.unary($L, request, responseObserver,\n$L,\n$L,\n$L)", descriptor, body(typed, request),
            ejectedHandler.get(), answer(typed.answer(), rpc)).build();
      }
      return spec.addStatement("typed.unary($L, request, responseObserver,\n$L,\n$L)", descriptor, body(typed, request),
          answer(typed.answer(), rpc)).build();
    }
    return spec.addStatement("bridge.$L($L, request, responseObserver)", rpc.isServerStreaming() ? "serverStream" : "unary", descriptor)
        .build();
  }

  /** The request message to the handler's body DTO; null for a handler without one. */
  private CodeBlock body(Call.Typed typed, TypeName request) {
    if (typed.body().isEmpty()) {
      return CodeBlock.of("null");
    }
    Call.Mapping mapping = typed.body().get();
    ClassName mapper = ClassName.get(mapperPackage(), mapping.mapper());
    if (mapping.field().isEmpty()) {
      return CodeBlock.of("message -> $T.fromProto(message)", mapper);
    }
    String accessor = ProtoJavaNames.accessor(mapping.field().get());
    return CodeBlock.of("message -> message.has$L() ? $T.fromProto(message.get$L()) : null", accessor, mapper, accessor);
  }

  /** The handler's body to the response message; null for an answer the engine carries as it is written. */
  private CodeBlock answer(Call.Answer answer, MethodDescriptor rpc) {
    ClassName response = ProtoJavaNames.message(rpc.getOutputType());
    if (answer instanceof Call.NoBody) {
      return CodeBlock.of("body -> $T.getDefaultInstance()", response);
    }
    if (answer instanceof Call.Written) {
      return CodeBlock.of("null");
    }
    Call.Mapping mapping = answer instanceof Call.OneBody one ? one.mapping() : ((Call.ListBody) answer).element();
    ClassName mapper = ClassName.get(mapperPackage(), mapping.mapper());
    TypeName dto = ClassName.bestGuess(mapping.dtoType().replaceAll("<.*", ""));
    if (mapping.field().isEmpty()) {
      return CodeBlock.of("body -> $T.toProto(($T) body)", mapper, dto);
    }
    String accessor = ProtoJavaNames.accessor(mapping.field().get());
    if (answer instanceof Call.OneBody) {
      return CodeBlock.of("body -> $T.newBuilder().set$L($T.toProto(($T) body)).build()", response, accessor, mapper, dto);
    }
    return CodeBlock.of("body -> $T.newBuilder().addAll$L((($T<?>) body).stream().map(item -> $T.toProto(($T) item)).toList()).build()",
        response, accessor, Collection.class, mapper, dto);
  }

  /** Where the mapper classes go. */
  public String mapperPackage() {
    return mapperPackage;
  }

  private static CodeBlock javadoc(MethodPlan method) {
    List<String> lines = new ArrayList<>();
    lines.add(method.route() + method.handler().map(handler -> " → " + MethodPlan.describe(handler))
        .orElse(" (no handler found in this module's sources)"));
    lines.add(method.call() instanceof Call.Bridged bridged ? "Bridged: " + bridged.reason() + "." : "Typed: the handler is called in process.");
    return CodeBlock.of("$L\n", String.join("\n<p>", lines));
  }
}
