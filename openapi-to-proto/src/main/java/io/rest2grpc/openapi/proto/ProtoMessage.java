package io.rest2grpc.openapi.proto;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.options.v1.RestMessage;
import java.util.List;
import java.util.Map;

/**
 * A top-level message; {@code source} is the schema (or operation) it was made from; {@code reserved}
 * holds the fields removed since the lock file was written; {@code options} says whether it wraps a
 * bare REST array or map; {@code oneofs} holds the options of its oneofs by name.
 */
public record ProtoMessage(String name, String comment, List<ProtoField> fields, boolean deprecated, SourceLocation source,
    Reserved reserved, RestMessage options, Map<String, OneofOptions> oneofs) {

  public ProtoMessage {
    fields = List.copyOf(fields);
    oneofs = Map.copyOf(oneofs);
  }

  public ProtoMessage withName(String name) {
    return new ProtoMessage(name, comment, fields, deprecated, source, reserved, options, oneofs);
  }

  public ProtoMessage withFields(List<ProtoField> fields) {
    return new ProtoMessage(name, comment, fields, deprecated, source, reserved, options, oneofs);
  }

  public ProtoMessage withReserved(Reserved reserved) {
    return new ProtoMessage(name, comment, fields, deprecated, source, reserved, options, oneofs);
  }

  /** The options of a oneof of this message; none for a oneof without any. */
  public OneofOptions oneof(String name) {
    return oneofs.getOrDefault(name, OneofOptions.NONE);
  }
}
