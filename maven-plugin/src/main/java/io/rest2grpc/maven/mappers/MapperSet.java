package io.rest2grpc.maven.mappers;

import io.rest2grpc.maven.mappers.plan.Mapper;
import java.util.List;

/**
 * The plan of a run: each request's result, and every mapper class the mapped ones need (nested types
 * included), each with the directions it is used in.
 */
public record MapperSet(List<MappingResult> results, List<PlannedMapper> mappers) {

  public MapperSet {
    results = List.copyOf(results);
    mappers = List.copyOf(mappers);
  }

  public record PlannedMapper(Mapper mapper, Direction direction) {}
}
