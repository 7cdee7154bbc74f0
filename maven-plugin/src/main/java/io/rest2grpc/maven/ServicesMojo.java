package io.rest2grpc.maven;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.rest2grpc.maven.calls.CallPlanner;
import io.rest2grpc.maven.controllers.ControllerReader;
import io.rest2grpc.maven.controllers.model.Controllers;
import io.rest2grpc.maven.controllers.model.Problem;
import io.rest2grpc.maven.generate.AppProperties;
import io.rest2grpc.maven.generate.ContractFiles;
import io.rest2grpc.maven.generate.HandlerMatcher;
import io.rest2grpc.maven.generate.MethodPlan;
import io.rest2grpc.maven.generate.ServicePlan;
import io.rest2grpc.maven.mappers.MappingSettings;
import io.rest2grpc.maven.mappers.dto.JavaTypeModel;
import io.rest2grpc.maven.mappers.dto.NamingStrategy;
import io.rest2grpc.maven.platform.Platform;
import io.rest2grpc.maven.protojava.ProtoJavaNames;
import io.rest2grpc.maven.selfcheck.TestContext;
import io.rest2grpc.transcoding.routing.Route;
import io.rest2grpc.transcoding.routing.RouteTable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the goals that write gRPC services share ({@code generate}, {@code eject}): the compiled contract, the
 * controllers read from the module's sources, which handler answers which RPC, and how each RPC is called.
 */
abstract class ServicesMojo extends ContractMojo {
  /** The descriptor set the protobuf-maven-plugin writes ({@code outputDescriptorFile}, imports included). */
  @Parameter(property = "rest2grpc.descriptorSet",
      defaultValue = "${project.build.outputDirectory}/META-INF/rest2grpc/descriptor-set.binpb")
  private File descriptorSet;

  /** The Java package of the generated services; default: the proto package's Java package + {@code .grpc}. */
  @Parameter(property = "rest2grpc.generatedPackage")
  private String generatedPackage;

  /**
   * DTO classes (qualified names) that get no typed mapper, so that every RPC carrying one goes through the bridge:
   * for a DTO whose mapper fails the self-check, until the mapper or the DTO is fixed (on the command line:
   * {@code -Drest2grpc.bridgedDtos=com.acme.Money,com.acme.Order}).
   */
  @Parameter(property = "rest2grpc.bridgedDtos")
  private List<String> bridgedDtos;

  /**
   * The annotation (qualified name) the tests rest2grpc writes carry instead of {@code @SpringBootTest} (the mapper
   * self-check, an ejected service's bridged-methods test): the app's own test configuration, so that they share its
   * tests' application context.
   */
  @Parameter(property = "rest2grpc.selfCheckAnnotation")
  private String selfCheckAnnotation;

  /** Everything read for one run: the contract, the app's controllers and which handler answers which RPC. */
  protected record Analysis(ContractFiles contract, RouteTable routes, SourceSet sources, Map<String, String> properties,
      Platform platform, Controllers controllers, HandlerMatcher.Matches matches) {

    /** The RPCs of the project's own protos accepted by {@code services}, each with its route and handler. */
    List<CallPlanner.Rpc> rpcs(Predicate<ServiceDescriptor> services) {
      List<CallPlanner.Rpc> rpcs = new ArrayList<>();
      for (ServiceDescriptor service : services()) {
        if (services.test(service)) {
          for (MethodDescriptor rpc : service.getMethods()) {
            Optional<Route> route = routes.routes().stream().filter(candidate -> candidate.method().equals(rpc)).findFirst();
            rpcs.add(new CallPlanner.Rpc(rpc, route, Optional.ofNullable(matches.byRpc().get(rpc))));
          }
        }
      }
      return rpcs;
    }

    /** The services of the project's own protos, in file order. */
    List<ServiceDescriptor> services() {
      return contract.own().stream().flatMap(file -> file.getServices().stream()).toList();
    }

    /** A plan per service accepted by {@code services}: each RPC's route, handler and call. */
    List<ServicePlan> plans(Predicate<ServiceDescriptor> services, CallPlanner.Plan calls) {
      List<ServicePlan> plans = new ArrayList<>();
      for (ServiceDescriptor service : services()) {
        if (services.test(service)) {
          List<MethodPlan> methods = new ArrayList<>();
          for (MethodDescriptor rpc : service.getMethods()) {
            methods.add(new MethodPlan(rpc, MethodPlan.primaryRoute(routes, rpc), Optional.ofNullable(matches.byRpc().get(rpc)),
                calls.calls().get(rpc)));
          }
          plans.add(new ServicePlan(service, methods));
        }
      }
      return plans;
    }
  }

  /** The module's own sources (not the generated ones), its compile classpath without its own classes, its resources. */
  protected record SourceSet(List<Path> roots, List<Path> classpath, List<Path> resources) {}

  /** Reads the contract and the controllers and matches them; fails on what the plugin cannot work with. */
  protected Analysis analyse() throws MojoExecutionException, MojoFailureException, IOException {
    Path set = descriptorSet();
    if (!Files.isRegularFile(set)) {
      throw new MojoFailureException("No descriptor set at " + set + ". Declare the protobuf-maven-plugin before rest2grpc-maven-plugin "
          + "with <outputDescriptorFile>${project.build.outputDirectory}/META-INF/rest2grpc/descriptor-set.binpb</outputDescriptorFile> "
          + "and <outputDescriptorIncludeImports>true</outputDescriptorIncludeImports> (rest2grpc-maven-plugin README).");
    }
    ContractFiles contract = ContractFiles.read(set, protoFolder());
    if (contract.own().isEmpty()) {
      throw new MojoFailureException("None of the descriptor set's files is in " + protoFolder() + ": run `mvn rest2grpc:convert` "
          + "to convert the spec into it, or set <protoFolder> to where the protos are");
    }
    // the route table alone: the RPCs' routes, without the bindings and transforms an engine builds for traffic
    RouteTable routes = RouteTable.of(contract.all());
    SourceSet sources = sourceSet();
    Map<String, String> properties = AppProperties.read(sources.resources());
    Platform platform = platform(properties);
    getLog().info("Generating for " + platform.describe() + " (read from the project's dependencies)");
    Controllers controllers = ControllerReader.read(sources.roots(), sources.classpath(), properties);
    refuseUnsupported(controllers);
    HandlerMatcher.Matches matches = new HandlerMatcher(routes).match(controllers.handlers());
    return new Analysis(contract, routes, sources, properties, platform, controllers, matches);
  }

  /** How each of {@code rpcs} is called: typed (with the mappers it needs) or through the bridge, and why. */
  protected CallPlanner.Plan planCalls(Analysis analysis, List<CallPlanner.Rpc> rpcs) throws MojoFailureException {
    try (JavaTypeModel types = JavaTypeModel.open(analysis.sources().roots(), analysis.sources().classpath())) {
      return CallPlanner.plan(rpcs, types, new MappingSettings(naming(analysis.properties()), Set.copyOf(bridgedDtos()),
          analysis.platform().jackson()));
    }
  }

  /** The row of the support matrix the project is on, from the versions its main code resolves. */
  private Platform platform(Map<String, String> properties) throws MojoFailureException {
    Map<String, String> versions = project().getArtifacts().stream()
        .filter(artifact -> !Artifact.SCOPE_TEST.equals(artifact.getScope()))
        .collect(Collectors.toMap(artifact -> artifact.getGroupId() + ":" + artifact.getArtifactId(), Artifact::getVersion,
            (first, second) -> first));
    try {
      return Platform.of(versions, properties);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage());
    }
  }

  /** The settings that change what the goal writes, for fingerprints. */
  protected String settings() {
    return String.join("|", String.valueOf(specs()), String.valueOf(protoFolder()), String.valueOf(protosOwned()),
        String.valueOf(descriptorSet), String.valueOf(generatedPackage), String.valueOf(bridgedDtos()),
        String.valueOf(selfCheckAnnotation));
  }

  protected Path descriptorSet() {
    return descriptorSet.toPath();
  }

  protected List<String> bridgedDtos() {
    return bridgedDtos == null ? List.of() : bridgedDtos;
  }

  /** The Java package of the generated services. */
  protected String javaPackage(ContractFiles contract) {
    if (generatedPackage != null && !generatedPackage.isBlank()) {
      return generatedPackage;
    }
    FileDescriptor first = contract.own().get(0);
    return ProtoJavaNames.javaPackage(first) + ".grpc";
  }

  /**
   * How a test rest2grpc writes starts the app, when it can: the test classpath has what it needs, and the app is
   * known (the configured annotation, else the one {@code @SpringBootApplication}); else a warning says why not.
   *
   * @param test what the test is, for the warning ("mapper self-check")
   * @param orElse the other way out, ending the warning ("Or set …")
   */
  protected Optional<TestContext> testContext(Controllers controllers, String test, String orElse) {
    Set<String> artifacts = project().getArtifacts().stream().map(artifact -> artifact.getGroupId() + ":" + artifact.getArtifactId())
        .collect(Collectors.toSet());
    if (!artifacts.contains("org.junit.jupiter:junit-jupiter-api") || !artifacts.contains("org.springframework.boot:spring-boot-test")) {
      getLog().warn("No " + test + " written: it runs with JUnit Jupiter and spring-boot-test, which this module's tests do "
          + "not have. Add org.springframework.boot:spring-boot-starter-test in test scope" + orElse);
      return Optional.empty();
    }
    if (selfCheckAnnotation != null && !selfCheckAnnotation.isBlank()) {
      return Optional.of(new TestContext.AppAnnotation(selfCheckAnnotation.strip()));
    }
    if (controllers.applications().size() == 1) {
      return Optional.of(new TestContext.Application(controllers.applications().get(0)));
    }
    getLog().warn("No " + test + " written: it starts the application, and this module's sources have "
        + (controllers.applications().isEmpty() ? "no @SpringBootApplication class"
            : controllers.applications().size() + " @SpringBootApplication classes " + controllers.applications())
        + ". Set <selfCheckAnnotation> to the annotation your tests start it with" + orElse);
    return Optional.empty();
  }

  /** The app's Jackson naming ({@code spring.jackson.property-naming-strategy}), which the typed mappers follow. */
  private static NamingStrategy naming(Map<String, String> properties) throws MojoFailureException {
    String configured = properties.get("spring.jackson.property-naming-strategy");
    if (configured == null) {
      return NamingStrategy.LOWER_CAMEL_CASE;
    }
    return NamingStrategy.fromProperty(configured).orElseThrow(() -> new MojoFailureException("spring.jackson.property-naming-strategy="
        + configured + " is not a naming strategy rest2grpc knows; use one of Jackson's PropertyNamingStrategies names"));
  }

  protected SourceSet sourceSet() throws MojoExecutionException {
    MavenProject project = project();
    Path build = Path.of(project.getBuild().getDirectory());
    List<Path> sources = project.getCompileSourceRoots().stream().map(Path::of).filter(root -> !root.startsWith(build)).toList();
    List<Path> classpath;
    try {
      classpath = project.getCompileClasspathElements().stream().map(Path::of)
          .filter(element -> !element.equals(Path.of(project.getBuild().getOutputDirectory()))).toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the compile classpath is not resolved: " + e.getMessage(), e);
    }
    List<Path> resources = project.getResources().stream().map(resource -> Path.of(resource.getDirectory())).toList();
    return new SourceSet(sources, classpath, resources);
  }

  /** Boot 2 ({@code javax}) apps cannot run the runtime; everything else the reader finds odd is reported and bridged. */
  private static void refuseUnsupported(Controllers controllers) throws MojoFailureException {
    List<String> bootTwo = controllers.problems().stream().filter(Problem::platform).map(Problem::message).toList();
    if (!bootTwo.isEmpty()) {
      throw new MojoFailureException("rest2grpc supports Spring Boot 3 (jakarta) and later; this module is on Spring Boot 2 (javax):\n  "
          + String.join("\n  ", bootTwo) + "\nMigrate to Spring Boot 3 first (its migration guide), then add the plugin.");
    }
  }
}
