package io.rest2grpc.sample.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rest2grpc.sample.error.ApiException;
import io.rest2grpc.sample.order.OrderService;
import io.rest2grpc.sample.security.RequiresRole;
import io.rest2grpc.sample.security.Role;
import io.rest2grpc.sample.stream.TrackingUploadSummary.LineError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bulk upload of carrier tracking events as NDJSON, read line by line without buffering the whole body. */
@RestController
public class TrackingEventController {

  static final String NDJSON = "application/x-ndjson";

  private final OrderService orders;
  private final ObjectMapper objectMapper;

  public TrackingEventController(OrderService orders, ObjectMapper objectMapper) {
    this.orders = orders;
    this.objectMapper = objectMapper;
  }

  @PostMapping(path = "/v1/tracking-events", consumes = NDJSON)
  @RequiresRole(Role.WRITER)
  public TrackingUploadSummary uploadTrackingEvents(InputStream body) throws IOException {
    int received = 0;
    int applied = 0;
    List<LineError> errors = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      received++;
      String problem = apply(line);
      if (problem == null) {
        applied++;
      } else {
        errors.add(new LineError(lineNumber, problem));
      }
    }
    return new TrackingUploadSummary(received, applied, errors.size(), errors);
  }

  /** Applies one line; the reason it was rejected, or null. */
  private String apply(String line) {
    TrackingEvent event;
    try {
      event = objectMapper.readValue(line, TrackingEvent.class);
    } catch (JsonProcessingException e) {
      return "not a tracking event: " + e.getOriginalMessage();
    }
    if (event.orderId() == null || event.status() == null) {
      return "order_id and status are required";
    }
    try {
      orders.changeStatus(event.orderId(), event.status(), null);
      return null;
    } catch (ApiException e) {
      return e.getMessage();
    }
  }
}
