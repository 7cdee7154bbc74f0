package io.rest2grpc.maven.generate;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.transcoding.DescriptorSets;
import io.rest2grpc.transcoding.RestOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The compiled contract the generator reads: every file of the build's descriptor set (imports
 * included), and which of them are the project's own (their .proto is in the proto folder).
 */
public record ContractFiles(Collection<FileDescriptor> all, List<FileDescriptor> own) {

  public static ContractFiles read(Path descriptorSet, Path protoFolder) throws IOException {
    Map<String, FileDescriptor> files;
    try (InputStream in = Files.newInputStream(descriptorSet)) {
      files = DescriptorSets.load(FileDescriptorSet.parseFrom(in, RestOptions.registry()), descriptorSet.toString());
    }
    List<FileDescriptor> own = files.values().stream()
        .filter(file -> Files.isRegularFile(protoFolder.resolve(file.getName())))
        .sorted(Comparator.comparing(FileDescriptor::getName))
        .toList();
    return new ContractFiles(files.values(), own);
  }
}
