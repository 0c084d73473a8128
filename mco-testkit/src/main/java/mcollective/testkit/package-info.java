/**
 * Test fixtures shared by the unit and integration suites: fakes ({@link mcollective.testkit.InMemoryConnector},
 * {@link mcollective.testkit.LogCapture}, {@link mcollective.testkit.MutableClock}, stand-ins for Chef), config
 * writers for test fleets ({@link mcollective.testkit.ServerCfg}, {@link mcollective.testkit.ClientCfg},
 * {@link mcollective.testkit.FleetDir}) that serve Ruby and Java nodes alike, and the nodes of a fleet that run as
 * child processes ({@link mcollective.testkit.ChildProcess}): the real Ruby MCollective (Debian's 2.12.5 on Ruby
 * 3.1, {@link mcollective.testkit.RubyNode}, {@link mcollective.testkit.RubyMco}) and the Java
 * {@code bin/mcollectived} ({@link mcollective.testkit.JavaDaemon}). The JUnit 5 extension that puts them together
 * for a test is in {@link mcollective.testkit.fleet}.
 *
 * <p>What running the Ruby side takes, learnt on Debian bookworm:
 * <ul>
 *   <li>{@code /usr/sbin/mcollectived --config <cfg> --no-daemonize --pidfile <file>} with {@code daemonize = 0};
 *       it is ready when its debug log says "Waiting for a message from ActiveMQ" (after the CONNECT and every
 *       SUBSCRIBE), about 2 s after launch on an idle machine, 3-4 s when three start at once on two CPUs.</li>
 *   <li>{@code RUBYOPT=-r<psych_compat.rb>} is needed, or yaml facts silently load as nothing: Debian's code calls
 *       {@code YAML.safe_load} with Psych 3's positional arguments. {@code File.exists?} (deprecated in 3.1) still
 *       works.</li>
 *   <li>{@code mco <app> --help} prints nothing through a pipe ({@code exit!} skips the flush); run {@code mco}
 *       with output to files.</li>
 *   <li>With {@code plugin.activemq.heartbeat_interval} (30 s at least) the connector speaks STOMP 1.1 with
 *       heart-beats; without it, STOMP 1.0.</li>
 *   <li>{@code MCOLLECTIVE_EXTRA_OPTS} and {@code MCOLLECTIVE_PSK} from the environment would change the run, so
 *       they are removed.</li>
 * </ul>
 */
package mcollective.testkit;
