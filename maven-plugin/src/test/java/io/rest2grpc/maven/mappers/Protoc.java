package io.rest2grpc.maven.mappers;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.transcoding.DescriptorSets;
import io.rest2grpc.transcoding.RestOptions;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real protoc of the build (Maven's local repository, {@code rest2grpc.protobufVersion}), with the imports
 * the sample protos need extracted from the test classpath: {@code google/protobuf} from protobuf-java,
 * {@code google/api} and {@code google/type} from proto-google-common-protos, {@code rest2grpc/} from transcoding.
 */
final class Protoc {

  private static Path imports;

  private Protoc() {}

  static Map<String, FileDescriptor> descriptors(Path protoRoot, List<String> files, Path workDirectory) throws Exception {
    Path set = workDirectory.resolve("descriptors.pb");
    run(protoRoot, files, "--include_imports", "--descriptor_set_out=" + set);
    FileDescriptorSet parsed = FileDescriptorSet.parseFrom(Files.readAllBytes(set), RestOptions.registry());
    return DescriptorSets.load(parsed, set.toString());
  }

  static void javaOut(Path protoRoot, List<String> files, Path out) throws Exception {
    Files.createDirectories(out);
    run(protoRoot, files, "--java_out=" + out);
  }

  private static void run(Path protoRoot, List<String> files, String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of(executable().toString(), "-I" + protoRoot, "-I" + imports()));
    command.addAll(List.of(options));
    command.addAll(files);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("protoc failed: " + String.join(" ", command) + "\n" + output);
    }
  }

  private static Path executable() throws IOException {
    String repository = System.getProperty("rest2grpc.localRepository");
    String version = System.getProperty("rest2grpc.protobufVersion");
    if (repository == null || version == null) {
      throw new IllegalStateException("run the tests through Maven: surefire passes rest2grpc.localRepository and"
          + " rest2grpc.protobufVersion, which locate protoc");
    }
    Path protoc = Path.of(repository, "com/google/protobuf/protoc", version, "protoc-" + version + "-linux-x86_64.exe");
    if (!Files.isExecutable(protoc) && !protoc.toFile().setExecutable(true)) {
      throw new IllegalStateException(protoc + " is missing or cannot be made executable; build the transcoding module first");
    }
    return protoc;
  }

  private static synchronized Path imports() throws IOException {
    if (imports == null) {
      Path directory = Files.createTempDirectory("rest2grpc-proto-imports");
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (entry.endsWith(".jar")) {
          extractProtos(Path.of(entry), directory);
        }
      }
      imports = directory;
    }
    return imports;
  }

  private static void extractProtos(Path jar, Path directory) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.endsWith(".proto") && (name.startsWith("google/") || name.startsWith("rest2grpc/"))) {
          Path target = directory.resolve(name);
          if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            try (InputStream in = zip.getInputStream(entry)) {
              Files.copy(in, target);
            }
          }
        }
      }
    }
  }
}
