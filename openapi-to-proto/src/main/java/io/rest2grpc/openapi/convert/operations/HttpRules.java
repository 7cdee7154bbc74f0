package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.convert.operations.OperationConverter.Op;
import io.rest2grpc.openapi.convert.operations.RequestConverter.Request;
import io.rest2grpc.openapi.convert.operations.ResponseConverter.Response;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.proto.HttpRule;
import io.rest2grpc.openapi.proto.RpcOptions;
import io.rest2grpc.openapi.read.Spec;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.swagger.v3.oas.models.servers.Server;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code google.api.http} rule of each RPC: the server's base path and the operation's path as
 * a template over the request's fields, the body field (a DELETE's too: unbound, grpc-gateway and Envoy
 * would read it from query parameters), {@code response_body}; one RPC per
 * template (a second one gets no rule), none for a bidi stream (AIP-127), whose route goes in the
 * method option instead.
 */
final class HttpRules {
  private final Spec spec;
  private final Findings report;
  private final Set<String> templates = new HashSet<>();
  private String lastBasePath;

  HttpRules(Spec spec, Findings report) {
    this.spec = spec;
    this.report = report;
  }

  /** The rule, or null when another RPC already has the same method and template. */
  HttpRule of(Op op, Request request, Response response, String element, RpcOptions.Builder rest) {
    String restPath = basePath(op) + op.path();
    PathTemplates.Template template = PathTemplates.of(restPath, v -> request.pathFields().getOrDefault(v, Names.snake(v)));
    for (PathTemplates.Issue issue : template.issues()) {
      report.warn(issue.category(), op.location(), element, issue.message());
    }
    if (!template.issues().isEmpty()) {
      rest.restPath(restPath).restPathFields(request.pathFields());
    }
    String method = op.method();
    String key = method + " " + template.path().replaceAll("\\{[^}]*}", "{}");
    if (!templates.add(key)) {
      rest.restPath(restPath).restPathFields(request.pathFields()).restMethod(method.toUpperCase(Locale.ROOT)).restBody(request.bodyField());
      report.warn(Category.DUPLICATE_TEMPLATE, op.location(), element,
          method.toUpperCase(Locale.ROOT) + " " + template.path() + " is already bound to another RPC; this RPC gets no HttpRule");
      return null;
    }
    String body = request.bodyField();
    if (body != null && method.equals("get")) {
      report.warn(Category.BODY_ON_GET, op.location(), element,
          "GET with a request body: HttpRule binds no body here; field '" + body + "' is the body in rest_body");
      rest.restBody(body);
      body = null;
    } else if (body != null && method.equals("delete")) {
      report.info(Category.DELETE_WITH_BODY, op.location(), element, "DELETE with a request body: bound as body '" + body
          + "' (AIP-135 discourages it, the REST API has it); grpc-gateway needs its allow_delete_body option to generate it");
    }
    String verb = switch (method) {
      case "get", "put", "post", "delete", "patch" -> method;
      default -> method.toUpperCase(Locale.ROOT);
    };
    return new HttpRule(verb, template.path(), body, response.responseBody());
  }

  /** A bidi stream gets no rule (AIP-127): its REST route is kept in the method option. */
  HttpRule bidiRoute(Op op, Request request, String element, RpcOptions.Builder rest) {
    rest.restMethod(op.method().toUpperCase(Locale.ROOT)).restPath(basePath(op) + op.path()).restPathFields(request.pathFields())
        .restBody(request.bodyField());
    report.info(Category.BIDI_STREAM_NO_HTTP_RULE, op.location(), element,
        "streams both ways: no google.api.http rule (AIP-127); the REST route is in rest_method and rest_path");
    return null;
  }

  /** The server path prefix of the last operation that has one (the file option's base_path), null for none. */
  String basePath() {
    return lastBasePath;
  }

  /** The path prefix of the operation's server (operation, path item or spec servers); the last one goes into the file option. */
  private String basePath(Op op) {
    List<Server> servers = op.operation().getServers() != null && !op.operation().getServers().isEmpty() ? op.operation().getServers()
        : op.item().getServers() != null && !op.item().getServers().isEmpty() ? op.item().getServers()
        : spec.model().getServers();
    String path = Servers.basePath(servers);
    if (path == null) {
      return "";
    }
    lastBasePath = path;
    return path;
  }
}
