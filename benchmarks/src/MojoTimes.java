import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.eventspy.AbstractEventSpy;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.plugin.MojoExecution;

/**
 * A Maven event spy for benchmarks/bound-goal.sh: how long each mojo of a build took, from Maven's own execution
 * events rather than from log timestamps. Loaded with {@code -Dmaven.ext.class.path=mojo-times.jar}; at the end of
 * the session it appends one tab-separated line per mojo, per project and for the session to the file named by
 * {@code -Dmojo.times.file}:
 *
 * <pre>
 * mojo     PROJECT  PLUGIN:GOAL (EXECUTION)  SETUP_MS  RUN_MS
 * project  PROJECT  -                        -         MS
 * session  -        -                        -         MS
 * </pre>
 *
 * RUN is MojoStarted to MojoSucceeded: the plugin's class realm, its configuration and {@code execute()}. SETUP is the
 * end of the project's previous mojo (or the project's start) to MojoStarted, which is where Maven resolves the
 * dependencies the mojo asks for ({@code requiresDependencyResolution}). For a sequential build only.
 */
@Named
@Singleton
public final class MojoTimes extends AbstractEventSpy {
  private final List<String> lines = new ArrayList<>();
  private long sessionStart;
  private long projectStart;
  private long lastEnd;
  private long mojoStart;

  @Override
  public void onEvent(Object event) {
    if (!(event instanceof ExecutionEvent execution)) {
      return;
    }
    long now = System.nanoTime();
    switch (execution.getType()) {
      case SessionStarted:
        sessionStart = now;
        break;
      case ProjectStarted:
        projectStart = now;
        lastEnd = now;
        break;
      case MojoStarted:
        mojoStart = now;
        break;
      case MojoSucceeded:
      case MojoFailed:
        MojoExecution mojo = execution.getMojoExecution();
        lines.add(String.join("\t", "mojo", execution.getProject().getArtifactId(),
            mojo.getArtifactId() + ":" + mojo.getGoal() + " (" + mojo.getExecutionId() + ")", millis(mojoStart - lastEnd),
            millis(now - mojoStart)));
        lastEnd = now;
        break;
      case ProjectSucceeded:
      case ProjectFailed:
        lines.add(String.join("\t", "project", execution.getProject().getArtifactId(), "-", "-", millis(now - projectStart)));
        break;
      case SessionEnded:
        lines.add(String.join("\t", "session", "-", "-", "-", millis(now - sessionStart)));
        write();
        break;
      default:
        break;
    }
  }

  private void write() {
    String file = System.getProperty("mojo.times.file");
    String text = String.join("\n", lines) + "\n";
    if (file == null) {
      System.out.print(text);
      return;
    }
    try {
      Files.writeString(Path.of(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the mojo times to " + file, e);
    }
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }
}
