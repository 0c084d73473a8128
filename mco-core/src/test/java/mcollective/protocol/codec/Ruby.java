package mcollective.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/** Runs the real Ruby for cross-checks. Ruby must be installed: a test that needs it fails, never skips. */
final class Ruby {
    private Ruby() {}

    /** The bytes of {@code Marshal.dump(<expression>)}, as the installed Ruby writes them. */
    static byte[] dump(String expression) {
        return run("STDOUT.binmode; STDOUT.write Marshal.dump(" + expression + ")", new byte[0]);
    }

    /** What {@code p Marshal.load(stdin)} prints, so Ruby judges bytes this codec wrote. */
    static String inspectLoad(byte[] marshal) {
        return new String(run("STDIN.binmode; p Marshal.load(STDIN.read)", marshal), StandardCharsets.UTF_8).strip();
    }

    private static byte[] run(String script, byte[] stdin) {
        try {
            Process process = new ProcessBuilder("ruby", "-e", script).start();
            process.getOutputStream().write(stdin);
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("ruby finished")
                    .isTrue();
            assertThat(process.exitValue())
                    .as("ruby -e %s failed: %s", script, err)
                    .isZero();
            return out;
        } catch (IOException e) {
            throw new AssertionError(
                    "The 'ruby' executable is needed for this test and could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
