package io.rest2grpc.openapi.conversion;

import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.proto.FileOptions;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.proto.Renames;
import io.rest2grpc.openapi.report.NameRules;
import io.rest2grpc.openapi.report.Report;
import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.read.SpecVersion;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of converting one spec: its proto files (in memory), the options all of them carry,
 * the report (its findings), the message each schema became, keyed by where the schema is written ({@code file#pointer}), the source, the
 * lock to write with the protos (null when converted without one), and the rule behind each name.
 */
public record Conversion(String specName, String packageName, List<ProtoFile> files, FileOptions fileOptions, Report report,
    Map<String, String> messagesBySchema, Source source, LockOutput lock, NameRules names) {

  public Conversion {
    files = List.copyOf(files);
    messagesBySchema = Map.copyOf(messagesBySchema);
  }

  /**
   * The updated lock and where it goes; {@code changed} is false when it equals the lock read, which
   * is then left untouched (a new time stamp alone would make a build tool see a changed input).
   */
  public record LockOutput(Path file, Lock lock, boolean changed) {}

  /** This conversion with {@code renames} applied to its protos and to the messages its schemas became. */
  public Conversion renamed(Renames renames) {
    Map<String, String> renamedMessages = new HashMap<>();
    messagesBySchema.forEach((schema, message) -> renamedMessages.put(schema, renames.type(message)));
    return new Conversion(specName, packageName, renames.apply(files), fileOptions, report, renamedMessages, source, lock,
        names.renamed(renames.types()));
  }

  /** This conversion with the files the lock renumbered, its report followed by renumbering's. */
  public Conversion locked(List<ProtoFile> lockedFiles, Report lockReport) {
    return new Conversion(specName, packageName, lockedFiles, fileOptions, report.plus(lockReport), messagesBySchema, source, lock, names);
  }

  public Conversion withLock(LockOutput lockOutput) {
    return new Conversion(specName, packageName, files, fileOptions, report, messagesBySchema, source, lockOutput, names);
  }

  /** The spec as read: its entry file and document tree (after recoveries), for the fidelity check. */
  public record Source(Path file, SpecVersion version, JsonNode document) {}

  /** The report's facts: the options of the elements, by element, in element order. */
  public Map<String, Map<String, Object>> facts() {
    return FactsView.of(packageName, fileOptions, files);
  }

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
