package io.rest2grpc.maven.mappers;

import io.rest2grpc.maven.mappers.plan.Reason;
import java.util.List;
import java.util.stream.Collectors;

/** What became of one {@link MappingRequest}. */
public sealed interface MappingResult {

  MappingRequest request();

  /** Generated code maps it: call {@code <mapperName>.toProto(dto)} / {@code fromProto(message)}. */
  record Mapped(MappingRequest request, String mapperName) implements MappingResult {}

  /** No typed mapper: route the RPC through the bridge, and list the reasons. */
  record Unmappable(MappingRequest request, List<Reason> reasons) implements MappingResult {
    public Unmappable {
      reasons = List.copyOf(reasons);
    }

    /** "{dto} ⇔ {message}: no typed mapper, the RPC goes through the bridge:" and one line per reason. */
    public String describe() {
      return request.dtoType() + " ⇔ " + request.message().getFullName() + ": no typed mapper, the RPC goes through the bridge:"
          + reasons.stream().map(reason -> "\n  - " + reason).collect(Collectors.joining());
    }
  }
}
