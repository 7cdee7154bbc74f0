package io.rest2grpc.openapi.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusSnapshotTest {
  @TempDir
  Path dir;

  private static CorpusSnapshot figures(int rpcs) {
    CorpusSnapshot snapshot = new CorpusSnapshot("Conversion", "Streams");
    snapshot.row("Conversion", "small_b.yaml", rpcs + " RPCs");
    snapshot.row("Conversion", "small_a.yaml", "3 RPCs");
    snapshot.row("Streams", "small_a.yaml", "{server=1}\n    continued");
    snapshot.total("Conversion", (rpcs + 3) + " RPCs");
    return snapshot;
  }

  @Test
  void rowsAreSortedBySpecWhateverOrderTheyArriveIn() {
    assertThat(figures(2).render()).isEqualTo("""
        # CorpusTest's figures: a run that differs fails; rewrite with -Drest2grpc.updateSnapshot=true

        ## Conversion
        small_a.yaml                                               3 RPCs
        small_b.yaml                                               2 RPCs
        Totals: 5 RPCs

        ## Streams
        small_a.yaml                                               {server=1}
            continued
        """);
  }

  @Test
  void aDifferentFigureFailsWithAUnifiedDiffAndTheRewriteFlag() throws Exception {
    Path file = dir.resolve("corpus-snapshot.txt");
    Files.writeString(file, figures(2).render());
    assertThatCode(() -> figures(2).compareWith(file, Set.of("small_a.yaml", "small_b.yaml"), false)).doesNotThrowAnyException();

    assertThatThrownBy(() -> figures(4).compareWith(file, Set.of("small_a.yaml", "small_b.yaml"), false))
        .hasMessageContaining("-Drest2grpc.updateSnapshot=true")
        .hasMessageContaining("--- corpus-snapshot.txt\n+++ this run\n@@ -2,8 +2,8 @@")
        .hasMessageContaining("\n-small_b.yaml                                               2 RPCs\n-Totals: 5 RPCs\n"
            + "+small_b.yaml                                               4 RPCs\n+Totals: 7 RPCs\n");
  }

  @Test
  void aSnapshotWhoseSpecsDidNotAllRunIsNotCompared() throws Exception {
    Path file = dir.resolve("corpus-snapshot.txt");
    Files.writeString(file, figures(2).render());
    assertThatCode(() -> figures(4).compareWith(file, Set.of("small_a.yaml"), false)).doesNotThrowAnyException();
  }

  @Test
  void theFlagRewritesTheSnapshot() throws Exception {
    Path file = dir.resolve("corpus-snapshot.txt");
    Files.writeString(file, figures(2).render());
    figures(4).compareWith(file, Set.of("small_a.yaml", "small_b.yaml"), true);
    assertThat(file).hasContent(figures(4).render());
  }

  @Test
  void aMissingSnapshotFailsWithTheWholeRun() {
    assertThatThrownBy(() -> figures(2).compareWith(dir.resolve("corpus-snapshot.txt"), Set.of("small_a.yaml", "small_b.yaml"), false))
        .hasMessageContaining("+small_a.yaml");
  }
}
