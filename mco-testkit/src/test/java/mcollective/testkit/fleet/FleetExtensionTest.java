package mcollective.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@link WithFleet} seen from a test: the sample test classes of {@link FleetSamples}, run here through the JUnit launcher,
 * get their fleet in fields and parameters, once per class or per method, and find it torn down afterwards; a fleet
 * that cannot start fails them. Java nodes are {@link RecordingInProcessJava}'s stand-ins.
 */
class FleetExtensionTest {
    @BeforeEach
    void reset() {
        FleetSamples.SEEN.clear();
        RecordingInProcessJava.reset();
    }

    @Nested
    class ClassLevel {
        @Test
        void shouldStartOneFleetForAllTestsOfTheClassAndItsNestedClasses() {
            assertPassed(run(FleetSamples.ClassFleet.class), 3);

            assertThat(FleetSamples.SEEN).hasSize(3).containsOnly(FleetSamples.SEEN.get(0));
        }

        @Test
        void shouldTearTheFleetDownAfterTheClass() throws IOException {
            assertPassed(run(FleetSamples.ClassFleet.class), 3);
            Fleet fleet = FleetSamples.SEEN.get(0);

            assertThat(RecordingInProcessJava.STOPPED)
                    .containsExactlyInAnyOrderElementsOf(RecordingInProcessJava.STARTED)
                    .hasSize(2);
            assertThat(accepts(fleet.port())).as("broker still listening").isFalse();
            assertThat(fleet.dir()).doesNotExist();
        }

        @Test
        void shouldFindAFleetDeclaredThroughAMetaAnnotationWithItsPlannedNodesFirst() {
            assertPassed(run(FleetSamples.ComposedFleet.class), 1);

            assertThat(FleetSamples.SEEN.get(0).identities())
                    .containsExactly("planned.example.net", "java1.example.net", "java2.example.net");
        }
    }

    @Nested
    class MethodLevel {
        @Test
        void shouldGiveEachAnnotatedMethodAFleetOfItsOwnClosedAfterIt() {
            assertPassed(run(FleetSamples.MethodFleets.class), 3);

            assertThat(FleetSamples.SEEN).hasSize(2).doesNotHaveDuplicates();
            assertThat(FleetSamples.SEEN)
                    .allSatisfy(fleet -> assertThat(fleet.dir()).doesNotExist());
            assertThat(RecordingInProcessJava.STOPPED).hasSize(2);
        }
    }

    @Nested
    class Refusals {
        @Test
        void shouldFailATestThatAsksForAFleetNobodyDeclared() {
            TestExecutionSummary summary = run(FleetSamples.NoFleet.class);

            assertThat(summary.getTestsFailedCount()).isEqualTo(1);
            assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("No @WithFleet on");
        }

        @Test
        void shouldFailNotSkipTheTestsOfAFleetThatCannotStart() {
            TestExecutionSummary summary = run(FleetSamples.BrokenFleet.class);

            assertThat(summary.getTestsSucceededCount()).isZero();
            assertThat(summary.getTestsSkippedCount()).isZero();
            assertThat(summary.getTestsAbortedCount()).isZero();
            assertThat(summary.getTotalFailureCount()).isPositive();
            assertThat(summary.getFailures().get(0).getException())
                    .hasMessageContaining("Node twin.example.net is in the fleet already");
            assertThat(RecordingInProcessJava.STOPPED).isEqualTo(RecordingInProcessJava.STARTED);
        }
    }

    static TestExecutionSummary run(Class<?> sample) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(sample))
                                .build(),
                        listener);
        return listener.getSummary();
    }

    static void assertPassed(TestExecutionSummary summary, int tests) {
        assertThat(summary.getTotalFailureCount())
                .as(summary.getFailures().stream()
                        .map(failure -> failure.getTestIdentifier().getDisplayName() + ": " + failure.getException())
                        .collect(Collectors.joining("\n")))
                .isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(tests);
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
