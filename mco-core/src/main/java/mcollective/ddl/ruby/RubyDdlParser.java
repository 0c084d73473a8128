package mcollective.ddl.ruby;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.LoggerFactory;

import mcollective.Version;
import mcollective.ddl.ActionDdl;
import mcollective.ddl.AggregateCall;
import mcollective.ddl.Ddl;
import mcollective.ddl.DdlException;
import mcollective.ddl.DdlFormat;
import mcollective.ddl.DdlKind;
import mcollective.ddl.DdlValidationException;
import mcollective.ddl.InputItem;
import mcollective.ddl.Metadata;
import mcollective.ddl.OutputItem;
import mcollective.protocol.codec.RubySymbol;
import mcollective.ruby.RubyValues;

/**
 * Reads a DDL written in MCollective's Ruby DSL into a {@link Ddl}, without running Ruby: a hand-written tokenizer
 * and recursive-descent parser for the subset of Ruby the DSL uses, then the rules of the DSL methods of
 * {@code ddl/base.rb} ({@code metadata}, {@code requires}, {@code usage}, {@code input}, {@code output}),
 * {@code ddl/agentddl.rb} ({@code action}, {@code display}, {@code summarize}/{@code aggregate}),
 * {@code ddl/dataddl.rb} ({@code dataquery}) and {@code ddl/discoveryddl.rb} ({@code discovery},
 * {@code capabilities}), with Ruby's messages. Which statements are allowed depends on the kind, as in Ruby.
 * Anything else is a {@link DdlException} reading {@code file:line: message}. Stateless; thread-safe.
 */
public final class RubyDdlParser {
    private static final List<String> CAPABILITIES = List.of("classes", "facts", "identity", "agents", "compound");

    private final DdlKind kind;
    private final String name;
    private final String file;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final Map<String, ActionBuilder> actions = new LinkedHashMap<>();
    private final List<String> capabilities = new ArrayList<>();
    private final Map<String, Object> requirements = new LinkedHashMap<>();
    private String usage;
    private boolean discoveryDeclared;

    private RubyDdlParser(DdlKind kind, String name, String file) {
        this.kind = kind;
        this.name = name;
        this.file = file;
    }

    /** The {@code .ddl} {@link DdlFormat}, for {@link mcollective.ddl.DdlLoader}. */
    public static final class Format implements DdlFormat {
        @Override
        public String extension() {
            return ".ddl";
        }

        @Override
        public Ddl parse(DdlKind kind, String name, String text, String file) {
            return RubyDdlParser.parse(kind, name, text, file);
        }
    }

    /**
     * Parses one DDL.
     *
     * @param kind   the plugin kind; decides which statements are allowed
     * @param name   the plugin name as the file names it ({@code rpcutil}, {@code fact_data})
     * @param source the DDL text
     * @param file   where it came from, for messages
     * @throws DdlException {@code file:line: message} for anything the DSL or this parser does not accept
     */
    public static Ddl parse(DdlKind kind, String name, String source, String file) {
        RubyDdlParser parser = new RubyDdlParser(kind, name, file);
        for (RubyCall call : RubyCallParser.parse(source, file)) {
            parser.topLevel(call);
        }
        Map<String, ActionDdl> built = new LinkedHashMap<>();
        parser.actions.forEach((n, a) -> built.put(n, a.build()));
        return new Ddl(
                kind,
                name,
                parser.metadata,
                Optional.ofNullable(parser.usage),
                built,
                parser.capabilities,
                file,
                parser.requirements);
    }

    private void topLevel(RubyCall call) {
        switch (call.name()) {
            case "metadata" -> metadata(call);
            case "requires" -> requires(call);
            case "usage" -> usage = DslValues.string(call, 0, file);
            case "action" -> onlyFor(call, DdlKind.AGENT).action(call);
            case "dataquery" -> onlyFor(call, DdlKind.DATA).dataquery(call);
            case "discovery" -> onlyFor(call, DdlKind.DISCOVERY).discovery(call);
            case "input", "output" ->
                throw error(
                        call,
                        "Cannot figure out what "
                                + (call.name().equals("input") ? "entity" : "action") + " " + call.name() + " "
                                + DslValues.describe(
                                        call.args().isEmpty()
                                                ? null
                                                : call.args().get(0)) + " belongs to");
            default ->
                throw error(
                        call,
                        "undefined local variable or method `" + call.name() + "' in a " + kind.typeName() + " DDL");
        }
    }

    private RubyDdlParser onlyFor(RubyCall call, DdlKind allowed) {
        if (kind != allowed) {
            throw error(
                    call,
                    "undefined local variable or method `" + call.name() + "' in a " + kind.typeName() + " DDL (only "
                            + allowed.typeName() + " DDLs have it)");
        }
        return this;
    }

    private void metadata(RubyCall call) {
        noBlock(call);
        if (!call.args().isEmpty()) {
            throw error(call, "metadata takes :key => value pairs only");
        }
        try {
            Metadata.from(DslValues.plainMap(call.hash()));
        } catch (DdlException e) {
            throw error(call, e.getMessage());
        }
        metadata.clear();
        metadata.putAll(DslValues.plainMap(call.hash()));
    }

    private void requires(RubyCall call) {
        noBlock(call);
        if (!call.args().isEmpty() || call.hash().isEmpty()) {
            throw error(call, "Requirement should be a hash in the form :item => 'requirement'");
        }
        call.hash().forEach((key, value) -> {
            if (!key.equals("mcollective")) {
                throw error(call, "Requirement " + key + " is not a valid requirement, only mcollective is supported");
            }
            requirements.put(key, DslValues.plain(value));
        });
        String required = String.valueOf(requirements.get("mcollective"));
        if (Versions.compare(Version.VERSION, required) < 0) {
            throw new DdlValidationException(file + ":" + call.line() + ": " + capitalize(kind.typeName()) + " plugin '"
                    + name + "' requires MCollective version " + required + " or newer");
        }
    }

    private void action(RubyCall call) {
        String actionName = DslValues.name(call, file);
        if (!call.hash().containsKey("description")) {
            throw error(call, "Action needs a :description property");
        }
        // Ruby re-opens an action declared twice (its first description stays) rather than refusing it.
        ActionBuilder action = actions.computeIfAbsent(
                actionName, n -> new ActionBuilder(n, RubyValues.toS(call.hash().get("description"))));
        for (RubyCall statement : call.block()) {
            switch (statement.name()) {
                case "display" -> action.display = display(statement);
                case "input" -> action.addInput(RubyDdlItems.input(statement, kind, file));
                case "output" -> action.addOutput(RubyDdlItems.output(statement, file));
                case "summarize" ->
                    statement.block().forEach(a -> action.aggregates.add(RubyDdlItems.aggregate(a, actionName, file)));
                default ->
                    throw error(
                            statement,
                            "undefined local variable or method `" + statement.name() + "' in action " + actionName);
            }
        }
    }

    private String display(RubyCall call) {
        noBlock(call);
        Object arg =
                call.args().size() == 1 && call.hash().isEmpty() ? call.args().get(0) : null;
        String pref = RubyValues.toS(DslValues.plain(arg));
        if (!(arg instanceof RubySymbol) || !ActionDdl.DISPLAY_MODES.contains(pref)) {
            throw error(
                    call,
                    "Display preference " + pref + " is not valid, should be :ok, :failed, :flatten or " + ":always");
        }
        if (pref.equals("flatten")) {
            LoggerFactory.getLogger(RubyDdlParser.class)
                    .warn(
                            "{}:{}: The display option :flatten is being deprecated and will be removed in the next minor "
                                    + "release.",
                            file,
                            call.line());
        }
        return pref;
    }

    private void dataquery(RubyCall call) {
        if (!call.hash().containsKey("description")) {
            throw error(call, "Data queries need a :description");
        }
        if (actions.containsKey(Ddl.DATAQUERY)) {
            throw error(call, "Data queries can only have one definition");
        }
        ActionBuilder query =
                new ActionBuilder(Ddl.DATAQUERY, RubyValues.toS(call.hash().get("description")));
        actions.put(Ddl.DATAQUERY, query);
        for (RubyCall statement : call.block()) {
            switch (statement.name()) {
                case "input" -> {
                    InputItem input = RubyDdlItems.input(statement, kind, file);
                    if (!input.name().equals("query")) {
                        throw error(statement, "The only valid input name for a data query is 'query'");
                    }
                    query.addInput(input);
                }
                case "output" -> query.addOutput(RubyDdlItems.output(statement, file));
                default ->
                    throw error(
                            statement, "undefined local variable or method `" + statement.name() + "' in a dataquery");
            }
        }
    }

    private void discovery(RubyCall call) {
        if (discoveryDeclared) {
            throw error(call, "Discovery plugins can only have one definition");
        }
        discoveryDeclared = true;
        for (RubyCall statement : call.block()) {
            if (!statement.name().equals("capabilities")) {
                throw error(
                        statement,
                        "undefined local variable or method `" + statement.name() + "' in a discovery block");
            }
            List<Object> caps = new ArrayList<>();
            statement.args().forEach(a -> caps.addAll(a instanceof List<?> l ? l : Collections.singletonList(a)));
            if (caps.isEmpty()) {
                throw error(statement, "Discovery plugin capabilities can't be empty");
            }
            for (Object cap : caps) {
                Object plain = DslValues.plain(cap);
                if (!(cap instanceof RubySymbol) || !CAPABILITIES.contains(plain)) {
                    throw error(
                            statement,
                            plain + " is not a valid capability, valid capabilities are :classes, "
                                    + ":facts, :identity, :agents and :compound");
                }
                capabilities.add(String.valueOf(plain));
            }
        }
    }

    private void noBlock(RubyCall call) {
        if (!call.block().isEmpty()) {
            throw error(call, call.name() + " takes no block");
        }
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private DdlException error(RubyCall call, String message) {
        return new DdlException(file + ":" + call.line() + ": " + message);
    }

    /** An action while its statements are read; Ruby lets a later {@code action} with the same name add to it. */
    private static final class ActionBuilder {
        private final String name;
        private final String description;
        private final Map<String, InputItem> inputs = new LinkedHashMap<>();
        private final Map<String, OutputItem> outputs = new LinkedHashMap<>();
        private final List<AggregateCall> aggregates = new ArrayList<>();
        private String display = "failed";

        ActionBuilder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        void addInput(InputItem input) {
            inputs.put(input.name(), input);
        }

        void addOutput(OutputItem output) {
            outputs.put(output.name(), output);
        }

        ActionDdl build() {
            return new ActionDdl(name, description, display, inputs, outputs, aggregates);
        }
    }
}
