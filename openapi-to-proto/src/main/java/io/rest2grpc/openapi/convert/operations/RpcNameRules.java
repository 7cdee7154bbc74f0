package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.convert.operations.OperationConverter.Op;
import io.rest2grpc.openapi.naming.Names;

/** Which of {@link RpcNames}' rules gave an operation its RPC name, told from the name: for the report's names section. */
final class RpcNameRules {
  private RpcNameRules() {}

  static String ruleOf(Op op, String rpc) {
    String base = rpc.replaceFirst("\\d+$", "");
    String numbered = base.equals(rpc) ? "" : ", numbered";
    String operationId = op.operation().getOperationId();
    if (operationId != null && base.equals(Names.pascal(operationId, "Rpc"))) {
      return "operationId" + numbered;
    }
    if (base.equals(Names.pascal(op.method() + " " + op.path().replaceAll("[{}]", " "), "Rpc"))) {
      return "path" + numbered;
    }
    return rpc.matches("(Get|List|Create|Update|Replace|Delete)[A-Z].*") ? "standard method" + numbered : "operationId, shortened" + numbered;
  }
}
