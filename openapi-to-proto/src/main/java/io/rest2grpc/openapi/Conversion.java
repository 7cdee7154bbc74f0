package io.rest2grpc.openapi;

import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.report.Report;
import java.util.List;
import java.util.Map;

/**
 * The result of converting one spec: its proto files (in memory), the report, and the message each
 * schema became, keyed by where the schema is written ({@code file#pointer}).
 */
public record Conversion(String specName, String packageName, List<ProtoFile> files, Report report,
    Map<String, String> messagesBySchema) {

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
