package io.rest2grpc.maven;

import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.palantir.javapoet.JavaFile;
import io.rest2grpc.maven.calls.CallPlanner;
import io.rest2grpc.maven.eject.EjectedServiceWriter;
import io.rest2grpc.maven.eject.EjectedServiceWriter.Ejected;
import io.rest2grpc.maven.eject.EjectedServices;
import io.rest2grpc.maven.eject.OwnedContract;
import io.rest2grpc.maven.generate.GeneratedSources;
import io.rest2grpc.maven.generate.ServicePlan;
import io.rest2grpc.maven.mappers.MapperWriter;
import io.rest2grpc.maven.selfcheck.TestContext;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code rest2grpc:eject -Dservice=OrdersService}, run by hand, one service at a time, after a build: writes the
 * service as the team's own source into {@code src/main/java} (in its controllers' package), calling the application's
 * service layer instead of the controllers, with its mappers and, when it has bridged RPCs, a test that names each of
 * them once its controller mapping is gone. Never overwrites a file. Lists the handlers whose logic must move to the
 * service layer before cutover, and writes the first baseline image for {@code buf breaking} beside the protos.
 */
@Mojo(name = "eject", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public final class EjectMojo extends ServicesMojo {
  /** The proto service to eject: its name ({@code OrdersService}) or full name ({@code acme.orders.v1.OrdersService}). */
  @Parameter(property = "service", required = true)
  private String service;

  @Parameter(defaultValue = "${project.basedir}/src/main/java", readonly = true)
  private File javaRoot;

  @Parameter(defaultValue = "${project.basedir}/src/test/java", readonly = true)
  private File testJavaRoot;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    try {
      Analysis analysis = analyse();
      ServiceDescriptor target = target(analysis.services());
      Map<String, String> implemented = EjectedServices.find(analysis.sources().roots(), analysis.services());
      if (implemented.containsKey(target.getFullName())) {
        throw new MojoFailureException(target.getFullName() + " is implemented by " + implemented.get(target.getFullName())
            + " in the module's sources already: nothing to eject. Delete that class to eject the service again.");
      }
      Predicate<ServiceDescriptor> only = candidate -> candidate.equals(target);
      CallPlanner.Plan calls = planCalls(analysis, analysis.rpcs(only));
      ServicePlan plan = analysis.plans(only, calls).get(0);
      EjectedServiceWriter writer = new EjectedServiceWriter(plan, javaPackage(analysis.contract()), analysis.platform().springGrpc());
      Ejected ejected = writer.write();
      Path serviceFile = javaRoot.toPath().resolve(ejected.file());
      if (Files.exists(serviceFile)) {
        throw new MojoFailureException(serviceFile + " exists: eject never overwrites a file. Move it away to eject " + target.getName()
            + " again.");
      }
      List<String> written = new ArrayList<>();
      List<String> kept = new ArrayList<>();
      Files.createDirectories(serviceFile.getParent());
      Files.writeString(serviceFile, ejected.source(), StandardCharsets.UTF_8);
      written.add(serviceFile.toString());
      for (JavaFile mapper : MapperWriter.write(calls.mappers(), writer.mapperPackage())) {
        writeNew(mapper, javaRoot.toPath(), written, kept);
      }
      if (!ejected.bridged().isEmpty()) {
        Optional<TestContext> context = testContext(analysis.controllers(), "bridged-methods test", ".");
        if (context.isPresent()) {
          writeNew(EjectedServiceWriter.bridgedTest(ejected, writer.javaPackage(), context.get()).orElseThrow(), testJavaRoot.toPath(),
              written, kept);
        }
      }
      Path baseline = protoFolder().resolve(OwnedContract.BASELINE);
      if (OwnedContract.writeBaseline(descriptorSet(), baseline)) {
        written.add(baseline.toString());
      }
      report(target, ejected, written, kept);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot eject " + service + ": " + e.getMessage(), e);
    }
  }

  private ServiceDescriptor target(List<ServiceDescriptor> services) throws MojoFailureException {
    return services.stream().filter(candidate -> candidate.getFullName().equals(service) || candidate.getName().equals(service))
        .findFirst().orElseThrow(() -> new MojoFailureException("No service " + service + " in the protos of " + protoFolder()
            + "; -Dservice= takes one of " + services.stream().map(ServiceDescriptor::getName).toList()));
  }

  private static void writeNew(JavaFile file, Path root, List<String> written, List<String> kept) throws IOException {
    Path path = root.resolve(GeneratedSources.relativePath(file));
    if (Files.exists(path)) {
      kept.add(path.toString());
      return;
    }
    file.writeToPath(root);
    written.add(path.toString());
  }

  private void report(ServiceDescriptor target, Ejected ejected, List<String> written, List<String> kept) {
    getLog().info("Ejected " + target.getFullName() + ": rest2grpc:generate no longer writes it; it is yours to edit and commit");
    written.forEach(file -> getLog().info("  wrote " + file));
    kept.forEach(file -> getLog().info("  kept " + file + " (exists; eject never overwrites a file)"));
    if (ejected.toMove().isEmpty()) {
      getLog().info("Every ejected handler calls the service layer.");
    } else {
      getLog().warn("Move this to the service layer before cutover (ejected calling the controller until it is moved):");
      ejected.toMove().forEach(move -> getLog().warn("  " + move));
    }
    ejected.notes().forEach(note -> getLog().warn(note));
    if (!ejected.bridged().isEmpty()) {
      getLog().warn("Bridged, still answered through the controllers' REST mappings; write them by hand before those go ("
          + ejected.className() + "BridgedMethodsTest fails once they have):");
      ejected.bridged().forEach(bridged -> getLog().warn("  " + bridged.method() + ": " + bridged.rpc()));
    }
    getLog().info("The protos are now the source of truth: when the spec stops being maintained, set <protosOwned>true</protosOwned> "
        + "(verify-protos stops comparing them with it; generate checks them with buf breaking against "
        + OwnedContract.BASELINE + "; migration guide, chapter 2b)");
  }
}
