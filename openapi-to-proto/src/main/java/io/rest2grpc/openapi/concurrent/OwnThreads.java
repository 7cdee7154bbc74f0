package io.rest2grpc.openapi.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Work run beside the caller on daemon threads that the call starts and stops, never on the
 * shared common pool: the converter runs inside multi-threaded builds (Maven, Gradle) that use
 * that pool themselves.
 */
public final class OwnThreads {
  private OwnThreads() {}

  /** Runs {@code task} on a thread of its own, which ends with the task. */
  public static <T> Background<T> start(String name, Supplier<T> task) {
    return new Background<>(CompletableFuture.supplyAsync(task, runnable -> {
      Thread thread = new Thread(runnable, "rest2grpc-" + name);
      thread.setDaemon(true);
      thread.start();
    }));
  }

  /** {@code function} applied to every item, in the items' order, on one thread per core at most. */
  public static <T, R> List<R> map(String name, List<T> items, Function<T, R> function) {
    int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      return items.stream().map(function).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "rest2grpc-" + name);
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<R>> futures = new ArrayList<>();
      items.forEach(item -> futures.add(pool.submit(() -> function.apply(item))));
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(result(future));
      }
      return List.copyOf(results);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R result(Future<R> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw unchecked(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + Thread.currentThread().getName() + "'s work", e);
    }
  }

  private static RuntimeException unchecked(Throwable cause) {
    if (cause instanceof Error error) {
      throw error;
    }
    return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
  }

  /** The result of {@link #start}; {@link #join} rethrows what the task threw. */
  public record Background<T>(CompletableFuture<T> future) {
    public T join() {
      try {
        return future.join();
      } catch (CompletionException e) {
        throw unchecked(e.getCause());
      }
    }
  }
}
