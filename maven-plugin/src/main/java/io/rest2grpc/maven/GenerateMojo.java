package io.rest2grpc.maven;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.palantir.javapoet.JavaFile;
import io.rest2grpc.maven.calls.CallPlanner;
import io.rest2grpc.maven.controllers.ControllerReader;
import io.rest2grpc.maven.controllers.model.Controllers;
import io.rest2grpc.maven.controllers.model.Problem;
import io.rest2grpc.maven.generate.AppProperties;
import io.rest2grpc.maven.generate.ContractFiles;
import io.rest2grpc.maven.generate.GeneratedSources;
import io.rest2grpc.maven.generate.GenerationReport;
import io.rest2grpc.maven.generate.HandlerMatcher;
import io.rest2grpc.maven.generate.MethodPlan;
import io.rest2grpc.maven.generate.ProtoArchive;
import io.rest2grpc.maven.generate.ServicePlan;
import io.rest2grpc.maven.generate.ServiceWriter;
import io.rest2grpc.maven.mappers.MapperWriter;
import io.rest2grpc.maven.mappers.MappingResult;
import io.rest2grpc.maven.mappers.MappingSettings;
import io.rest2grpc.maven.mappers.dto.JavaTypeModel;
import io.rest2grpc.maven.mappers.dto.NamingStrategy;
import io.rest2grpc.maven.mappers.plan.Reason;
import io.rest2grpc.maven.platform.Platform;
import io.rest2grpc.maven.protojava.ProtoJavaNames;
import io.rest2grpc.maven.selfcheck.SelfCheckWriter;
import io.rest2grpc.maven.selfcheck.SpecExamples;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * {@code rest2grpc:generate}, bound to {@code generate-sources} after the protobuf-maven-plugin:
 * reads the compiled descriptor set and writes, under {@code target/generated-sources/rest2grpc},
 * a gRPC service per proto service of the project's own protos (a Spring bean extending grpc-java's
 * {@code …ImplBase}) and the auto-configuration that registers them; attaches the protos and the
 * descriptor set to the build ({@code <finalName>-protos.zip}, classifier {@code protos}).
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public final class GenerateMojo extends ContractMojo {
  /** The descriptor set the protobuf-maven-plugin writes ({@code outputDescriptorFile}, imports included). */
  @Parameter(property = "rest2grpc.descriptorSet",
      defaultValue = "${project.build.outputDirectory}/META-INF/rest2grpc/descriptor-set.binpb")
  private File descriptorSet;

  /** The Java package of the generated services; default: the proto package's Java package + {@code .grpc}. */
  @Parameter(property = "rest2grpc.generatedPackage")
  private String generatedPackage;

  @Parameter(defaultValue = "${project.build.directory}/generated-sources/rest2grpc", readonly = true)
  private File javaOutput;

  @Parameter(defaultValue = "${project.build.directory}/generated-resources/rest2grpc", readonly = true)
  private File resourceOutput;

  @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/rest2grpc", readonly = true)
  private File testJavaOutput;

  /**
   * DTO classes (qualified names) that get no typed mapper, so that every RPC carrying one goes through the bridge:
   * for a DTO whose mapper fails the self-check, until the mapper or the DTO is fixed (on the command line:
   * {@code -Drest2grpc.bridgedDtos=com.acme.Money,com.acme.Order}).
   */
  @Parameter(property = "rest2grpc.bridgedDtos")
  private List<String> bridgedDtos;

  /**
   * Write the mapper self-check, a test class run with the app's tests (needs JUnit Jupiter and spring-boot-test in
   * test scope, as spring-boot-starter-test brings them).
   */
  @Parameter(property = "rest2grpc.selfCheck", defaultValue = "true")
  private boolean selfCheck;

  /**
   * The annotation (qualified name) the self-check carries instead of {@code @SpringBootTest}: the app's own test
   * configuration, so that the check shares its tests' application context.
   */
  @Parameter(property = "rest2grpc.selfCheckAnnotation")
  private String selfCheckAnnotation;

  @Component
  private MavenProjectHelper projectHelper;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    MavenProject project = project();
    Path set = descriptorSet.toPath();
    if (!Files.isRegularFile(set)) {
      throw new MojoFailureException("No descriptor set at " + set + ". Declare the protobuf-maven-plugin before rest2grpc-maven-plugin "
          + "with <outputDescriptorFile>${project.build.outputDirectory}/META-INF/rest2grpc/descriptor-set.binpb</outputDescriptorFile> "
          + "and <outputDescriptorIncludeImports>true</outputDescriptorIncludeImports> (rest2grpc-maven-plugin README).");
    }
    try {
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
      CallPlanner.Plan calls;
      try (JavaTypeModel types = JavaTypeModel.open(sources.roots(), sources.classpath())) {
        calls = CallPlanner.plan(rpcs(contract, routes, matches), types, new MappingSettings(naming(properties),
            bridgedDtos == null ? Set.of() : Set.copyOf(bridgedDtos), platform.jackson()));
      }
      warnOfUnusedBridgedDtos(calls);
      List<ServicePlan> plans = plans(contract, routes, matches, calls);
      ServiceWriter writer = new ServiceWriter(javaPackage(contract), platform.springGrpc());
      List<JavaFile> files = new ArrayList<>();
      plans.forEach(plan -> files.add(writer.service(plan)));
      files.add(writer.configuration(plans));
      files.addAll(MapperWriter.write(calls.mappers(), writer.mapperPackage()));
      List<JavaFile> testFiles = new ArrayList<>();
      Optional<TestContext> selfCheck = selfCheckContext(controllers);
      if (selfCheck.isPresent()) {
        testFiles.add(SelfCheckWriter.write(javaPackage(contract), writer.mapperPackage(), calls.mappers(),
            SpecExamples.read(specs(), protoFolder()), selfCheck.get()));
      }
      GeneratedSources output = new GeneratedSources(javaOutput.toPath(), resourceOutput.toPath(), testJavaOutput.toPath());
      output.write(files, testFiles, javaPackage(contract) + "." + ServiceWriter.CONFIGURATION, serviceConfigs());
      project.addCompileSourceRoot(javaOutput.getPath());
      if (!testFiles.isEmpty()) {
        project.addTestCompileSourceRoot(testJavaOutput.getPath());
      }
      Resource resources = new Resource();
      resources.setDirectory(resourceOutput.getPath());
      project.addResource(resources);

      Path archive = Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName() + "-protos.zip");
      ProtoArchive.write(protoFolder(), set, archive);
      projectHelper.attachArtifact(project, "zip", "protos", archive.toFile());

      GenerationReport report = GenerationReport.of(plans, matches.unmatched(), controllers.bypassed(), controllers.problems());
      Path reportFile = Path.of(project.getBuild().getDirectory(), "rest2grpc", "generate-report.json");
      report.write(reportFile);
      getLog().info("Generated " + plans.size() + " gRPC services in " + javaOutput + " (report: " + reportFile + ")");
      report.print(getLog()::info, getLog()::warn);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot generate the gRPC services: " + e.getMessage(), e);
    }
  }

  private static List<CallPlanner.Rpc> rpcs(ContractFiles contract, RouteTable routes, HandlerMatcher.Matches matches) {
    List<CallPlanner.Rpc> rpcs = new ArrayList<>();
    for (FileDescriptor file : contract.own()) {
      for (ServiceDescriptor service : file.getServices()) {
        for (MethodDescriptor rpc : service.getMethods()) {
          Optional<Route> route = routes.routes().stream().filter(candidate -> candidate.method().equals(rpc)).findFirst();
          rpcs.add(new CallPlanner.Rpc(rpc, route, Optional.ofNullable(matches.byRpc().get(rpc))));
        }
      }
    }
    return rpcs;
  }

  private static List<ServicePlan> plans(ContractFiles contract, RouteTable routes, HandlerMatcher.Matches matches,
      CallPlanner.Plan calls) {
    List<ServicePlan> plans = new ArrayList<>();
    for (FileDescriptor file : contract.own()) {
      for (ServiceDescriptor service : file.getServices()) {
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

  /** A {@code <bridgedDtos>} entry that kept no mapper from being planned is a typo or a DTO no RPC carries. */
  private void warnOfUnusedBridgedDtos(CallPlanner.Plan calls) {
    Set<String> refused = calls.mappers().results().stream().filter(MappingResult.Unmappable.class::isInstance)
        .flatMap(result -> ((MappingResult.Unmappable) result).reasons().stream()).map(Reason::dtoProperty)
        .collect(Collectors.toSet());
    for (String dto : bridgedDtos == null ? List.<String>of() : bridgedDtos) {
      if (!refused.contains(dto)) {
        getLog().warn("<bridgedDtos> lists " + dto + ", which no RPC's request or answer is or holds: check its qualified name");
      }
    }
  }

  /**
   * How the self-check starts the app, when it is written: switched on, the test classpath has what it needs, and the
   * app is known (the configured test annotation, else the one {@code @SpringBootApplication}); else a warning says why not.
   */
  private Optional<TestContext> selfCheckContext(Controllers controllers) {
    if (!selfCheck) {
      return Optional.empty();
    }
    Set<String> test = project().getArtifacts().stream().map(artifact -> artifact.getGroupId() + ":" + artifact.getArtifactId())
        .collect(Collectors.toSet());
    if (!test.contains("org.junit.jupiter:junit-jupiter-api") || !test.contains("org.springframework.boot:spring-boot-test")) {
      getLog().warn("No mapper self-check written: it runs with JUnit Jupiter and spring-boot-test, which this module's tests do "
          + "not have. Add org.springframework.boot:spring-boot-starter-test in test scope, or set <selfCheck>false</selfCheck>.");
      return Optional.empty();
    }
    if (selfCheckAnnotation != null && !selfCheckAnnotation.isBlank()) {
      return Optional.of(new TestContext.AppAnnotation(selfCheckAnnotation.strip()));
    }
    if (controllers.applications().size() == 1) {
      return Optional.of(new TestContext.Application(controllers.applications().get(0)));
    }
    getLog().warn("No mapper self-check written: it starts the application, and this module's sources have "
        + (controllers.applications().isEmpty() ? "no @SpringBootApplication class"
            : controllers.applications().size() + " @SpringBootApplication classes " + controllers.applications())
        + ". Set <selfCheckAnnotation> to the annotation your tests start it with, or <selfCheck>false</selfCheck>.");
    return Optional.empty();
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

  /** The app's Jackson naming ({@code spring.jackson.property-naming-strategy}), which the typed mappers follow. */
  private static NamingStrategy naming(Map<String, String> properties) throws MojoFailureException {
    String configured = properties.get("spring.jackson.property-naming-strategy");
    if (configured == null) {
      return NamingStrategy.LOWER_CAMEL_CASE;
    }
    return NamingStrategy.fromProperty(configured).orElseThrow(() -> new MojoFailureException("spring.jackson.property-naming-strategy="
        + configured + " is not a naming strategy rest2grpc knows; use one of Jackson's PropertyNamingStrategies names"));
  }

  /** The module's own sources (not the generated ones), its compile classpath without its own classes, its resources. */
  private record SourceSet(List<Path> roots, List<Path> classpath, List<Path> resources) {}

  private SourceSet sourceSet() throws MojoExecutionException {
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
    List<Path> resources = project().getResources().stream().map(resource -> Path.of(resource.getDirectory())).toList();
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

  private String javaPackage(ContractFiles contract) {
    if (generatedPackage != null && !generatedPackage.isBlank()) {
      return generatedPackage;
    }
    return ProtoJavaNames.javaPackage(contract.own().get(0)) + ".grpc";
  }

  private List<Path> serviceConfigs() throws IOException {
    try (Stream<Path> files = Files.walk(protoFolder())) {
      return files.filter(file -> file.getFileName().toString().endsWith("_config.json")).sorted().toList();
    }
  }
}
