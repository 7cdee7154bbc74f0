package io.rest2grpc.sample.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/** The most recent audit events, newest first; older ones fall off (the log keeps them all). */
@Component
public class AuditTrail {

  private static final int CAPACITY = 500;
  private final Deque<AuditEvent> events = new ArrayDeque<>();

  public synchronized void record(AuditEvent event) {
    events.addFirst(event);
    if (events.size() > CAPACITY) {
      events.removeLast();
    }
  }

  public synchronized List<AuditEvent> latest(int limit) {
    return new ArrayList<>(events).subList(0, Math.min(limit, events.size()));
  }
}
