package mcollective.ddl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import mcollective.ddl.ruby.RubyDdlParser;

/** DDLs the tests share: the project's shipped ones and third-party-style agents. */
public final class DdlFixtures {
    public static final String METADATA = """
            metadata :name => "%s", :description => "d", :author => "a", :license => "ASL 2.0",
                     :version => "1.0", :url => "https://example.net/", :timeout => 60
            """;

    public static final String PUPPET_LIKE = """
            metadata    :name        => "puppet",
                        :description => "Run Puppet agent, get its status, and enable/disable it",
                        :author      => "R.I.Pienaar <rip@devco.net>",
                        :license     => "ASL2.0",
                        :version     => "1.11.1",
                        :url         => "https://github.com/puppetlabs/mcollective-puppet-agent",
                        :timeout     => 20

            requires :mcollective => "2.2.1"

            usage <<-EOU
              mco puppet runonce --noop
              mco puppet status
            EOU

            action "runonce", :description => "Invoke a single Puppet run" do
                input :force,
                      :prompt      => "Force",
                      :description => "Will force a run immediately",
                      :type        => :boolean,
                      :optional    => true,
                      :default     => false

                input :splaylimit,
                      :prompt      => "Maximum splay time",
                      :description => "Maximum amount of time to sleep before run",
                      :type        => :integer,
                      :optional    => true

                input :tags,
                      :prompt      => "Tags",
                      :description => "Restrict the Puppet run to a comma list of tags",
                      :type        => :string,
                      :validation  => :puppet_tags,
                      :optional    => true,
                      :maxlength   => 120

                input :environment, :prompt => "Environment", :description => "Which environment",
                      :type => :list, :list => ["production", "development"], :optional => true,
                      :default => "production"

                input :noop, :prompt => "Noop", :description => "Do a noop run", :type => :boolean,
                      :optional => false, :default => true

                output :summary,
                       :description => "Summary of command run",
                       :display_as  => "Summary",
                       :default     => ""

                output :runtime, :description => "Run time", :display_as => "Run time"
                output :enabled, :description => "Is the agent enabled", :display_as => "Enabled"

                summarize do
                    aggregate boolean_summary(:enabled, {:true => "enabled", :false => "disabled"})
                    aggregate average(:runtime, :format => "Average: %0.2f")
                    aggregate summary(:summary)
                end
            end

            action "status", :description => "Get the current status of the Puppet agent" do
                display :always
                output :enabled, :description => "Is the agent enabled", :display_as => "Enabled"
            end
            """;

    public static final String PACKAGE_LIKE = """
            metadata :name => "package",
                     :description => "Install, uninstall, update, purge and perform other actions to packages",
                     :author => "R.I.Pienaar", :license => "ASL 2.0", :version => "4.4.0",
                     :url => "https://github.com/puppetlabs/mcollective-package-agent", :timeout => 180
            requires :mcollective => "2.2.1"

            action "install", :description => "Install a package" do
                input :package,
                      :prompt      => "Package Name",
                      :description => "Package to install",
                      :type        => :string,
                      :validation  => :shellsafe,
                      :optional    => false,
                      :maxlength   => 90
                input :version, :prompt => "Package version", :description => "Version to install",
                      :type => :string, :validation => '.', :optional => true, :maxlength => 90
                output :output, :description => "Output from the package manager", :display_as => "Output"
                output :ensure, :description => "Package status", :display_as => "Ensure"
                summarize do
                    aggregate summary(:ensure)
                end
            end

            action "yum_clean", :description => "Clean the YUM cache" do
                input :mode, :prompt => "Yum clean mode", :description => "One of the various supported clean modes",
                      :type => :list, :optional => true, :list => ["all", "headers", "packages", "metadata"],
                      :default => "all"
                output :exitcode, :description => "The exitcode from the yum command", :display_as => "Exit Code"
            end

            action "count", :description => "Get number of packages installed" do
                output :output, :description => "Count of packages", :display_as => "Count"
                summarize do
                    aggregate sum(:output, :format => "Total: %d")
                end
            end
            """;

    public static final String SERVICE_LIKE = """
            metadata :name        => "service",
                     :description => "Start and stop system services",
                     :author      => "R.I.Pienaar",
                     :license     => "ASL2",
                     :version     => "3.1.3",
                     :url         => "https://github.com/puppetlabs/mcollective-service-agent",
                     :timeout     => 60

            action "status", :description => "Gets the status of a service" do
                display :always

                input :service,
                      :prompt      => "Service Name",
                      :description => "The service to get the status for",
                      :type        => :string,
                      :validation  => '^[a-zA-Z\\-_\\d\\.@]+$',
                      :optional    => false,
                      :maxlength   => 90

                output "status",
                       :description => "The status of the service",
                       :display_as  => "Service Status",
                       :default     => "unknown"

                summarize do
                    aggregate summary(:status)
                end
            end

            # start, stop and restart share their interface
            action "restart", :description => "Restart a service" do
                input :service, :prompt => "Service Name", :description => "The service to restart",
                      :type => :string, :validation => :shellsafe, :optional => false, :maxlength => 90
                input :address, :prompt => "Address", :description => "Bind address", :type => :string,
                      :validation => :ipv4address, :optional => true, :maxlength => 15
                input :count, :prompt => "Count", :description => "Retries", :type => :integer, :optional => true
                input :ratio, :prompt => "Ratio", :description => "A float", :type => :float, :optional => true
                input :weight, :prompt => "Weight", :description => "A number", :type => :number, :optional => true
                input :options, :prompt => "Options", :description => "A hash", :type => :hash, :optional => true
                input :hosts, :prompt => "Hosts", :description => "An array", :type => :array, :optional => true
                input :mode, :prompt => "Mode", :description => "How", :type => :list, :list => ["soft", "hard"],
                      :optional => true
                input :unit, :prompt => "Unit", :description => "Literal regex", :type => :string,
                      :validation => /^\\w+\\.service$/i, :optional => true, :maxlength => 0
                output :status, :description => "The status of the service", :display_as => "Service Status"
            end
            """;

    private DdlFixtures() {}

    public static String withMetadata(String name, String body) {
        return METADATA.formatted(name) + body;
    }

    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("mco-core")) || !Files.isDirectory(dir.resolve("ddl"))) {
            dir = dir.getParent();
            if (dir == null) {
                throw new AssertionError("cannot find the project root with ddl/ from "
                        + Path.of("").toAbsolutePath());
            }
        }
        return dir;
    }

    public static List<Path> shippedDdls() {
        try (Stream<Path> files = Files.walk(projectRoot().resolve("ddl"))) {
            List<Path> found =
                    files.filter(p -> p.toString().endsWith(".ddl")).sorted().toList();
            if (found.size() < 20) {
                throw new AssertionError("expected MCollective's 20 DDLs under ddl/ but found " + found);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Ddl shipped(String kind, String name) {
        Path file = projectRoot().resolve("ddl").resolve(kind).resolve(name + ".ddl");
        try {
            return RubyDdlParser.parse(DdlKind.of(kind), name, Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
