package io.rest2grpc.maven.mappers;

import io.rest2grpc.maven.mappers.MapperSet.PlannedMapper;
import io.rest2grpc.maven.mappers.MappingResult.Mapped;
import io.rest2grpc.maven.mappers.MappingResult.Unmappable;
import io.rest2grpc.maven.mappers.dto.JavaType;
import io.rest2grpc.maven.mappers.dto.JavaTypeModel;
import io.rest2grpc.maven.mappers.plan.Planner;
import io.rest2grpc.maven.mappers.plan.Planner.Planned;
import io.rest2grpc.maven.mappers.plan.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Plans typed mappers between proto messages and the application's DTOs, matched by their REST JSON names. */
public final class DtoMappers {

  private DtoMappers() {}

  public static MapperSet plan(List<MappingRequest> requests, JavaTypeModel types, MappingSettings settings) {
    Planner planner = new Planner(types, settings);
    List<MappingResult> results = new ArrayList<>();
    Map<String, Set<Direction>> used = new TreeMap<>();
    for (MappingRequest request : requests) {
      JavaType dto = types.type(request.dtoType());
      List<Reason> reasons = new ArrayList<>();
      String name = "";
      List<Direction> directions = new ArrayList<>();
      if (request.direction().toProto()) {
        directions.add(Direction.TO_PROTO);
      }
      if (request.direction().fromProto()) {
        directions.add(Direction.FROM_PROTO);
      }
      for (Direction direction : directions) {
        Planned planned = planner.plan(request.message(), dto, direction == Direction.TO_PROTO);
        reasons.addAll(planned.reasons());
        name = planned.mapperName();
      }
      if (reasons.isEmpty()) {
        results.add(new Mapped(request, name));
        for (String reachable : planner.reachable(name)) {
          used.computeIfAbsent(reachable, ignored -> EnumSet.noneOf(Direction.class)).addAll(directions);
        }
      } else {
        results.add(new Unmappable(request, reasons.stream().distinct().sorted().toList()));
      }
    }
    List<PlannedMapper> mappers = used.entrySet().stream()
        .map(entry -> new PlannedMapper(planner.mapper(entry.getKey()), direction(entry.getValue())))
        .sorted(Comparator.comparing(planned -> planned.mapper().name()))
        .toList();
    return new MapperSet(results, mappers);
  }

  private static Direction direction(Set<Direction> directions) {
    return directions.size() == 2 ? Direction.BOTH : directions.iterator().next();
  }
}
