package io.rest2grpc.maven.calls;

import com.google.api.AnnotationsProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.maven.calls.Call.Answer;
import io.rest2grpc.maven.calls.Call.Mapping;
import io.rest2grpc.maven.controllers.model.Argument;
import io.rest2grpc.maven.controllers.model.BridgeReason;
import io.rest2grpc.maven.controllers.model.Handler;
import io.rest2grpc.maven.controllers.model.ReturnShape;
import io.rest2grpc.maven.mappers.Direction;
import io.rest2grpc.maven.mappers.DtoMappers;
import io.rest2grpc.maven.mappers.MapperSet;
import io.rest2grpc.maven.mappers.MappingRequest;
import io.rest2grpc.maven.mappers.MappingResult;
import io.rest2grpc.maven.mappers.MappingSettings;
import io.rest2grpc.maven.mappers.dto.JavaTypeModel;
import io.rest2grpc.transcoding.routing.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, per RPC, whether its generated method calls the handler in process (typed) or goes
 * through the bridge, and plans the typed mappers the typed ones need. Typed is the default; the
 * bridge is for what a typed call cannot carry (the fixed list of {@link BridgeReason}), for RPCs
 * without a handler in the module, for shapes typed calls do not cover yet (streams, async returns), and for DTOs the
 * mapper planner cannot map (its reasons are given).
 */
public final class CallPlanner {

  /** One RPC to plan: its primary route (for the body rule) and the handler that answers it, if found. */
  public record Rpc(MethodDescriptor method, Optional<Route> route, Optional<Handler> handler) {}

  /** The plan: each RPC's call, and the mappers the typed ones use. */
  public record Plan(Map<MethodDescriptor, Call> calls, MapperSet mappers) {}

  private static final String HTTP_BODY = "google.api.HttpBody";

  private CallPlanner() {}

  public static Plan plan(List<Rpc> rpcs, JavaTypeModel types, MappingSettings settings) {
    Map<MethodDescriptor, Call.Bridged> bridged = new LinkedHashMap<>();
    Map<MethodDescriptor, Draft> drafts = new LinkedHashMap<>();
    for (Rpc rpc : rpcs) {
      Optional<String> blocker = blocker(rpc);
      if (blocker.isPresent()) {
        bridged.put(rpc.method(), new Call.Bridged(blocker.get()));
        continue;
      }
      try {
        drafts.put(rpc.method(), Draft.of(rpc));
      } catch (NotTyped e) {
        bridged.put(rpc.method(), new Call.Bridged(e.getMessage()));
      }
    }
    MapperSet mappers = DtoMappers.plan(drafts.values().stream().flatMap(draft -> draft.requests().stream()).toList(), types, settings);
    Map<MappingRequest, MappingResult> results = new LinkedHashMap<>();
    mappers.results().forEach(result -> results.put(result.request(), result));
    Map<MethodDescriptor, Call> calls = new LinkedHashMap<>();
    for (Rpc rpc : rpcs) {
      Draft draft = drafts.get(rpc.method());
      calls.put(rpc.method(), draft == null ? bridged.get(rpc.method()) : draft.call(results));
    }
    return new Plan(calls, mappers);
  }

  /** Why the RPC cannot be typed whatever its DTOs; empty when it can be, mappers permitting. */
  private static Optional<String> blocker(Rpc rpc) {
    MethodDescriptor method = rpc.method();
    if (rpc.handler().isEmpty()) {
      return Optional.of("no handler in this module's sources answers its route; the bridge sends it to whatever answers its REST form");
    }
    Set<BridgeReason> reasons = rpc.handler().get().bridgeReasons();
    if (!reasons.isEmpty()) {
      return Optional.of("the handler uses " + reasons.stream().map(reason -> reason.name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .collect(Collectors.joining(", ")) + ", which a typed call cannot reach");
    }
    if (method.isClientStreaming() || method.isServerStreaming()) {
      return Optional.of("it streams; typed calls are unary");
    }
    if (rpc.route().isEmpty()) {
      return Optional.of("it has no REST route");
    }
    return Optional.empty();
  }

  /** The mappings an RPC needs, before the planner says whether its DTOs map. */
  private record Draft(Optional<MappingRequest> body, Optional<FieldDescriptor> bodyField, Optional<MappingRequest> answer,
      Optional<FieldDescriptor> answerField, boolean list, boolean written) {

    static Draft of(Rpc rpc) {
      MethodDescriptor method = rpc.method();
      Handler handler = rpc.handler().orElseThrow();
      Optional<MappingRequest> body = Optional.empty();
      Optional<FieldDescriptor> bodyField = Optional.empty();
      for (Argument argument : handler.arguments()) {
        if (argument.kind() == Argument.Kind.REQUEST_BODY) {
          if (argument.type().startsWith("org.springframework.http.")) {
            throw new NotTyped("the handler takes its body as " + argument.type() + "; typed calls pass the body itself");
          }
          String rule = rpc.route().orElseThrow().body();
          if (rule.isEmpty()) {
            throw new NotTyped("the handler reads a body, and the RPC's REST form has none");
          }
          Descriptor message = method.getInputType();
          if (!rule.equals("*")) {
            FieldDescriptor field = message.findFieldByName(rule);
            requireMessage(field, "request body field");
            bodyField = Optional.of(field);
            message = field.getMessageType();
          }
          body = Optional.of(new MappingRequest(message, argument.type(), Direction.FROM_PROTO));
        }
      }
      ReturnShape shape = handler.returns();
      while (shape.kind() == ReturnShape.Kind.RESPONSE_ENTITY || shape.kind() == ReturnShape.Kind.OPTIONAL) {
        shape = shape.element().orElseThrow();
      }
      String fieldName = method.getOptions().getExtension(AnnotationsProto.http).getResponseBody();
      Optional<FieldDescriptor> answerField = fieldName.isEmpty() ? Optional.empty()
          : Optional.of(method.getOutputType().findFieldByName(fieldName));
      if (answerField.isEmpty() && method.getOutputType().getFullName().equals(HTTP_BODY)) {
        return new Draft(body, bodyField, Optional.empty(), answerField, false, true);
      }
      if (shape.kind() == ReturnShape.Kind.VOID || shape.type().equals("java.lang.Void")) {
        return new Draft(body, bodyField, Optional.empty(), answerField, false, false);
      }
      boolean list = shape.kind() == ReturnShape.Kind.LIST;
      ReturnShape item = list ? shape.element().orElseThrow() : shape;
      if (item.kind() != ReturnShape.Kind.VALUE) {
        throw new NotTyped("the handler returns " + handler.returns().describe() + ", which typed calls do not unwrap yet");
      }
      Descriptor message = method.getOutputType();
      if (answerField.isPresent()) {
        FieldDescriptor field = answerField.get();
        if (field.isRepeated() != list || field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isMapField()) {
          throw new NotTyped("the handler returns " + handler.returns().describe() + ", and the response_body field " + field.getName()
              + " is not " + (list ? "a repeated message" : "a message"));
        }
        message = field.getMessageType();
      } else if (list) {
        throw new NotTyped("the handler returns a list, and the response has no repeated response_body field for it");
      }
      if (message.getFullName().equals(HTTP_BODY) || message.getFullName().equals("google.protobuf.Empty")) {
        throw new NotTyped("the response is " + message.getFullName() + ", which typed calls do not map");
      }
      return new Draft(body, bodyField, Optional.of(new MappingRequest(message, item.type(), Direction.TO_PROTO)), answerField, list,
          false);
    }

    List<MappingRequest> requests() {
      List<MappingRequest> requests = new ArrayList<>();
      body.ifPresent(requests::add);
      answer.ifPresent(requests::add);
      return requests;
    }

    /** Typed when every DTO of the RPC maps, else bridged with the planner's reasons. */
    Call call(Map<MappingRequest, MappingResult> results) {
      List<MappingResult.Unmappable> unmappable = requests().stream().map(results::get)
          .filter(MappingResult.Unmappable.class::isInstance).map(MappingResult.Unmappable.class::cast).toList();
      if (!unmappable.isEmpty()) {
        return new Call.Bridged(unmappable.stream().map(MappingResult.Unmappable::describe).collect(Collectors.joining("\n")));
      }
      Optional<Mapping> bodyMapping = body.map(request -> mapping(request, results, bodyField));
      Answer answered = written ? new Call.Written()
          : answer.isEmpty() ? new Call.NoBody()
          : list ? new Call.ListBody(mapping(answer.get(), results, answerField))
          : new Call.OneBody(mapping(answer.get(), results, answerField));
      return new Call.Typed(bodyMapping, answered);
    }

    private static Mapping mapping(MappingRequest request, Map<MappingRequest, MappingResult> results, Optional<FieldDescriptor> field) {
      return new Mapping(((MappingResult.Mapped) results.get(request)).mapperName(), request.dtoType(), field);
    }

    private static void requireMessage(FieldDescriptor field, String what) {
      if (field == null || field.isRepeated() || field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        throw new NotTyped("the " + what + " is not a single message, which typed calls do not map");
      }
    }
  }

  private static final class NotTyped extends RuntimeException {
    NotTyped(String reason) {
      super(reason);
    }
  }
}
