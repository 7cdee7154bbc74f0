package io.rest2grpc.maven.convert;

import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.proto.ProtoService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a conversion takes away from the protos the lock describes: RPCs, messages, enums, fields and
 * enum values the spec no longer has. The converter keeps their numbers reserved, so nothing is
 * reused, but a client or server built on the committed protos loses them: a breaking change, which
 * {@code convert} makes only when allowed. (A retyped field already fails the conversion itself.)
 */
public record BreakingEdits(List<String> edits) {

  public static BreakingEdits between(Lock before, Conversion after) {
    Set<String> rpcs = new HashSet<>();
    Set<String> messages = new HashSet<>();
    Set<String> enums = new HashSet<>();
    for (ProtoFile file : after.files()) {
      file.messages().stream().map(ProtoMessage::name).forEach(messages::add);
      file.enums().stream().map(ProtoEnum::name).forEach(enums::add);
      for (ProtoService service : file.services()) {
        service.rpcs().stream().map(ProtoRpc::name).forEach(rpc -> rpcs.add(service.name() + "." + rpc));
      }
    }
    Lock locked = after.lock().lock();
    List<String> edits = new ArrayList<>();
    for (Lock.RpcLock rpc : before.rpcs().values()) {
      if (!rpcs.contains(rpc.service() + "." + rpc.name())) {
        edits.add("RPC " + rpc.service() + "." + rpc.name() + " is gone (its operation left the spec)");
      }
    }
    for (Map.Entry<String, Lock.MessageLock> message : before.messages().entrySet()) {
      Lock.MessageLock now = locked.messages().get(message.getKey());
      if (!messages.contains(message.getKey()) || now == null) {
        edits.add("message " + message.getKey() + " is gone (from " + message.getValue().source() + ")");
        continue;
      }
      Set<Integer> live = new HashSet<>();
      now.fields().forEach(field -> live.add(field.number()));
      message.getValue().fields().stream().filter(field -> !live.contains(field.number()))
          .forEach(field -> edits.add("field " + message.getKey() + "." + field.name() + " (number " + field.number() + ", REST \""
              + field.json() + "\") is gone; its number stays reserved"));
    }
    for (Map.Entry<String, Lock.EnumLock> protoEnum : before.enums().entrySet()) {
      Lock.EnumLock now = locked.enums().get(protoEnum.getKey());
      if (!enums.contains(protoEnum.getKey()) || now == null) {
        edits.add("enum " + protoEnum.getKey() + " is gone (from " + protoEnum.getValue().source() + ")");
        continue;
      }
      Set<Integer> live = new HashSet<>();
      now.values().forEach(value -> live.add(value.number()));
      protoEnum.getValue().values().stream().filter(value -> !live.contains(value.number()))
          .forEach(value -> edits.add("enum value " + protoEnum.getKey() + "." + value.name() + " (number " + value.number() + ") is gone"));
    }
    return new BreakingEdits(List.copyOf(edits));
  }

  public boolean isEmpty() {
    return edits.isEmpty();
  }
}
