package io.rest2grpc.openapi;

import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.report.Report;
import java.util.List;

/** The result of converting one spec: its proto files (in memory) and the report. */
public record Conversion(String specName, String packageName, List<ProtoFile> files, Report report) {

  public int rpcCount() {
    return files.stream().mapToInt(f -> f.services().stream().mapToInt(s -> s.rpcs().size()).sum()).sum();
  }

  public int httpRuleCount() {
    return (int) files.stream().flatMap(f -> f.services().stream()).flatMap(s -> s.rpcs().stream())
        .filter(r -> r.http() != null).count();
  }

  public int messageCount() {
    return files.stream().mapToInt(f -> f.messages().size()).sum();
  }

  public int enumCount() {
    return files.stream().mapToInt(f -> f.enums().size()).sum();
  }

  public int serviceCount() {
    return files.stream().mapToInt(f -> f.services().size()).sum();
  }
}
