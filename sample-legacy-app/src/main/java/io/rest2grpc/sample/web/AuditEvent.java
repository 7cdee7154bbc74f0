package io.rest2grpc.sample.web;

import java.time.OffsetDateTime;

/** One handled API call, as recorded by {@link AuditInterceptor}. */
public record AuditEvent(OffsetDateTime at, String requestId, String caller, String method, String path,
    int status, String handler) {}
