package io.rest2grpc.shadow.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mismatches kept: the newest {@code kept} of each RPC in memory (so memory stays bounded whatever the traffic),
 * and, optionally, every one appended to a JSONL file, one object a line. What comes in is already redacted.
 */
public final class DiffStore implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  private static final Logger LOG = LoggerFactory.getLogger(DiffStore.class);

  private final int kept;
  private final Map<String, Deque<Diff>> byRpc = new ConcurrentHashMap<>();
  private final Optional<BufferedWriter> log;

  private DiffStore(int kept, Optional<BufferedWriter> log) {
    this.kept = kept;
    this.log = log;
  }

  /** Keeps {@code kept} per RPC, and appends to {@code jsonl} if given (created, or appended to). */
  public static DiffStore open(int kept, Optional<Path> jsonl) throws IOException {
    if (kept < 1) {
      throw new IllegalArgumentException("kept-diffs is " + kept + "; give 1 or more");
    }
    Optional<BufferedWriter> log = Optional.empty();
    if (jsonl.isPresent()) {
      try {
        log = Optional.of(Files.newBufferedWriter(jsonl.get(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND));
      } catch (IOException cannotWrite) {
        throw new IllegalArgumentException("diff-log " + jsonl.get() + " cannot be written (" + cannotWrite.getMessage()
            + "); give a file in a folder the proxy may write to");
      }
    }
    return new DiffStore(kept, log);
  }

  public void add(Diff diff) {
    Deque<Diff> diffs = byRpc.computeIfAbsent(diff.rpc(), rpc -> new ArrayDeque<>());
    synchronized (diffs) {
      diffs.addFirst(diff);
      while (diffs.size() > kept) {
        diffs.removeLast();
      }
    }
    log.ifPresent(writer -> append(writer, diff));
  }

  /** The newest {@code limit} of the RPC, newest first. */
  public List<Diff> latest(String rpc, int limit) {
    Deque<Diff> diffs = byRpc.get(rpc);
    if (diffs == null) {
      return List.of();
    }
    synchronized (diffs) {
      return diffs.stream().limit(limit).toList();
    }
  }

  /** The newest {@code limit} of every RPC together, newest first. */
  public List<Diff> latest(int limit) {
    List<Diff> all = new ArrayList<>();
    byRpc.keySet().forEach(rpc -> all.addAll(latest(rpc, limit)));
    all.sort(Comparator.comparing(Diff::at).reversed());
    return all.subList(0, Math.min(limit, all.size()));
  }

  @Override
  public void close() {
    log.ifPresent(writer -> {
      try {
        writer.close();
      } catch (IOException e) {
        LOG.warn("the diff log did not close cleanly: {}", e.toString());
      }
    });
  }

  private static void append(BufferedWriter writer, Diff diff) {
    try {
      synchronized (writer) {
        writer.write(JSON.writeValueAsString(diff));
        writer.newLine();
        writer.flush();
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException cannotWrite) {
      // the ring still has it; a full disk must not stop shadowing
      LOG.warn("a mismatch could not be appended to the diff log: {}", new UncheckedIOException(cannotWrite).getMessage());
    }
  }
}
