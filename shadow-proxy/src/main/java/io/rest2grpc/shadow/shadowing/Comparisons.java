package io.rest2grpc.shadow.shadowing;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.rest2grpc.shadow.compare.Mismatch;
import io.rest2grpc.shadow.compare.NoiseModel;
import io.rest2grpc.shadow.compare.ParityCheck;
import io.rest2grpc.shadow.compare.ParityCheck.Checked;
import io.rest2grpc.shadow.compare.StreamParity;
import io.rest2grpc.shadow.compare.StreamSeen;
import io.rest2grpc.shadow.primary.RestAgain;
import io.rest2grpc.shadow.results.Diff;
import io.rest2grpc.shadow.results.ParityLedger;
import io.rest2grpc.shadow.results.ParityLedger.Outcome;
import io.rest2grpc.shadow.results.ParityLedger.Side;
import io.rest2grpc.shadow.results.Redaction;
import io.rest2grpc.shadow.routes.RouteRule;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.equivalence.Difference;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The comparison of each shadowed request, off the primary path on one worker thread with a bounded queue (a
 * request whose comparison finds the queue full is counted as dropped). It decides the outcome: REST's 429 is
 * skipped (shadow calls are exempt from rate limits), a gRPC side without an answer of its own is a gRPC error, and
 * otherwise the answers are compared under the route's rule. Differences at paths learned as REST's own noise do not
 * count; with re-checking on, a read's mismatch counts only if asking both sides again still finds one.
 */
public final class Comparisons implements AutoCloseable {
  private static final int QUEUE = 1_000;

  /** A request being shadowed: its RPC's call, the route's rule and the channel its call went to. */
  public record Shadowed(ShadowCall call, RouteRule rule, Channel channel) {
    public String rpc() {
      return call.rpc();
    }

    Routed.Call routed() {
      return call.routed();
    }

    boolean safe() {
      return routed().rest().method().equals("GET") || routed().rest().method().equals("HEAD");
    }
  }

  private enum Pass { FIRST, RECHECK }

  private final ParityLedger ledger;
  private final Redaction redaction;
  private final NoiseModel noise;
  private final ShadowCalls calls;
  private final RestAgain again;
  private final boolean recheck;
  private final double noiseSampleRate;
  private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
      runnable -> {
        Thread thread = new Thread(runnable, "shadow-comparisons");
        thread.setDaemon(true);
        return thread;
      });

  public Comparisons(ParityLedger ledger, Redaction redaction, NoiseModel noise, ShadowCalls calls, RestAgain again, boolean recheck,
      double noiseSampleRate) {
    this.ledger = ledger;
    this.redaction = redaction;
    this.noise = noise;
    this.calls = calls;
    this.again = again;
    this.recheck = recheck;
    this.noiseSampleRate = noiseSampleRate;
  }

  public ParityLedger ledger() {
    return ledger;
  }

  public NoiseModel noise() {
    return noise;
  }

  /** REST has answered {@code shadowed}; once the gRPC side has too, the two are compared. */
  public void compareWhenAnswered(Shadowed shadowed, RestResponse rest, CompletableFuture<GrpcAnswer> grpc) {
    grpc.thenAccept(answer -> submit(shadowed.rpc(), () -> judge(shadowed, rest, answer, Pass.FIRST)));
  }

  /**
   * REST has sent the frames of {@code shadowed}'s stream that are compared (or ended it); once the gRPC side has
   * too, the two streams are compared. Neither re-checked nor learned from: a stream is not asked twice.
   */
  public void compareStreamWhenAnswered(Shadowed shadowed, RestResponse restHead, StreamSeen rest, CompletableFuture<GrpcAnswer> grpc) {
    grpc.thenAccept(answer -> submit(shadowed.rpc(), () -> judgeStream(shadowed, restHead, rest, answer)));
  }

  /** Waits up to {@code timeout} for the comparisons queued to finish, then stops. */
  public void drain(Duration timeout) throws InterruptedException {
    worker.shutdown();
    worker.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  private void submit(String rpc, Runnable comparison) {
    try {
      worker.execute(comparison);
    } catch (RejectedExecutionException busy) {
      ledger.record(rpc, Outcome.DROPPED);
    }
  }

  private void judge(Shadowed shadowed, RestResponse rest, GrpcAnswer grpc, Pass pass) {
    String rpc = shadowed.rpc();
    if (rest.status() == 429) {
      ledger.record(rpc, Outcome.SKIPPED);
      return;
    }
    if (grpc.transportFailure()) {
      ledger.record(rpc, Outcome.GRPC_ERROR);
      return;
    }
    if (pass == Pass.FIRST) {
      ledger.latency(rpc, Side.GRPC, grpc.took());
    }
    Checked checked = check(shadowed, rest, grpc);
    List<Mismatch> mismatches = checked.mismatches();
    if (noiseSampleRate > 0 && shadowed.safe()) {
      if (pass == Pass.FIRST) {
        noise.compared(rpc, mismatches.stream().filter(mismatch -> mismatch.kind() == Mismatch.Kind.BODY).map(Mismatch::where).toList());
      }
      mismatches = mismatches.stream().filter(mismatch -> mismatch.kind() != Mismatch.Kind.BODY || !noise.isNoise(rpc, mismatch.where()))
          .toList();
      if (pass == Pass.FIRST && ThreadLocalRandom.current().nextDouble() < noiseSampleRate) {
        learnNoise(shadowed, rest);
      }
    }
    if (mismatches.isEmpty()) {
      if (pass == Pass.RECHECK) {
        ledger.recheckedAway(rpc);
      } else {
        ledger.record(rpc, Outcome.MATCHED);
      }
      return;
    }
    Diff diff = diff(shadowed, rest, checked.grpcAsRest(), mismatches);
    if (pass == Pass.FIRST && recheck && shadowed.safe()) {
      recheck(shadowed, diff);
    } else {
      ledger.mismatched(diff);
    }
  }

  private void judgeStream(Shadowed shadowed, RestResponse restHead, StreamSeen rest, GrpcAnswer grpc) {
    String rpc = shadowed.rpc();
    if (grpc.transportFailure()) {
      ledger.record(rpc, Outcome.GRPC_ERROR);
      return;
    }
    Optional<Checked> checked;
    try {
      checked = StreamParity.compare(shadowed.routed(), grpc, restHead, rest, shadowed.rule());
    } catch (RuntimeException unreadable) {
      checked = Optional.of(unwritable(unreadable));
    }
    if (checked.isEmpty()) {
      ledger.record(rpc, Outcome.SKIPPED);
    } else if (checked.get().mismatches().isEmpty()) {
      ledger.record(rpc, Outcome.MATCHED);
    } else {
      RestResponse restAsCompared = new RestResponse(restHead.status(), restHead.headers(), restHead.mediaType(),
          ByteString.copyFromUtf8(rest.frames().stream().map(seen -> seen.frame().json()).collect(Collectors.joining("\n"))));
      ledger.mismatched(diff(shadowed, restAsCompared, checked.get().grpcAsRest(), checked.get().mismatches()));
    }
  }

  private static Checked check(Shadowed shadowed, RestResponse rest, GrpcAnswer grpc) {
    try {
      return ParityCheck.compare(shadowed.routed(), grpc, rest, shadowed.rule());
    } catch (RuntimeException unreadable) {
      return unwritable(unreadable);
    }
  }

  /** The gRPC side answered what the engine cannot write for REST. */
  private static Checked unwritable(RuntimeException unreadable) {
    String why = "an answer the engine cannot write: " + unreadable;
    return new Checked(new RestResponse(0, RestHeaders.NONE, "", ByteString.copyFromUtf8(why)),
        List.of(new Mismatch(Mismatch.Kind.BODY, "", "REST's answer", why)));
  }

  /** Both sides asked once more; the mismatch counts only if the second pair differs too (then it is the one kept). */
  private void recheck(Shadowed shadowed, Diff first) {
    Optional<CompletableFuture<GrpcAnswer>> grpc = calls.start(shadowed.call(), shadowed.channel());
    if (grpc.isEmpty()) {
      ledger.mismatched(first);
      return;
    }
    again.send(shadowed.routed().rest()).thenCombine(grpc.get(), (rest, answer) -> {
      submit(shadowed.rpc(), () -> {
        if (rest.isEmpty() || answer.transportFailure()) {
          ledger.mismatched(first);
        } else {
          judge(shadowed, rest.get(), answer, Pass.RECHECK);
        }
      });
      return null;
    });
  }

  /** REST asked the same read again: the body paths whose values differ between its two answers are its noise. */
  private void learnNoise(Shadowed shadowed, RestResponse first) {
    again.send(shadowed.routed().rest()).thenAccept(second -> second.filter(answer -> answer.status() == first.status()).ifPresent(answer -> {
      try {
        worker.execute(() -> noise.restTwice(shadowed.rpc(), RestJsonEquivalence.compare(first.body().toStringUtf8(),
            answer.body().toStringUtf8()).differences().stream().map(Difference::pointer).toList()));
      } catch (RejectedExecutionException busy) {
        // a lesson skipped, nothing lost
      }
    }));
  }

  private Diff diff(Shadowed shadowed, RestResponse rest, RestResponse grpc, List<Mismatch> mismatches) {
    RestRequest request = shadowed.routed().rest();
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    request.headers().list().forEach(header -> headers.merge(header.name(), redaction.header(header.name(), header.value()),
        (one, other) -> one + ", " + other));
    return new Diff(ledger.clock().instant(), shadowed.rpc(), request.method() + " " + redaction.target(request.target()), headers,
        answer(rest), answer(grpc), mismatches.stream().map(redaction::mismatch).toList());
  }

  private Diff.Answer answer(RestResponse response) {
    Map<String, String> headers = new TreeMap<>();
    ParityCheck.COMPARED_HEADERS.forEach(name -> response.headers().first(name).ifPresent(value -> headers.put(name, value)));
    return new Diff.Answer(response.status(), response.mediaType(), headers, redaction.body(response.body().toStringUtf8()));
  }
}
