package io.rest2grpc.openapi.report;

import java.util.HashMap;
import java.util.Map;

/**
 * The rule that produced each name of a conversion, for the names section of the report: a team
 * reviews them once, before the first commit of the lock freezes them (module README, "Report").
 *
 * @param packageRule where the package came from ({@code --package}, the lock, or the evidence of {@code PackageNames})
 * @param rpcs the rule of each RPC name ({@code operationId}, {@code standard method}, {@code x-grpc-name}…)
 * @param types the rule of each message and enum name the conversion recorded ({@code component name},
 *     {@code inline: where it is written}…); the report tells the others from their form
 */
public record NameRules(String packageRule, Map<String, String> rpcs, Map<String, String> types) {
  public NameRules {
    rpcs = Map.copyOf(rpcs);
    types = Map.copyOf(types);
  }

  /** These rules after the lock renamed types ({@code from} → {@code to}): a renamed type is named by the lock. */
  public NameRules renamed(Map<String, String> typeRenames) {
    if (typeRenames.isEmpty()) {
      return this;
    }
    Map<String, String> renamed = new HashMap<>(types);
    typeRenames.forEach((from, to) -> {
      renamed.remove(from);
      renamed.put(to, "locked");
    });
    return new NameRules(packageRule, rpcs, renamed);
  }
}
