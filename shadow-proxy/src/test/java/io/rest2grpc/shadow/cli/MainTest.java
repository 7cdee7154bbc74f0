package io.rest2grpc.shadow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad settings end with exit code 2 and one line saying what to correct, never a stack trace. */
class MainTest {

  @Test
  void aMissingDescriptorSetSaysWhereTheBuildWritesIt() {
    String error = run("--rest-upstream", "http://127.0.0.1:1", "--grpc-upstream", "127.0.0.1:2", "--descriptor-set", "/nowhere.binpb");

    assertThat(error).startsWith("shadow-proxy: no descriptor set at /nowhere.binpb: give the one the service's build writes")
        .doesNotContain("Exception");
  }

  @Test
  void badValuesAreNamedWithTheirOption() {
    assertThat(run("--rest-upstream", "http://127.0.0.1:1", "--grpc-upstream", "x:2", "--descriptor-set", "a", "--listen", "8000"))
        .contains("listen is '8000'; give host:port");
    assertThat(run("--rest-upstream", "http://127.0.0.1:1", "--grpc-upstream", "x:2", "--descriptor-set", "a", "--sample", "10"))
        .contains("the sample rate is 10.0; give a share between 0 and 1");
    assertThat(run("--rest-upstream", "http://127.0.0.1:1", "--grpc-upstream", "x:2", "--descriptor-set", "a", "--marker-key", "k=%%"))
        .contains("marker-key k=…: the secret is not base64");
  }

  private static String run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit = new CommandLine(new Main()).execute(args);
      assertThat(exit).isEqualTo(2);
    } finally {
      System.setErr(saved);
    }
    return err.toString(StandardCharsets.UTF_8).strip();
  }
}
