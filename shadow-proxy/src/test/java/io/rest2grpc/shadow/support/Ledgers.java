package io.rest2grpc.shadow.support;

import io.rest2grpc.shadow.results.ParityLedger;
import java.time.Duration;
import java.time.Instant;

/** Comparisons finish off the primary path: what a test reads of the ledger, and how it waits for it. */
public final class Ledgers {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private Ledgers() {}

  /** The requests the ledger accounts for, every RPC and outcome. */
  public static long accounted(ParityLedger ledger) {
    return ledger.verdicts().stream().mapToLong(method -> method.counts().values().stream().mapToLong(Long::longValue).sum()).sum();
  }

  /** Waits, bounded, until {@code count} requests are accounted for. */
  public static void awaitAccounted(ParityLedger ledger, long count) throws InterruptedException {
    Instant until = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(until)) {
      if (accounted(ledger) >= count) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("after " + PATIENCE.toSeconds() + " s the ledger accounts for fewer than " + count + " requests: "
        + ledger.verdicts());
  }
}
