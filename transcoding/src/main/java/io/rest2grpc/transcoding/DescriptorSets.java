package io.rest2grpc.transcoding;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a compiled descriptor set ({@code protoc --include_imports --descriptor_set_out}) into
 * linked {@link FileDescriptor}s, with the rest2grpc options parsed (see {@link RestOptions}).
 */
public final class DescriptorSets {
  private DescriptorSets() {}

  /** Thrown when a descriptor set cannot be used; the message says what to do. */
  public static final class InvalidDescriptorSetException extends RuntimeException {
    InvalidDescriptorSetException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static Map<String, FileDescriptor> load(Path descriptorSet) {
    try (InputStream in = Files.newInputStream(descriptorSet)) {
      return load(FileDescriptorSet.parseFrom(in, RestOptions.registry()), descriptorSet.toString());
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidDescriptorSetException(descriptorSet + " is not a FileDescriptorSet: " + e.getMessage()
          + " (write one with protoc --include_imports --descriptor_set_out=FILE)", e);
    } catch (IOException e) {
      throw new InvalidDescriptorSetException("cannot read " + descriptorSet + ": " + e.getMessage(), e);
    }
  }

  /** Links every file of the set, in dependency order, keyed by file name. */
  public static Map<String, FileDescriptor> load(FileDescriptorSet set, String source) {
    Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      protos.put(file.getName(), file);
    }
    Map<String, FileDescriptor> linked = new LinkedHashMap<>();
    for (String name : protos.keySet()) {
      link(name, protos, linked, new HashMap<>(), source);
    }
    return linked;
  }

  private static FileDescriptor link(String name, Map<String, FileDescriptorProto> protos, Map<String, FileDescriptor> linked,
      Map<String, Boolean> visiting, String source) {
    FileDescriptor done = linked.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    if (proto == null) {
      throw new InvalidDescriptorSetException(source + " lacks " + name
          + ", which another file imports: compile with protoc --include_imports", null);
    }
    if (visiting.put(name, true) != null) {
      throw new InvalidDescriptorSetException(source + " has an import cycle through " + name, null);
    }
    List<FileDescriptor> dependencies = new ArrayList<>();
    for (String dependency : proto.getDependencyList()) {
      dependencies.add(link(dependency, protos, linked, visiting, source));
    }
    try {
      FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
      linked.put(name, file);
      return file;
    } catch (DescriptorValidationException e) {
      throw new InvalidDescriptorSetException(source + ": " + name + " does not link: " + e.getMessage(), e);
    }
  }
}
