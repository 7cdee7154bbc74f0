package io.rest2grpc.maven.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rest2grpc.maven.calls.Call;
import io.rest2grpc.maven.controllers.model.Bypassed;
import io.rest2grpc.maven.controllers.model.Handler;
import io.rest2grpc.maven.controllers.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code generate} did, for the console and as JSON under {@code target/rest2grpc/}: every RPC
 * with its route, the handler that answers it and how (typed or bridged, and why), the RPCs no
 * handler of the module answers, the handlers no RPC reaches, and what could not be read.
 */
public record GenerationReport(List<Operation> operations, List<Unmatched> handlersWithoutOperation, List<String> problems) {

  /**
   * @param handler {@code Class#method (File.java:line)}, or null when no handler of the module answers the RPC
   * @param call {@code "bridge"} or {@code "typed"}
   * @param reason why it is bridged; null for a typed call
   * @param skipped the servlet filters and body advice a typed call does not pass through, and what covers each (none for the bridge,
   *     which goes through the app's whole MVC stack)
   * @param sizeRisks why its messages may outgrow gRPC's 4 MiB default
   */
  public record Operation(String rpc, String route, String handler, String call, String reason, List<String> skipped,
      List<String> sizeRisks) {}

  /** @param handler {@code Class#method (File.java:line)} */
  public record Unmatched(String handler, List<String> methods, List<String> paths) {}

  /** @param bypassed what typed calls do not pass through: listed as skipped on every typed call */
  public static GenerationReport of(List<ServicePlan> plans, List<Handler> unmatched, List<Bypassed> bypassed, List<Problem> problems) {
    List<String> skipped = bypassed.stream().map(Bypassed::describe).toList();
    List<String> skippedWhenWritten = bypassed.stream().filter(part -> part.kind() != Bypassed.Kind.RESPONSE_BODY_ADVICE)
        .map(Bypassed::describe).toList(); // an answer written as MVC writes it passes the response body advice
    List<Operation> operations = new ArrayList<>();
    for (ServicePlan plan : plans) {
      for (MethodPlan method : plan.methods()) {
        String reason = method.call() instanceof Call.Bridged bridged ? bridged.reason() : null;
        List<String> skips = method.call() instanceof Call.Typed typed
            ? typed.answer() instanceof Call.Written ? skippedWhenWritten : skipped
            : List.of();
        operations.add(new Operation(method.rpc().getFullName(), method.route(), method.handler().map(MethodPlan::describe).orElse(null),
            reason == null ? "typed" : "bridge", reason, skips, MessageSizeRisks.of(method.rpc())));
      }
    }
    List<Unmatched> handlers = unmatched.stream()
        .map(handler -> new Unmatched(MethodPlan.describe(handler), handler.httpMethods().stream().map(Enum::name).toList(), handler.paths()))
        .toList();
    return new GenerationReport(operations, handlers, problems.stream().map(Problem::toString).toList());
  }

  public long withoutHandler() {
    return operations.stream().filter(operation -> operation.handler() == null).count();
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
  }

  /** The report as console lines: a summary, then every RPC, unmatched handler and problem. */
  public void print(Consumer<String> info, Consumer<String> warn) {
    long bridged = operations.stream().filter(operation -> operation.call().equals("bridge")).count();
    info.accept(operations.size() + " RPCs: " + (operations.size() - bridged) + " typed, " + bridged + " bridged, " + withoutHandler()
        + " without a handler in this module; " + handlersWithoutOperation.size() + " handlers without an RPC");
    for (Operation operation : operations) {
      info.accept("  " + operation.route() + " -> " + operation.rpc() + " <- "
          + (operation.handler() == null ? "(no handler)" : operation.handler()) + " [" + operation.call() + "]");
    }
    operations.stream().filter(operation -> operation.call().equals("typed")).findFirst().ifPresent(typed -> {
      if (!typed.skipped().isEmpty()) {
        info.accept("  typed calls do not pass through:");
        typed.skipped().forEach(skipped -> info.accept("    " + skipped));
      }
    });
    for (Operation operation : operations) {
      operation.sizeRisks().forEach(risk -> warn.accept("  " + operation.rpc() + " may outgrow gRPC's 4 MiB message size: " + risk));
    }
    for (Unmatched handler : handlersWithoutOperation) {
      warn.accept("  not in the contract: " + String.join("|", handler.methods()) + " " + String.join(", ", handler.paths()) + " <- "
          + handler.handler() + " (no RPC: gRPC clients cannot reach it; add it to the spec and convert, if they should)");
    }
    problems.forEach(problem -> warn.accept("  " + problem));
  }
}
