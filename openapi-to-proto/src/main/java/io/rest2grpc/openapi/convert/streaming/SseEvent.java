package io.rest2grpc.openapi.convert.streaming;

import java.util.ArrayList;
import java.util.List;

/**
 * One event of an SSE example, up to the blank line that ends it: its {@code event:} name, {@code id:},
 * {@code retry:} and {@code data:} lines (joined with newlines); a field the event does not have is null.
 */
record SseEvent(String name, String id, String retry, String data) {

  /** The events of an example text, in order; lines that are no field are ignored. */
  static List<SseEvent> parse(String example) {
    List<SseEvent> events = new ArrayList<>();
    String name = null;
    String id = null;
    String retry = null;
    String data = null;
    for (String line : (example.replace("\r\n", "\n") + "\n").split("\n", -1)) {
      String field = line.contains(":") ? line.substring(0, line.indexOf(':')) : line;
      String value = line.contains(":") ? line.substring(line.indexOf(':') + 1).stripLeading() : "";
      switch (field) {
        case "event" -> name = value;
        case "id" -> id = value;
        case "retry" -> retry = value;
        case "data" -> data = data == null ? value : data + "\n" + value;
        case "" -> {
          if (name != null || id != null || retry != null || data != null) {
            events.add(new SseEvent(name, id, retry, data));
          }
          name = null;
          id = null;
          retry = null;
          data = null;
        }
        default -> { }
      }
    }
    return events;
  }
}
