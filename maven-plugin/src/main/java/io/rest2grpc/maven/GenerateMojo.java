package io.rest2grpc.maven;

import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.palantir.javapoet.JavaFile;
import io.rest2grpc.maven.calls.CallPlanner;
import io.rest2grpc.maven.eject.EjectedServices;
import io.rest2grpc.maven.eject.OwnedContract;
import io.rest2grpc.maven.generate.GeneratedSources;
import io.rest2grpc.maven.generate.GenerationReport;
import io.rest2grpc.maven.generate.ProtoArchive;
import io.rest2grpc.maven.generate.ServicePlan;
import io.rest2grpc.maven.generate.ServiceWriter;
import io.rest2grpc.maven.mappers.MapperWriter;
import io.rest2grpc.maven.mappers.MappingResult;
import io.rest2grpc.maven.mappers.plan.Reason;
import io.rest2grpc.maven.selfcheck.SelfCheckWriter;
import io.rest2grpc.maven.selfcheck.SpecExamples;
import io.rest2grpc.maven.selfcheck.TestContext;
import io.rest2grpc.maven.uptodate.Fingerprint;
import io.rest2grpc.maven.uptodate.Stamp;
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
import java.util.stream.Stream;
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
 * descriptor set to the build ({@code <finalName>-protos.zip}, classifier {@code protos}). A service the
 * module's sources implement already ({@code rest2grpc:eject}) is not generated: the auto-configuration
 * imports the team's class instead. With {@code protosOwned}, the protos are checked with {@code buf breaking}
 * against the committed baseline image first. Skips the work when nothing it reads changed since its last run,
 * and writes only the files whose content changed, so a build with unchanged inputs compiles nothing of its output.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public final class GenerateMojo extends ServicesMojo {
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/rest2grpc", readonly = true)
  private File javaOutput;

  @Parameter(defaultValue = "${project.build.directory}/generated-resources/rest2grpc", readonly = true)
  private File resourceOutput;

  @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/rest2grpc", readonly = true)
  private File testJavaOutput;

  /**
   * Write the mapper self-check, a test class run with the app's tests (needs JUnit Jupiter and spring-boot-test in
   * test scope, as spring-boot-starter-test brings them).
   */
  @Parameter(property = "rest2grpc.selfCheck", defaultValue = "true")
  private boolean selfCheck;

  /** The baseline image {@code buf breaking} compares the protos with, committed by the team ({@code eject} writes the first). */
  @Parameter(property = "rest2grpc.bufBaseline", defaultValue = "${project.basedir}/src/main/proto/" + OwnedContract.BASELINE)
  private File bufBaseline;

  /** The buf executable (npm package {@code @bufbuild/buf}); default: {@code buf} on the PATH. */
  @Parameter(property = "rest2grpc.buf", defaultValue = "buf")
  private String buf;

  @Component
  private MavenProjectHelper projectHelper;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    try {
      Stamp stamp = new Stamp(buildFolder().resolve("generate.sha256"));
      String inputs = inputs();
      if (stamp.matches(inputs + "\n" + outputs())) {
        getLog().info("The gRPC services in " + javaOutput + " are up to date: nothing rest2grpc:generate reads changed since its "
            + "last run (its findings: " + reportFile() + ")");
      } else {
        stamp.clear();
        generate();
        stamp.record(inputs + "\n" + outputs());
      }
      addToBuild();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot generate the gRPC services: " + e.getMessage(), e);
    }
  }

  private void generate() throws MojoExecutionException, MojoFailureException, IOException {
    if (protosOwned()) {
      new OwnedContract(buf).checkBreaking(descriptorSet(), bufBaseline.toPath());
      getLog().info("The protos keep what the baseline image " + bufBaseline + " promised (buf breaking, WIRE_JSON)");
    }
    Analysis analysis = analyse();
    Map<String, String> ejected = EjectedServices.find(analysis.sources().roots(), analysis.services());
    Predicate<ServiceDescriptor> generated = service -> !ejected.containsKey(service.getFullName());
    CallPlanner.Plan calls = planCalls(analysis, analysis.rpcs(service -> true));
    warnOfUnusedBridgedDtos(calls);
    List<ServicePlan> plans = analysis.plans(generated, calls);
    String javaPackage = javaPackage(analysis.contract());
    ServiceWriter writer = new ServiceWriter(javaPackage, analysis.platform().springGrpc());
    List<JavaFile> files = new ArrayList<>();
    plans.forEach(plan -> files.add(writer.service(plan)));
    files.add(writer.configuration(plans, ejected.values().stream().sorted().toList()));
    files.addAll(MapperWriter.write(calls.mappers(), writer.mapperPackage()));
    List<JavaFile> testFiles = new ArrayList<>();
    Optional<TestContext> selfCheck = this.selfCheck
        ? testContext(analysis.controllers(), "mapper self-check", ". Or set <selfCheck>false</selfCheck>.") : Optional.empty();
    if (selfCheck.isPresent()) {
      testFiles.add(SelfCheckWriter.write(javaPackage, writer.mapperPackage(), calls.mappers(),
          SpecExamples.read(specs(), protoFolder()), selfCheck.get()));
    }
    int changed = output().write(files, testFiles, javaPackage + "." + ServiceWriter.CONFIGURATION, serviceConfigs());

    GenerationReport report = GenerationReport.of(plans, analysis.matches().unmatched(), analysis.controllers().bypassed(),
        analysis.controllers().problems());
    report.write(reportFile());
    getLog().info("Generated " + plans.size() + " gRPC services in " + javaOutput + ", " + changed + " files written or deleted "
        + "(report: " + reportFile() + ")");
    ejected.forEach((service, type) -> getLog().info("Not generated: " + service + ", which " + type
        + " in the module's sources implements (ejected)"));
    report.print(getLog()::info, getLog()::warn);
  }

  /** Adds the generated sources and resources to the build, and attaches the protos. */
  private void addToBuild() throws IOException {
    MavenProject project = project();
    project.addCompileSourceRoot(javaOutput.getPath());
    if (hasFiles(testJavaOutput.toPath())) {
      project.addTestCompileSourceRoot(testJavaOutput.getPath());
    }
    Resource resources = new Resource();
    resources.setDirectory(resourceOutput.getPath());
    project.addResource(resources);

    Path archive = Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName() + "-protos.zip");
    ProtoArchive.write(protoFolder(), descriptorSet(), archive);
    projectHelper.attachArtifact(project, "zip", "protos", archive.toFile());
  }

  /**
   * Everything a run reads: the settings, the descriptor set, the protos and specs, the module's sources and
   * properties, its classpath and dependencies (the platform row and the self-check follow them), the baseline image.
   */
  private String inputs() throws IOException, MojoExecutionException {
    SourceSet sources = sourceSet();
    Fingerprint fingerprint = new Fingerprint(String.join("\n", pluginVersion(), settings(), String.valueOf(selfCheck),
        String.valueOf(bufBaseline), buf));
    addContract(fingerprint).addFile(descriptorSet());
    for (Path root : sources.roots()) {
      fingerprint.addFiles(root, List.of(".java", ".kt")); // Kotlin sources are read to be reported
    }
    for (Path root : sources.resources()) {
      fingerprint.addFiles(root, List.of(".properties", ".yml", ".yaml"));
    }
    fingerprint.addClasspath(sources.classpath());
    fingerprint.addText(project().getArtifacts().stream().map(artifact -> artifact.getId() + ":" + artifact.getScope()).sorted()
        .collect(Collectors.joining(",")));
    if (protosOwned()) {
      fingerprint.addFile(bufBaseline.toPath());
    }
    return fingerprint.hex();
  }

  /** What the output folders hold: a generated file edited or deleted by hand makes the next run write it again. */
  private String outputs() throws IOException {
    return new Fingerprint("outputs").addFiles(javaOutput.toPath()).addFiles(resourceOutput.toPath())
        .addFiles(testJavaOutput.toPath()).hex();
  }

  private GeneratedSources output() {
    return new GeneratedSources(javaOutput.toPath(), resourceOutput.toPath(), testJavaOutput.toPath());
  }

  private Path reportFile() {
    return buildFolder().resolve("generate-report.json");
  }

  private static boolean hasFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.anyMatch(Files::isRegularFile);
    }
  }

  /** A {@code <bridgedDtos>} entry that kept no mapper from being planned is a typo or a DTO no RPC carries. */
  private void warnOfUnusedBridgedDtos(CallPlanner.Plan calls) {
    Set<String> refused = calls.mappers().results().stream().filter(MappingResult.Unmappable.class::isInstance)
        .flatMap(result -> ((MappingResult.Unmappable) result).reasons().stream()).map(Reason::dtoProperty)
        .collect(Collectors.toSet());
    for (String dto : bridgedDtos()) {
      if (!refused.contains(dto)) {
        getLog().warn("<bridgedDtos> lists " + dto + ", which no RPC's request or answer is or holds: check its qualified name");
      }
    }
  }

  private List<Path> serviceConfigs() throws IOException {
    try (Stream<Path> files = Files.walk(protoFolder())) {
      return files.filter(file -> file.getFileName().toString().endsWith("_config.json")).sorted().toList();
    }
  }
}
