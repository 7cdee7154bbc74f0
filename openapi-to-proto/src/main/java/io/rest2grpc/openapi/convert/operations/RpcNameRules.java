package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.convert.operations.OperationConverter.Op;
import io.rest2grpc.openapi.naming.Names;

/** Which of {@link RpcNames}' rules gave an operation its RPC name, told from the name: for the report's names section. */
final class RpcNameRules {
  private RpcNameRules() {}

  static String ruleOf(Op op, String rpc) {
    String operationId = op.operation().getOperationId();
    if (operationId != null && !Names.words(operationId).isEmpty()) {
      String rule = matching(rpc, Names.pascal(operationId, "Rpc"), "operationId");
      if (rule != null) {
        return rule;
      }
    }
    String rule = matching(rpc, Names.pascal(op.method() + " " + op.path().replaceAll("[{}]", " "), "Rpc"), "path");
    if (rule != null) {
      return rule;
    }
    String base = rpc.replaceFirst("\\d+$", "");
    return (base.matches("(Get|List|Create|Update|Replace|Delete)[A-Z].*") ? "standard method" : "operationId, shortened")
        + (base.equals(rpc) ? "" : ", numbered");
  }

  /** {@code rule} when {@code rpc} is {@code candidate}, or it with a numeric suffix; else null. */
  private static String matching(String rpc, String candidate, String rule) {
    if (rpc.equals(candidate)) {
      return rule;
    }
    return rpc.startsWith(candidate) && rpc.substring(candidate.length()).matches("\\d+") ? rule + ", numbered" : null;
  }
}
