package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mcollective.testkit.McoResult;
import mcollective.testkit.RubyEnvironment;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.FleetNode;
import mcollective.testkit.fleet.NodeKind;
import mcollective.testkit.fleet.WithFleet;

/**
 * The Java and the Ruby {@code mco} print the same text against one mixed fleet (two Java nodes, two Ruby nodes).
 * Times, timestamps and the order in which hosts answer are masked; everything else must match.
 */
@WithFleet(
        nodes = {
            @FleetNode(
                    value = "node1.example.net",
                    facts = {"platform=centos", "chef_environment=prod"},
                    classes = "role.base"),
            @FleetNode(
                    value = "node3.example.net",
                    facts = {"platform=centos", "chef_environment=dev"},
                    classes = "role.base"),
            @FleetNode(
                    value = "node2.example.net",
                    kind = NodeKind.RUBY,
                    facts = {"platform=ubuntu", "chef_environment=dev"},
                    classes = "role.base"),
            @FleetNode(
                    value = "node4.example.net",
                    kind = NodeKind.RUBY,
                    facts = {"platform=centos", "chef_environment=prod"},
                    classes = "role.base")
        })
class SameOutputCompatIT {
    static Fleet fleet;

    /** What bin/mco passes: the program as invoked, which Ruby prints in its banner. */
    @BeforeAll
    static void programName() {
        System.setProperty("mco.program", RubyEnvironment.MCO.toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "find --dt 1",
                "find --dt 1 -F platform=centos",
                "find --dt 1 -I /node[12]/",
                "ping -t 2",
                "rpc rpcutil ping --dt 1",
                "rpc rpcutil get_fact fact=platform --dt 1",
                "rpc rpcutil get_fact fact=chef_environment --dt 1 -F platform=centos",
                "rpc rpcutil ping --dt 1 -v",
                "rpc rpcutil ping -I node2.example.net -I node3.example.net",
                "rpc rpcutil get_fact",
                "rpc rpcutil no_such_action",
                "rpc no_such_agent ping",
                "rpc rpcutil ping --dt 1 -F platform=windows",
                "rpc rpcutil agent_inventory -I node1.example.net -I node2.example.net",
                "rpc rpcutil collective_info --dt 1",
                "rpc rpcutil get_config_item item=identity --dt 1",
                "rpc rpcutil get_config_item item=collectives -I node1.example.net -I node2.example.net",
                "rpc rpcutil get_facts facts=platform,chef_environment --dt 1",
                "rpc rpcutil inventory -I node1.example.net",
                "rpc rpcutil inventory -I node2.example.net",
                "rpc rpcutil ping --dt 1 -j",
                "facts platform --dt 1",
                "facts chef_environment --dt 1 -v",
                "facts no_such_fact --dt 1",
                "facts",
                "find|--dt|1|-S|platform=centos and chef_environment=dev",
                "find|--dt|1|-S|(platform=ubuntu or chef_environment=prod) and not role.nothere",
                "find|--dt|1|-S|!platform=centos",
                "find|--dt|1|-S|platform=/^cent/ and role.base",
                "find|--dt|1|-S|platform=centos and and x",
                "find|--dt|1|-S|(platform=centos",
                "find|--dt|1|-S|fstat('/etc/hostname').size>0",
                "find|--dt|1|-S|fstat('/etc/hostname').type=file and fact('platform').value=centos",
                "find|--dt|1|-S|collective('mcollective').member=true",
                "find|--dt|1|-S|fstat('/etc/hostname').md5=/^[0-9a-f]+$/",
                "find|--dt|1|-S|nosuch('x').value=1",
                "rpc|rpcutil|get_data|source=collective|query=mcollective|--dt|1",
                "rpc|rpcutil|get_data|source=fact|query=platform|--dt|1",
                "ping|-t|2|-F|chef_environment=dev",
                "find|--dt|1|-C|role.base",
                "rpc|rpcutil|inventory|--dt|1",
                "rpc|rpcutil|inventory|-j|-I|node1.example.net",
                "help",
                "--help",
                "completion --list-agents",
                "completion --list-actions --agent rpcutil -v",
                "completion --list-inputs --agent rpcutil --action get_facts -v",
                "completion",
                "describe_filter|-F|cpus>=2|-F|country=/uk/|-C|apache",
                "describe_filter|-S|((customer=acme and environment=staging) or environment=development) and /apache/",
                "describe_filter|-S|fstat('/etc/issue').md5=/abc/ and not country=uk",
                "inventory node1.example.net",
                "inventory node2.example.net",
                "inventory --lc --dt 1",
                "inventory",
            })
    void shouldPrintWhatRubyPrints(String command) {
        BothMco both = BothMco.run(fleet, command.contains("|") ? command.split("\\|") : command.split(" "));
        McoResult ruby = both.ruby();
        McoResult java = both.java();

        assertThat(java.exitCode()).as("exit code of " + command).isEqualTo(ruby.exitCode());
        assertThat(normalise(withoutPortOnlyPlugins(java.out())))
                .as("stdout of " + command + "\n--- java:\n" + java.out() + "\n--- ruby:\n" + ruby.out())
                .isEqualTo(normalise(withoutPortOnlyPlugins(ruby.out())));
        assertThat(normalise(java.err())).as("stderr of " + command).isEqualTo(normalise(ruby.err()));
    }

    /**
     * The port ships chef plugins Ruby's package lacks (the discovery method, the agent's DDL and the application);
     * their lines in listings are the only difference.
     */
    static String withoutPortOnlyPlugins(String text) {
        Matcher grid = Pattern.compile("(?s)Known commands:\n\n(.*?)\n\n").matcher(text);
        if (grid.find()) {
            String commands = String.join(
                    " ",
                    Arrays.stream(grid.group(1).strip().split("\\s+"))
                            .filter(c -> !c.equals("chef"))
                            .toList());
            text = text.substring(0, grid.start(1)) + commands + text.substring(grid.end(1));
        }
        return text.replaceAll(
                        "(?m)^ +chef +(Chef server search based discovery|Manage the chef-client daemon"
                                + "|Checks the status of and Wakes the Chef).*\n",
                        "")
                .replaceAll("(?m)^chef\n", "");
    }

    static String sortedJson(String json) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            List<Map<String, Object>> results =
                    mapper.readValue(json, new TypeReference<List<Map<String, Object>>>() {});
            results.sort(Comparator.comparing(r -> String.valueOf(r.get("sender"))));
            return mapper.writeValueAsString(results);
        } catch (IOException e) {
            return json;
        }
    }

    /** {@code plugin doc}: the same text; Ruby 3.1 also warns about its ERB calls on stderr, which is not compared. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "plugin doc",
                "plugin doc rpcutil",
                "plugin doc agent/rpcutil",
                "plugin doc fstat",
                "plugin doc mc",
                "plugin doc summary",
                "plugin doc shellsafe",
                "plugin doc activemq"
            })
    void shouldDocumentPluginsAsRubyDoes(String command) {
        BothMco both = BothMco.run(fleet, command.split(" "));

        assertThat(both.java().exitCode()).isEqualTo(both.ruby().exitCode());
        assertThat(withoutPortOnlyPlugins(both.java().out()))
                .isEqualTo(both.ruby().out());
    }

    /**
     * The Ruby {@code mco} asking a Java node (node1) gets what it gets from a Ruby node with the same facts and
     * classes (node4).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "ping",
                "get_fact fact=platform",
                "get_facts facts=platform,chef_environment",
                "collective_info",
                "agent_inventory",
                "get_config_item item=identity",
                "get_config_item item=collectives",
                "get_config_item item=direct_addressing",
                "get_config_item item=nosuch",
                "get_fact",
                "no_such_action",
                "get_data source=fact query=chef_environment",
                "get_data source=agent query=rpcutil",
                "get_data source=fstat query=/etc/hostname",
                "get_data source=agent query=no-such-agent!"
            })
    void shouldAnswerTheRubyClientAsARubyNodeDoes(String action) {
        List<String> args = new ArrayList<>(List.of("rpc", "rpcutil"));
        args.addAll(Arrays.asList(action.split(" ")));
        List<String> toJava = new ArrayList<>(args);
        toJava.addAll(List.of("-I", "node1.example.net"));
        List<String> toRuby = new ArrayList<>(args);
        toRuby.addAll(List.of("-I", "node4.example.net"));

        McoResult java = fleet.rubyMco(toJava.toArray(String[]::new));
        McoResult ruby = fleet.rubyMco(toRuby.toArray(String[]::new));

        assertThat(java.exitCode()).isEqualTo(ruby.exitCode());
        assertThat(normalise(java.out().replace("node1.example.net", "NODE")))
                .as("--- java node:\n" + java.out() + "\n--- ruby node:\n" + ruby.out())
                .isEqualTo(normalise(ruby.out().replace("node4.example.net", "NODE")));
        assertThat(java.err()).isEqualTo(ruby.err());
    }

    /** Masks times and timestamps, and sorts the host blocks, which arrive in any order. */
    static List<String> normalise(String text) {
        String sorted = String.join(
                        "\n",
                        text.lines()
                                .map(l -> l.startsWith("[{") ? sortedJson(l) : l)
                                .toList())
                + (text.endsWith("\n") ? "\n" : "");
        String masked = sorted.replaceAll("\\d+\\.\\d\\d ?ms", "T ms")
                .replaceAll("\\d+\\.\\d\\d seconds", "T seconds")
                .replaceAll("\\b1\\d{9}\\b", "EPOCH")
                .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}", "DATE")
                .replaceAll("(?m)^.*\\r(\\d+ / \\d+)$", "PROGRESS")
                .replaceAll("avg: T ms", "avg: T")
                .replaceAll("(max|min|avg): \\d+\\.\\d\\d", "$1: T")
                .replaceAll("time=\\d+\\.\\d\\d", "time=T")
                // fstat ages count seconds, and a second may pass between the two calls
                .replaceAll("(?m)^( +[acm]time_age): \\d+$", "$1: AGE")
                // reading the file may move its atime (relatime) between the two calls
                .replaceAll("(?m)^( +atime(_seconds)?): .*$", "$1: ATIME")
                // a node's counters move on between the Ruby and the Java run
                .replaceAll(
                        "(?m)^( +(Total Messages|Messages Passed Filters|Replies Sent|Total Processor Time|"
                                + "System Time|Passed Filter|Failed Filter|Replies|Security Validated|Failed Security|"
                                + "Times|Messages Filtered)): .*$",
                        "$1: N")
                .replaceAll("(?m)^( +Threads: ).*(\\n {20,}.*)*$", "$1T")
                .replaceAll("(?m)^( +PID: ).*$", "$1P");
        // Host blocks (a host line and the lines under it, up to a blank line) come in reply order: sort them
        // among themselves, in place.
        List<String> lines = Arrays.asList(masked.split("\n", -1));
        List<String> out = new ArrayList<>();
        List<String> hostBlocks = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("^node\\d\\.example\\.net.*")) {
                StringBuilder block = new StringBuilder(lines.get(i));
                while (i + 1 < lines.size()
                        && !lines.get(i + 1).isEmpty()
                        && !lines.get(i + 1).matches("^node\\d\\.example\\.net.*")) {
                    block.append('\n').append(lines.get(++i));
                }
                slots.add(out.size());
                hostBlocks.add(block.toString());
                out.add("");
            } else {
                out.add(lines.get(i));
            }
        }
        hostBlocks.sort(null);
        for (int i = 0; i < slots.size(); i++) {
            out.set(slots.get(i), hostBlocks.get(i));
        }
        // Summary rows with equal counts, and JSON results, also come in reply order.
        for (int i = 0; i < out.size(); i++) {
            int j = i;
            while (j < out.size() && out.get(j).matches("^ +\\S+ = \\d+$")) {
                j++;
            }
            if (j - i > 1) {
                List<String> run = new ArrayList<>(out.subList(i, j));
                run.sort(null);
                for (int k = i; k < j; k++) {
                    out.set(k, run.get(k - i));
                }
            }
        }
        return out;
    }
}
