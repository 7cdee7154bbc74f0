package io.rest2grpc.openapi.proto;

import io.rest2grpc.openapi.SourceLocation;
import java.util.List;

public record ProtoEnum(String name, String comment, List<Value> values, boolean deprecated, SourceLocation source,
    Reserved reserved) {

  public record Value(String name, int number) {}
}
